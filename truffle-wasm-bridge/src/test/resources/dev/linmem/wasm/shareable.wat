;; A table and an immutable i64 global to export, for imports into host-globals.wat.
(module
  (table (export "table") 2 funcref)
  (global (export "limit") i64 (i64.const 99))
)
