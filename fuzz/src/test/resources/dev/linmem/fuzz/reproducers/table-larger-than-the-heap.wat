;; Found by a malformed-module run (four bytes inserted into a table section): a valid table of
;; 1,086,679,986 elements, 4 GB of references, more than a worker's 1 GB heap. Instantiation must
;; fail cleanly (a resource error); it ended the run with an OutOfMemoryError before the bridge
;; caught it (TableInstance.AllocationException).
(module
  (table 1086679986 funcref))
