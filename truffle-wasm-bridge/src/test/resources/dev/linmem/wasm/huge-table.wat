;; Tables of valid sizes that no Java array holds. Instantiating a table of 2^32 - 1 elements must
;; fail as a resource error, not escape as an ArithmeticException or OutOfMemoryError; growing one
;; past what an array holds must give -1. (The differential fuzzer found a table of 1,086,679,986
;; elements ending a worker with an OutOfMemoryError.)
(module
  (table $huge 4294967295 funcref))
