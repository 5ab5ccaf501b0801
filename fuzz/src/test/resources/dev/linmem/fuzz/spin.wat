;; A function that never returns: the worker must cancel it when its time budget runs out.
(module
  (func (export "spin")
    (loop $forever (br $forever))))
