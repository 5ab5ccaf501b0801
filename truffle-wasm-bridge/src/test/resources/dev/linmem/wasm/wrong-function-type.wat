;; lib.add is (i32 i32) -> i32: "incompatible import type".
(module (import "lib" "add" (func (param i64))))
