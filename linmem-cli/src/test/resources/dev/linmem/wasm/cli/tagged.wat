;; Test module for SpecRunnerTest: an export the runner could call, in a module that declares an
;; exception-handling tag, which linmem refuses as an unsupported feature.
;; Built by examples/build.sh: wat2wasm --enable-exceptions tagged.wat -o tagged.wasm
(module
  (tag $oops)
  (func (export "one") (result i32) (i32.const 1)))
