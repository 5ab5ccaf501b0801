;; Float instructions with an identity operand, which a compiler may fold to their other operand
;; (x * 1 to x, -0 - x to -x, demote(promote(x)) to x). Wasm requires them to return an arithmetic
;; NaN (quiet bit set) for a signalling NaN, folded or not: the spec's float_exprs.wast, as
;; CompiledExecutionTest runs it compiled. Built with Debian's wat2wasm: wat2wasm nan-folds.wat
(module
  (func (export "f32.add_neg0") (param f32) (result f32) (f32.add (local.get 0) (f32.const -0)))
  (func (export "f32.neg0_add") (param f32) (result f32) (f32.add (f32.const -0) (local.get 0)))
  (func (export "f32.sub_0") (param f32) (result f32) (f32.sub (local.get 0) (f32.const 0)))
  (func (export "f32.neg0_sub") (param f32) (result f32) (f32.sub (f32.const -0) (local.get 0)))
  (func (export "f32.mul_1") (param f32) (result f32) (f32.mul (local.get 0) (f32.const 1)))
  (func (export "f32.one_mul") (param f32) (result f32) (f32.mul (f32.const 1) (local.get 0)))
  (func (export "f32.div_1") (param f32) (result f32) (f32.div (local.get 0) (f32.const 1)))
  (func (export "f32.promote_demote") (param f32) (result f32) (f32.demote_f64 (f64.promote_f32 (local.get 0))))
  (func (export "f64.add_neg0") (param f64) (result f64) (f64.add (local.get 0) (f64.const -0)))
  (func (export "f64.neg0_add") (param f64) (result f64) (f64.add (f64.const -0) (local.get 0)))
  (func (export "f64.sub_0") (param f64) (result f64) (f64.sub (local.get 0) (f64.const 0)))
  (func (export "f64.neg0_sub") (param f64) (result f64) (f64.sub (f64.const -0) (local.get 0)))
  (func (export "f64.mul_1") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1)))
  (func (export "f64.one_mul") (param f64) (result f64) (f64.mul (f64.const 1) (local.get 0)))
  (func (export "f64.div_1") (param f64) (result f64) (f64.div (local.get 0) (f64.const 1))))
