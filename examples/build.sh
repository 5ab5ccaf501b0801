#!/usr/bin/env bash
# Builds the committed example and test modules from their sources (Debian: apt-get install clang lld wabt).
#   examples/hashsort.wasm                   from examples/hashsort.c (clang + wasm-ld, no libc)
#   linmem-cli/src/test/resources/dev/linmem/wasm/cli/*.wasm   from the .wat beside them (wat2wasm)
#   truffle-wasm-bridge/src/test/resources/dev/linmem/wasi/*.wasm   likewise
#   examples/embedder/greet.wasm, hello-wasi.wasm   the embedder example's guests (wat2wasm; clang with wasi-libc)
# When node is on the PATH, prints hashsort's checksum from V8 as an outside reference.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
for tool in clang wasm-ld wat2wasm; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing: apt-get install -y clang lld wabt" >&2; exit 3; }
done

# -O2 keeps the loops tight. The exports are named in the source (export_name: run, main) plus
# the memory, which wasm-ld exports; --no-entry because there is no libc start code.
clang --target=wasm32 -nostdlib -O2 -mbulk-memory -Wall -Wextra -Werror \
  -Wl,--no-entry -Wl,--strip-all \
  -o "$here/hashsort.wasm" "$here/hashsort.c"
echo "built examples/hashsort.wasm ($(wc -c <"$here/hashsort.wasm") bytes)"

cli="$root/linmem-cli/src/test/resources/dev/linmem/wasm/cli"
wat2wasm "$cli/calc.wat" -o "$cli/calc.wasm"
wat2wasm --no-check "$cli/invalid.wat" -o "$cli/invalid.wasm" # invalid on purpose: skip wat2wasm's validator
wat2wasm --enable-threads "$cli/shared.wat" -o "$cli/shared.wasm"
wat2wasm "$cli/refs.wat" -o "$cli/refs.wasm"
wat2wasm --enable-exceptions "$cli/tagged.wat" -o "$cli/tagged.wasm" # a tag: refused as unsupported
wat2wasm "$cli/importer.wat" -o "$cli/importer.wasm"
echo "built the CLI test modules in ${cli#"$root"/}"

wasi="$root/truffle-wasm-bridge/src/test/resources/dev/linmem/wasi"
wat2wasm "$wasi/echo.wat" -o "$wasi/echo.wasm"
wat2wasm "$wasi/no-memory.wat" -o "$wasi/no-memory.wasm"
echo "built the WASI binding's test modules in ${wasi#"$root"/}"

embedder="$here/embedder"
wat2wasm "$embedder/greet.wat" -o "$embedder/greet.wasm"
clang --target=wasm32-wasi -O2 -Wall -Wextra -Werror -o "$embedder/hello-wasi.wasm" "$embedder/hello-wasi.c"
echo "built the embedder example's guests in examples/embedder"

if command -v node >/dev/null; then
  node -e '
    const bytes = require("fs").readFileSync(process.argv[1]);
    WebAssembly.instantiate(bytes).then(({instance}) => {
      console.log("V8 says: main() = " + instance.exports.main() + ", run(1000, 7) = " + instance.exports.run(1000, 7));
    });' "$here/hashsort.wasm"
fi
