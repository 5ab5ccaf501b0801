;; Test module for SpecRunnerTest: imports "one" from the module registered as "tagged".
;; Built by examples/build.sh: wat2wasm importer.wat -o importer.wasm
(module
  (import "tagged" "one" (func $one (result i32)))
  (func (export "two") (result i32) (i32.add (call $one) (call $one))))
