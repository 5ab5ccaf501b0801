;; Imports a mutable global, an immutable one and a funcref table from the host; re-exports a
;; function and the mutable global it imports.
(module
  (import "env" "counter" (global $counter (mut i32)))
  (import "env" "limit" (global $limit i64))
  (import "env" "table" (table 2 funcref))
  (import "env" "inc" (func $inc (param i32) (result i32)))
  (export "reexported-inc" (func $inc))
  (export "counter" (global $counter))
  (elem (i32.const 1) func $inc)
  (func (export "tick") (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
  (func (export "limit") (result i64) (global.get $limit))
  (func (export "call-slot") (param i32 i32) (result i32)
    (call_indirect (param i32) (result i32) (local.get 0) (local.get 1)))
)
