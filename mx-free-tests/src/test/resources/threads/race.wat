;; Guest code for MemoryRaceTest: one unshared memory that a host thread keeps busy while other
;; threads try to grow it (past a native dynamic memory's 1 GiB reservation, so it would move),
;; close it, or release it to its pool.
(module
  (memory (export "mem") 1 65536)
  ;; n rounds of: mem[4] = mem[0] + 1; mem[0] = mem[4] (a load and a store per round)
  (func (export "spin") (param $n i32) (result i32)
    (loop $l
      (i32.store (i32.const 4) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
      (i32.store (i32.const 0) (i32.load (i32.const 4)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.load (i32.const 0)))
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages))))
