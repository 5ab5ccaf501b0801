;; The training run of bin/linmem's ahead-of-time cache (bin/launcher-image.sh): a small WASI
;; command that takes the engine through what real programs do first, so that the JVM records the
;; classes they load, parsed and linked (JEPs 483 and 514): decoding and
;; validation, instantiation with data segments and a table, the interpreter on loops, loads and
;; stores of each width, direct, indirect and recursive calls, bulk memory, memory.grow, and
;; WASI output. It loops long enough for the Truffle compiler to compile its hot functions.
(module
  (type $unary (func (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 3)
  (data (i32.const 150000) "linmem: trained\0a")
  (table 2 funcref)
  (elem (i32.const 0) $fib $square)

  (func $fill (param $n i32)
    (local $i i32)
    (loop $next
      (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.mul (local.get $i) (i32.const -1640531535)))
      (i64.store8 offset=65536 (local.get $i) (i64.extend_i32_u (local.get $i)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))

  (func $sum (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (loop $next
      (local.set $acc (i32.add (local.get $acc) (i32.load (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $acc (i32.xor (local.get $acc) (i32.wrap_i64 (i64.load16_u offset=65536 (local.get $i)))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))

  (func $fib (type $unary) (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  (func $square (type $unary) (param $n i32) (result i32)
    (i32.mul (local.get $n) (local.get $n)))

  (func (export "_start")
    (local $round i32) (local $check i32)
    (drop (memory.grow (i32.const 1)))
    (loop $rounds
      (call $fill (i32.const 4000))
      (local.set $check (i32.add (local.get $check) (call $sum (i32.const 4000))))
      (local.set $check (i32.add (local.get $check)
        (call_indirect (type $unary) (i32.const 20) (i32.and (local.get $round) (i32.const 1)))))
      (memory.fill (i32.const 131072) (local.get $round) (i32.const 4096))
      (memory.copy (i32.const 135168) (i32.const 131072) (i32.const 4096))
      (br_if $rounds (i32.lt_u (local.tee $round (i32.add (local.get $round) (i32.const 1))) (i32.const 600))))
    ;; the check keeps the work observable; the message is written whatever it is
    (i32.store (i32.const 149984) (i32.const 150000))
    (i32.store (i32.const 149988) (i32.add (i32.const 16) (i32.and (local.get $check) (i32.const 0))))
    (drop (call $fd_write (i32.const 1) (i32.const 149984) (i32.const 1) (i32.const 149992)))))
