;; Functions that trap on every call, one per trap the bridge raises itself. Compiled, they must
;; keep their code: a trap is a branch to a boundary that throws, not a deoptimization (the
;; differential fuzzer found a function that trapped on each call, deoptimized each time, was
;; recompiled again and again and finally failed with "Deopt taken too many times").
(module
  (type $v (func))
  (table $t 2 funcref)
  (elem (i32.const 0) $unreachable)
  (func $unreachable (export "unreachable")
    (unreachable))
  (func (export "divide-by-zero") (param $x i32) (result i32)
    (i32.div_s (local.get $x) (i32.const 0)))
  (func (export "overflow") (param $x i32) (result i32)
    (i32.div_s (i32.const 0x80000000) (i32.const -1)))
  (func (export "invalid-conversion") (param $x f32) (result i32)
    (i32.trunc_f32_u (f32.div (local.get $x) (local.get $x))))
  (func (export "undefined-element") (param $i i32)
    (call_indirect (type $v) (i32.add (local.get $i) (i32.const 5))))
  (func (export "uninitialized-element") (param $i i32)
    (call_indirect (type $v) (i32.const 1)))
  (func (export "type-mismatch") (param $i i32) (result i32)
    (call_indirect (param i32) (result i32) (local.get $i) (i32.const 0)))
  (func (export "table-out-of-bounds") (param $i i32) (result funcref)
    (table.get $t (i32.add (local.get $i) (i32.const 9)))))
