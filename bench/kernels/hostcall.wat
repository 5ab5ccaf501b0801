;; The host-call benchmark: loop(n) calls the imported env.inc n times, threading an accumulator
;; through it, and returns the accumulator (n when inc adds one). callee.inc is the same function
;; written in wasm, imported from another instance for the wasm-to-wasm baseline.
(module
  (import "env" "inc" (func $inc (param i32) (result i32)))
  (func (export "loop") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $inc (local.get $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
)
