;; Instantiation that traps in its second data segment: the first one's bytes stay written into the
;; imported memory (Wasm 2.0 semantics), and the start function never runs.
(module
  (import "lib" "mem" (memory 1))
  (data (i32.const 0) "\01\02")
  (data (i32.const 262140) "\03\04\05\06\07")
)
