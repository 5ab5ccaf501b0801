;; Test module for MainTest: exported functions of each number type, a trap, and a grow.
;; Built by examples/build.sh: wat2wasm calc.wat -o calc.wasm
(module
  (memory (export "memory") 1 4)
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "add64") (param i64 i64) (result i64)
    (i64.add (local.get 0) (local.get 1)))
  (func (export "neg32") (param f32) (result f32)
    (f32.neg (local.get 0)))
  (func (export "div64") (param f64 f64) (result f64)
    (f64.div (local.get 0) (local.get 1)))
  (func (export "pair") (result i32 i64)
    (i32.const -1) (i64.const 0x7fffffffffffffff))
  ;; One page past the end: traps with "out of bounds memory access".
  (func (export "oob") (result i32)
    (i32.load (i32.const 65536)))
  ;; Grows by one page, writes and reads the new page: 7 + the old size in pages (1) = 8.
  (func (export "main") (result i32)
    (local $old i32)
    (local.set $old (memory.grow (i32.const 1)))
    (i32.store (i32.const 65536) (i32.const 7))
    (i32.add (i32.load (i32.const 65536)) (local.get $old)))
)
