#!/usr/bin/env bash
# Builds the project's own WASI test programs (c/*.c) into OUT_DIR (default: ../../../target/wasi-c),
# with Debian's clang, lld, wasi-libc and libclang-rt-dev-wasm32:
#   apt-get install clang lld wasi-libc libclang-rt-dev-wasm32
# Only programs whose source is newer than their .wasm are rebuilt.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-"$here/../../../target/wasi-c"}
mkdir -p "$out"
for tool in clang wasm-ld; do
  command -v "$tool" >/dev/null || { echo "build-c.sh: $tool is missing: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32" >&2; exit 3; }
done
for source in "$here"/c/*.c; do
  name=$(basename "$source" .c)
  wasm="$out/$name.wasm"
  if [ ! -f "$wasm" ] || [ "$source" -nt "$wasm" ] || [ "$0" -nt "$wasm" ]; then
    # clocks.c uses clock(), which wasi-libc provides only in its emulation library.
    clang --target=wasm32-wasi -O2 -Wall -Wextra -Werror -Wl,--strip-debug -o "$wasm" "$source" -lwasi-emulated-process-clocks
  fi
done
echo "$out"
