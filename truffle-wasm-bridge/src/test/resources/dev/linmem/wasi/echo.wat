;; A WASI command in the text format, for tests of the binding without a C toolchain:
;; prints its arguments separated by spaces and a newline (argv[0] included), then the
;; environment's first variable (if any) on a line of its own, and exits with argc.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  ;; 0: argc, 4: buffer size, 8: iovec (pointer, length), 16: nwritten, 1024: argv, 4096: strings

  ;; Writes the NUL-terminated string at $s to stdout, followed by the byte $end.
  (func $print (param $s i32) (param $end i32)
    (local $n i32)
    (block $done
      (loop $scan
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $s) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $scan)))
    ;; The terminator becomes $end, written in the same call.
    (i32.store8 (i32.add (local.get $s) (local.get $n)) (local.get $end))
    (i32.store (i32.const 8) (local.get $s))
    (i32.store (i32.const 12) (i32.add (local.get $n) (i32.const 1)))
    (drop (call $fd_write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 16))))

  (func (export "_start")
    (local $i i32) (local $argc i32)
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (drop (call $args_get (i32.const 1024) (i32.const 4096)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $argc)))
        (call $print (i32.load (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2))))
          (select (i32.const 10) (i32.const 32) (i32.eq (local.get $i) (i32.sub (local.get $argc) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (drop (call $environ_sizes_get (i32.const 0) (i32.const 4)))
    (if (i32.gt_u (i32.load (i32.const 0)) (i32.const 0))
      (then
        (drop (call $environ_get (i32.const 1024) (i32.const 8192)))
        (call $print (i32.load (i32.const 1024)) (i32.const 10))))
    (call $proc_exit (local.get $argc)))

  ;; Called with --invoke: writes through a pointer outside the memory and returns fd_write's errno.
  (func (export "bad_pointer") (result i32)
    (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 16))))
