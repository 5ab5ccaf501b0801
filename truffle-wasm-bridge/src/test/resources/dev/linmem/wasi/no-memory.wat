;; A module that imports WASI but has no memory: its WASI calls that take pointers must fail
;; with EFAULT (21), not trap; those that take none work.
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (func (export "random") (result i32)
    (call $random_get (i32.const 0) (i32.const 4)))
  (func (export "close_stdin") (result i32)
    (call $fd_close (i32.const 0))))
