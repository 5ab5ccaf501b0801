;; The embedder example's guest: it cannot print by itself, so it imports env.print (a pointer and
;; a length into its memory) from the host, and env.answer, a number the host decides.
(module
  (import "env" "print" (func $print (param i32 i32)))
  (import "env" "answer" (func $answer (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello from wasm, through a host function!")
  (func (export "main") (result i32)
    (call $print (i32.const 16) (i32.const 41))
    (i32.mul (call $answer) (i32.const 2)))
)
