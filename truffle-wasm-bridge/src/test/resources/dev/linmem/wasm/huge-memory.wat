;; A memory of 65,536 pages (4 GiB) at instantiation: more than heap storage (a byte[]) can hold,
;; so a heap allocator must refuse it (RESOURCE_LIMIT) while native storage reserves it.
(module
  (memory (export "mem") 65536)
  (func (export "main") (result i32)
    (i32.store (i32.const 0xfffffffc) (i32.const 7))
    (i32.load (i32.const 0xfffffffc))))
