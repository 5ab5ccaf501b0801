;; A shared memory used from several Java threads: atomic counter, wait and notify.
(module
  (memory (export "mem") 1 1 shared)
  (func (export "wait") (param i64) (result i32) (memory.atomic.wait32 (i32.const 0) (i32.const 0) (local.get 0)))
  (func (export "notify") (result i32) (memory.atomic.notify (i32.const 0) (i32.const 1)))
  (func (export "add") (param i32) (result i32) (i32.atomic.rmw.add (i32.const 4) (local.get 0)))
  (func (export "count") (result i32) (i32.atomic.load (i32.const 4)))
  (func (export "add-many") (param $n i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next))))
)
