#!/usr/bin/env bash
# Rebuilds the kernels' .wasm files (committed beside their sources) and the expected results,
# computed by Node's V8 as a reference outside the JVM. Needs Debian's clang, lld, wabt and node.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# 256 pages, fixed: the kernels never grow, so a static memory's size is its maximum.
clang --target=wasm32 -O2 -nostdlib -mbulk-memory -Wl,--no-entry \
  -Wl,--initial-memory=16777216 -Wl,--max-memory=16777216 -Wl,-z,stack-size=65536 \
  -o kernels.wasm kernels.c
wat2wasm -o grow.wasm grow.wat
wat2wasm -o hostcall.wasm hostcall.wat
wat2wasm -o hostcall-callee.wasm hostcall-callee.wat
node expected.js > expected.properties
echo "built kernels.wasm, grow.wasm, hostcall.wasm, hostcall-callee.wasm, expected.properties"
