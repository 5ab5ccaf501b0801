;; Exercises every fuzzing-support import the fuzzer provides, so that a test can check that the
;; V8 harness and linmem give them the same meaning (FuzzingSupportSemanticsTest).
;; Export order matters: call-export indexes the export list.
(module
  (import "fuzzing-support" "log-i32" (func $log_i32 (param i32)))
  (import "fuzzing-support" "log-i64" (func $log_i64 (param i64)))
  (import "fuzzing-support" "log-f32" (func $log_f32 (param f32)))
  (import "fuzzing-support" "log-f64" (func $log_f64 (param f64)))
  (import "fuzzing-support" "call-export" (func $call_export (param i32 i32)))
  (import "fuzzing-support" "call-export-catch" (func $call_export_catch (param i32) (result i32)))
  (import "fuzzing-support" "call-ref" (func $call_ref (param funcref i32)))
  (import "fuzzing-support" "call-ref-catch" (func $call_ref_catch (param funcref) (result i32)))
  (import "fuzzing-support" "table-get" (func $table_get (param i32) (result funcref)))
  (import "fuzzing-support" "table-set" (func $table_set (param i32 funcref)))
  (import "fuzzing-support" "sleep" (func $sleep (param i32 i32) (result i32)))
  (import "__fuzz_import" "extern$" (global $extern externref))
  (memory 1 1)
  (table $table 2 funcref)
  (global $counter (mut i32) (i32.const 0))
  (elem declare func $bump)

  ;; export 0
  (func $bump (export "bump")
    (global.set $counter (i32.add (global.get $counter) (i32.const 1))))

  ;; export 1: values of every type, NaNs and a negative zero
  (func (export "logs")
    (call $log_i32 (i32.const -7))
    (call $log_i64 (i64.const 0x7fffffffffffffff))
    (call $log_f32 (f32.const -0.0))
    (call $log_f32 (f32.const nan:0x200000))
    (call $log_f64 (f64.const 1.5))
    (call $log_f64 (f64.const -nan)))

  ;; export 2: calls by export index and by reference, caught and not
  (func (export "calls") (result i32 i32 i32 i32)
    (call $call_export (i32.const 0) (i32.const 0))
    (call $call_ref (ref.func $bump) (i32.const 1))
    (call $log_i32 (global.get $counter))
    (call $call_export_catch (i32.const 0))          ;; 0: bump ran
    (call $call_export_catch (i32.const 99))         ;; 1: no export 99
    (call $call_export_catch (i32.const 5))          ;; 1: export 5 is the memory
    (call $call_ref_catch (ref.null func)))          ;; 1: null reference

  ;; export 3: a trap is not caught by call-export-catch
  (func $traps (export "traps")
    (unreachable))

  ;; export 4
  (func (export "catch-a-trap") (result i32)
    (call $call_export_catch (i32.const 3)))

  ;; export 5
  (export "memory" (memory 0))

  ;; export 6
  (export "table" (table $table))

  ;; export 7: the table through the host, in range; sleep returns its id
  (func (export "tables") (result i32 funcref externref)
    (call $table_set (i32.const 1) (ref.func $bump))
    (i32.store (i32.const 16) (call $sleep (i32.const 100) (i32.const 42)))
    (call $sleep (i32.const 0) (i32.const 9))
    (call $table_get (i32.const 1))
    (global.get $extern))

  ;; export 8: out of range: a host exception ends the call
  (func (export "table-out-of-range")
    (drop (call $table_get (i32.const 2))))

  ;; export 9
  (global (export "counter") (mut i32) (i32.const 5))

  ;; export 10: multiple results with NaN payloads and i64 extremes
  (func (export "results") (param i32 i64 f32 f64) (result i64 f32 f64 i32)
    (i64.const -9223372036854775808)
    (f32.div (local.get 2) (f32.const 0))
    (f64.const -0x1.8p-1022)
    (local.get 0)))
