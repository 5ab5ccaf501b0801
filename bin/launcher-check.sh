#!/usr/bin/env bash
# The launcher's own test, run by `bin/linmem test` after the Maven suites (it needs the built CLI,
# which Maven's tests do not start through bin/linmem): `bin/linmem run` starts on its runtime
# image with the ahead-of-time cache (bin/launcher-image.sh), on the optimizing Truffle runtime,
# and stdout holds the program's output and nothing else (no JVM warning). Exit 1 on a failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
program="$root/linmem-cli/src/main/training/train.wasm"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
failures=0

fail() {
  echo "launcher check FAILED: $1" >&2
  sed 's/^/  stderr: /' "$err" | tail -n 20 >&2
  failures=$((failures + 1))
}

# First use builds the CLI, the image and the cache; the build's messages are on stderr.
if ! "$root/bin/linmem" run "$program" >"$out" 2>"$err"; then
  fail "bin/linmem run exited with $? on the training program"
elif [ "$(cat "$out")" != "linmem: trained" ]; then
  fail "stdout is not exactly the program's output: $(head -c 300 "$out")"
fi

LINMEM_JAVA_OPTS="-Xlog:aot=info:stderr" "$root/bin/linmem" run "$program" >"$out" 2>"$err"
if ! grep -q "Opened AOT cache" "$err"; then
  fail "the ahead-of-time cache was not used (see linmem-cli/target/linmem-build.log)"
elif [ "$(cat "$out")" != "linmem: trained" ]; then
  fail "with the cache, stdout is not exactly the program's output: $(head -c 300 "$out")"
fi

"$root/bin/linmem" run --engine-option engine.CompileImmediately=true --engine-option engine.BackgroundCompilation=false \
  --engine-option engine.TraceCompilation=true "$program" >"$out" 2>"$err"
if ! grep -q "opt done" "$err"; then
  fail "no Truffle compilation: the launcher did not get the optimizing runtime"
fi

if [ "$failures" -eq 0 ]; then
  echo "launcher check: bin/linmem run starts on its runtime image with the ahead-of-time cache, on the optimizing runtime"
fi
[ "$failures" -eq 0 ]
