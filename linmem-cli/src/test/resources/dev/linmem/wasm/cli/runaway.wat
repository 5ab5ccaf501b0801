;; Recursion for the command line's call stack exhaustion: nests n + 1 calls, forever for n = -1.
(module
  (func $countdown (export "countdown") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $countdown (i32.sub (local.get $n) (i32.const 1))))))))
