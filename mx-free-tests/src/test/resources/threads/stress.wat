;; Guest code for the shared-memory stress tests (WasmThreadsStressTest): several host threads
;; call these exports of one instance at once. Rebuild with: wat2wasm --enable-threads stress.wat
(module
  (memory (export "memory") 1 64 shared)

  ;; n times i32.atomic.rmw.add of 1 at address 0
  (func (export "add_many") (param $n i32)
    (loop $l
      (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))))
  (func (export "count") (result i32) (i32.atomic.load (i32.const 0)))

  ;; a cmpxchg spin lock at 8 guards a plain (non-atomic) counter at 16
  (func (export "locked_increments") (param $n i32)
    (loop $l
      (block $acquired
        (loop $spin
          (br_if $acquired (i32.eqz (i32.atomic.rmw.cmpxchg (i32.const 8) (i32.const 0) (i32.const 1))))
          (br $spin)))
      (i32.store (i32.const 16) (i32.add (i32.load (i32.const 16)) (i32.const 1)))
      (i32.atomic.store (i32.const 8) (i32.const 0))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))))
  (func (export "counter") (result i32) (i32.load (i32.const 16)))

  ;; a one-slot mailbox: flag at 24 (0 empty, 1 full), item at 32; items 1..n in order
  (func (export "produce") (param $n i32) (local $item i64)
    (loop $l
      (local.set $item (i64.add (local.get $item) (i64.const 1)))
      (block $empty
        (loop $wait
          (br_if $empty (i32.eqz (i32.atomic.load (i32.const 24))))
          (drop (memory.atomic.wait32 (i32.const 24) (i32.const 1) (i64.const 100000000)))
          (br $wait)))
      (i64.atomic.store (i32.const 32) (local.get $item))
      (i32.atomic.store (i32.const 24) (i32.const 1))
      (drop (memory.atomic.notify (i32.const 24) (i32.const 1)))
      (br_if $l (i64.lt_u (local.get $item) (i64.extend_i32_u (local.get $n))))))
  ;; returns the sum of the items; traps (unreachable) when an item is lost or repeated
  (func (export "consume") (param $n i32) (result i64) (local $sum i64) (local $previous i64) (local $item i64)
    (loop $l
      (block $full
        (loop $wait
          (br_if $full (i32.atomic.load (i32.const 24)))
          (drop (memory.atomic.wait32 (i32.const 24) (i32.const 0) (i64.const 100000000)))
          (br $wait)))
      (local.set $item (i64.atomic.load (i32.const 32)))
      (if (i64.ne (local.get $item) (i64.add (local.get $previous) (i64.const 1))) (then unreachable))
      (local.set $previous (local.get $item))
      (local.set $sum (i64.add (local.get $sum) (local.get $item)))
      (i32.atomic.store (i32.const 24) (i32.const 0))
      (drop (memory.atomic.notify (i32.const 24) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))
    (local.get $sum))

  ;; grows page by page until memory.grow fails; returns the final size in pages
  (func (export "grow_all") (result i32)
    (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (memory.size))

  ;; the address writer w owns in page p: p*65536 + 8*(p mod 64)
  (func $region (param $p i32) (result i32)
    (i32.add (i32.mul (local.get $p) (i32.const 65536)) (i32.mul (i32.const 8) (i32.rem_u (local.get $p) (i32.const 64)))))
  ;; writer w writes (p << 8 | w) into every page p < memory.size with p mod 3 == w and reads it
  ;; back, again and again, until the memory reached 64 pages; traps on a lost write; returns writes
  (func (export "write_regions") (param $w i32) (result i32) (local $p i32) (local $size i32) (local $value i32) (local $writes i32)
    (loop $outer
      (local.set $size (memory.size))
      (local.set $p (local.get $w))
      (block $done
        (loop $inner
          (br_if $done (i32.ge_u (local.get $p) (local.get $size)))
          (local.set $value (i32.or (i32.shl (local.get $p) (i32.const 8)) (local.get $w)))
          (i32.store (call $region (local.get $p)) (local.get $value))
          (if (i32.ne (i32.load (call $region (local.get $p))) (local.get $value)) (then unreachable))
          (local.set $writes (i32.add (local.get $writes) (i32.const 1)))
          (local.set $p (i32.add (local.get $p) (i32.const 3)))
          (br $inner)))
      (br_if $outer (i32.lt_u (local.get $size) (i32.const 64))))
    (local.get $writes))
  (func (export "region_value") (param $p i32) (result i32) (i32.load (call $region (local.get $p))))
)
