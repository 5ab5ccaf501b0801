;; Two memories, neither exported, and no export section at all: MemoryExporter must add one.
(module
  (memory 1 2)
  (memory i64 2 3)
  (func $f (result i32) (i32.load (i32.const 0)))
  (data (memory 1) (i64.const 8) "\2a"))
