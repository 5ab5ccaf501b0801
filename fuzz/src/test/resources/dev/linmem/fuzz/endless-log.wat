;; Logs without end: the transcript's limit must stop it before it fills the worker's heap.
(module
  (import "fuzzing-support" "log-i32" (func $log (param i32)))
  (func (export "chatter")
    (loop $forever
      (call $log (i32.const 1))
      (br $forever))))
