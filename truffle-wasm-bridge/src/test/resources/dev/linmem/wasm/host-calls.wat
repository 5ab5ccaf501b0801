;; Calls host functions: env.inc in a loop, env.log with a string in its own memory, env.split
;; with two results, env.store writing into the caller's memory; table/global imports.
(module
  (import "env" "inc" (func $inc (param i32) (result i32)))
  (import "env" "log" (func $log (param i32 i32)))
  (import "env" "split" (func $split (param i64) (result i32 f64)))
  (import "env" "store" (func $store (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, host")
  (func (export "inc") (param i32) (result i32) (call $inc (local.get 0)))
  (func (export "loop") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $inc (local.get $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "hello") (call $log (i32.const 16) (i32.const 11)))
  (func (export "log-at") (param i32 i32) (call $log (local.get 0) (local.get 1)))
  (func (export "split") (param i64) (result i32 f64) (call $split (local.get 0)))
  (func (export "store-then-load") (param i32) (result i32)
    (call $store (local.get 0))
    (i32.load (local.get 0)))
)
