;; A start function that calls the host.
(module
  (import "env" "started" (func $started))
  (start $started)
)
