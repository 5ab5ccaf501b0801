;; A function that stays inside its instance while the host's "pause" import waits, so that a test
;; can hold the instance's unshared memory on one thread and use it from another.
(module
  (import "env" "pause" (func $pause))
  (memory (export "mem") 1)
  (func (export "hold")
    (i32.store (i32.const 0) (i32.const 42))
    (call $pause))
  (func (export "peek") (result i32)
    (i32.load (i32.const 0))))
