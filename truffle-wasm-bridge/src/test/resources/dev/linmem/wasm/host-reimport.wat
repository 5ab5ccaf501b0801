;; Imports the function host-globals.wat re-exports, and calls it.
(module
  (import "lib" "reexported-inc" (func $inc (param i32) (result i32)))
  (memory 1)
  (func (export "inc") (param i32) (result i32) (call $inc (local.get 0)))
)
