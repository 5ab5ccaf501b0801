;; Test module for MainTest: a shared memory and atomics; runs under the default --memory dynamic.
;; Built by examples/build.sh: wat2wasm --enable-threads shared.wat -o shared.wasm
(module
  (memory (export "memory") 1 2 shared)
  ;; Adds 5 to the word at 0 twice, atomically: returns the old value of the second add (5).
  (func (export "main") (result i32)
    (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 5)))
    (i32.atomic.rmw.add (i32.const 0) (i32.const 5)))
)
