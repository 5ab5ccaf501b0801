;; Memory 0 is exported already, memory 1 is not; a function export comes first.
(module
  (memory $a 1)
  (memory $b 1)
  (func (export "first") (result i32) (i32.const 1))
  (export "mem" (memory $a)))
