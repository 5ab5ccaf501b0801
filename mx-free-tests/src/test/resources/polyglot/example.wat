;; The module of the polyglot host tests: runs the same on GraalWasm (language id "wasm") and on
;; linmem ("linmem-wasm"). It imports a logging function, another instance's adder and global,
;; and has a start function, an exported memory with a greeting, a mutable global, and functions
;; with one, two and no results.
(module
  (import "env" "log" (func $log (param i32 i32)))
  (import "lib" "add" (func $add (param i32 i32) (result i32)))
  (import "lib" "counter" (global $libCounter (mut i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from wasm")
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (func $start (global.set $calls (i32.const 100)))
  (start $start)
  (func (export "greet") (call $log (i32.const 16) (i32.const 15)))
  (func $factorial (export "factorial") (param $n i64) (result i64)
    (if (result i64) (i64.le_s (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $factorial (i64.sub (local.get $n) (i64.const 1)))))))
  (func (export "divmod") (param i32 i32) (result i32 i32)
    (i32.div_u (local.get 0) (local.get 1))
    (i32.rem_u (local.get 0) (local.get 1)))
  (func (export "addThroughLib") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
  (func (export "bump")
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.set $libCounter (i32.add (global.get $libCounter) (i32.const 1))))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
)
