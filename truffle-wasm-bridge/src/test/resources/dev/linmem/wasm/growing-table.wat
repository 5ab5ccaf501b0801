;; A table without a maximum, grown by more than a Java array holds: the grow fails with -1.
(module
  (table $t 1 funcref)
  (func (export "grow") (param $delta i32) (result i32)
    (table.grow $t (ref.null func) (local.get $delta))))
