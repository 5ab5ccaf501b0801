;; Found by bin/linmem fuzz (a bit flip in a malformed-module run made a function call itself;
;; the fuzzer's reducer shrank it to this shape). Unbounded recursion: V8 reports stack
;; exhaustion at once, interpreted linmem too; compiled (engine.CompileImmediately) linmem neither
;; exhausts nor stops when its context is cancelled within seconds (issue 9, item 5).
(module
  (func $f (export "f") (result f32)
    (drop (call $f))
    (f32.const 19834)))
