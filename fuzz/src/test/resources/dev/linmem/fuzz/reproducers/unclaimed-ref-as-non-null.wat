(module
 (type $0 (func (param i32)))
 (type $1 (func (param i64)))
 (type $2 (func (param f32)))
 (type $3 (func (param f64)))
 (type $4 (func (param funcref i32)))
 (type $5 (func (param funcref) (result i32)))
 (type $6 (func (param i32) (result i32)))
 (type $7 (func))
 (type $8 (func (result i32)))
 (import "__fuzz_import" "global$_3" (global $gimport$0 externref))
 (import "fuzzing-support" "log-i32" (func $fimport$0 (param i32)))
 (import "fuzzing-support" "log-i64" (func $fimport$1 (param i64)))
 (import "fuzzing-support" "log-f32" (func $fimport$2 (param f32)))
 (import "fuzzing-support" "log-f64" (func $fimport$3 (param f64)))
 (import "fuzzing-support" "call-ref" (func $fimport$4 (param funcref i32)))
 (import "fuzzing-support" "call-ref-catch" (func $fimport$5 (param funcref) (result i32)))
 (global $global$0 i64 (i64.const -288230376151711744))
 (global $global$1 i32 (i32.const 128))
 (global $global$2 f32 (f32.const -nan:0x7fffcd))
 (global $global$3 (mut i32) (i32.const 100))
 (memory $0 16 16)
 (data $0 (i32.const 0) "\fdO\86c\c3\ado\cf\aa")
 (data $1 (i32.const 9) "\f2.\9e\b4\9alI\88g\9a)N\02d\ac")
 (data $2 (i32.const 24) "\\\'PR9G?\0b@>\f9mF\83\d8\e4\ad\c0r\d0\9c\'")
 (data $3 (i32.const 46) "\e1:\f2\dc")
 (data $4 "+\a7\86\fd\a5")
 (table $0 9 funcref)
 (elem $0 (i32.const 0))
 (elem declare func $2)
 (export "func" (func $0))
 (export "func_invoker" (func $1))
 (export "__linmem_fuzz_memory0" (memory $0))
 (func $0 (param $0 i32) (result i32)
  (if
   (i32.eqz
    (global.get $global$3)
   )
   (then
    (global.set $global$3
     (i32.const 100)
    )
    (unreachable)
   )
  )
  (global.set $global$3
   (i32.sub
    (global.get $global$3)
    (i32.const 1)
   )
  )
  (if
   (i32.eqz
    (global.get $global$3)
   )
   (then
    (global.set $global$3
     (i32.const 100)
    )
    (unreachable)
   )
  )
  (global.set $global$3
   (i32.sub
    (global.get $global$3)
    (i32.const 1)
   )
  )
  (return
   (i32.const 128)
  )
 )
 (func $1
  (if
   (i32.eqz
    (global.get $global$3)
   )
   (then
    (global.set $global$3
     (i32.const 100)
    )
    (unreachable)
   )
  )
  (global.set $global$3
   (i32.sub
    (global.get $global$3)
    (i32.const 1)
   )
  )
  (drop
   (call $0
    (i32.const -29071)
   )
  )
  (drop
   (call $0
    (i32.const 0)
   )
  )
  (drop
   (call $0
    (i32.const 217)
   )
  )
  (drop
   (call $0
    (i32.const -32768)
   )
  )
 )
 (func $2 (result i32)
  (local $0 i32)
  (local $1 f32)
  (local $2 funcref)
  (if
   (i32.eqz
    (global.get $global$3)
   )
   (then
    (global.set $global$3
     (i32.const 100)
    )
    (unreachable)
   )
  )
  (global.set $global$3
   (i32.sub
    (global.get $global$3)
    (i32.const 1)
   )
  )
  (table.set $0
   (i32.const 5)
   (ref.func $2)
  )
  (if
   (i32.eqz
    (local.get $0)
   )
   (then
    (block $block
     (br_if $block
      (local.get $0)
     )
     (loop $label
      (if
       (i32.eqz
        (global.get $global$3)
       )
       (then
        (global.set $global$3
         (i32.const 100)
        )
        (unreachable)
       )
      )
      (global.set $global$3
       (i32.sub
        (global.get $global$3)
        (i32.const 1)
       )
      )
      (if
       (i32.eqz
        (global.get $global$3)
       )
       (then
        (global.set $global$3
         (i32.const 100)
        )
        (unreachable)
       )
      )
      (global.set $global$3
       (i32.sub
        (global.get $global$3)
        (i32.const 1)
       )
      )
      (call $fimport$2
       (local.get $1)
      )
      (br $label)
     )
     (unreachable)
    )
   )
  )
  (call $fimport$4
   (ref.as_non_null
    (local.get $2)
   )
   (local.get $0)
  )
  (local.get $0)
 )
)

