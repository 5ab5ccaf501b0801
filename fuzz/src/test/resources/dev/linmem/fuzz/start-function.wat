;; The fuzzing-support imports from a start function, before the instance exists: a function
;; reference can be called, exports cannot (call-export-catch gives 1), and a table access is a
;; host exception that fails the instantiation. Found by the fuzzer (seed 100537).
(module
  (import "fuzzing-support" "log-i32" (func $log (param i32)))
  (import "fuzzing-support" "call-ref-catch" (func $call_ref_catch (param funcref) (result i32)))
  (import "fuzzing-support" "call-export-catch" (func $call_export_catch (param i32) (result i32)))
  (import "fuzzing-support" "table-get" (func $table_get (param i32) (result funcref)))
  (table (export "table") 1 funcref)
  (elem declare func $hello)
  (func $hello (export "hello")
    (call $log (i32.const 7)))
  (func $start
    (call $log (call $call_ref_catch (ref.func $hello)))   ;; logs 7, then 0
    (call $log (call $call_export_catch (i32.const 0)))    ;; 1: no exports yet
    (drop (call $table_get (i32.const 0))))                ;; host exception
  (start $start))
