;; Loop-heavy code for the compilation tests: a checksum over memory (OSR on a long loop run once)
;; and a small leaf function called often (compiled as a whole call target).
(module
  (memory (export "memory") 1)
  (func (export "fill-and-sum") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (local.set $i (i32.const 0))
    (block $done (loop $fill
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (i32.and (local.get $i) (i32.const 0xffff)) (i32.mul (local.get $i) (i32.const 7)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $fill)))
    (local.set $i (i32.const 0))
    (block $done (loop $sum
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (i32.add (local.get $acc) (i32.load8_u (i32.and (local.get $i) (i32.const 0xffff)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sum)))
    (local.get $acc))
  (func (export "mix") (param i64 i64) (result i64)
    (i64.xor (i64.rotl (local.get 0) (i64.const 13)) (i64.mul (local.get 1) (i64.const 0x9E3779B97F4A7C15))))
)
