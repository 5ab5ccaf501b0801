;; Test module for MainTest: decodes, but does not validate (an i64 where an i32 result is due).
;; Built by examples/build.sh: wat2wasm --no-check invalid.wat -o invalid.wasm
(module
  (func (export "main") (result i32)
    (i64.const 1)))
