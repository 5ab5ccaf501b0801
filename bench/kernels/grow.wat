;; A program that grows its memory one page at a time: each new page is written and read back.
;; The memory starts at one page and may reach 1024 (64 MiB), so a static memory reserves 64 MiB.
(module
  (memory (export "memory") 1 1024)
  (func (export "grow_pages") (param $k i32) (result i32)
    (local $i i32) (local $old i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $k)))
        (local.set $old (memory.grow (i32.const 1)))
        ;; a failed grow ends the loop early; the checksum then differs and the check catches it
        (br_if $done (i32.lt_s (local.get $old) (i32.const 0)))
        (i32.store offset=8 (i32.shl (local.get $old) (i32.const 16)) (i32.add (local.get $i) (i32.const 7)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.load offset=8 (i32.shl (local.get $old) (i32.const 16)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (i32.mul (local.get $sum) (i32.const 31)) (memory.size))))
