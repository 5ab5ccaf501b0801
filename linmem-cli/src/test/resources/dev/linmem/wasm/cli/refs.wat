;; Test module for SpecRunnerTest. Built by examples/build.sh: wat2wasm refs.wat -o refs.wasm
;; References through the spec runner: an externref kept in a table and handed back, a function
;; reference, and null.
(module
  (table $host 2 externref)
  (func $f)
  (elem declare func $f)
  (func (export "keep") (param externref) (table.set $host (i32.const 1) (local.get 0)))
  (func (export "kept") (result externref) (table.get $host (i32.const 1)))
  (func (export "func") (result funcref) (ref.func $f))
  (func (export "null-func") (result funcref) (ref.null func)))
