;; lib.counter is mutable: importing it as immutable is "incompatible import type".
(module (import "lib" "counter" (global i32)))
