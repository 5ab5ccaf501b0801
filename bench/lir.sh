#!/usr/bin/env bash
# Shows what Graal compiled for the Truffle roots of a benchmark: the final LIR of each
# compilation (machine instructions in basic blocks, before encoding), condensed for reading.
#   bench/lir.sh [--match TEXT] JMH ARGS...      (also: bin/linmem lir ...)
# For example, a sequential load loop of linmem against raw Unsafe:
#   bench/lir.sh AccessBenchmark -p op=SEQ_LOAD_I32 -p storage=STATIC_NATIVE,RAW_UNSAFE
# or a wasm kernel on linmem and on GraalWasm (its OSR and whole-function compilations):
#   bench/lir.sh --match fill_sum KernelBenchmark -p kernel=FILL_SUM_I32 -p engine=LINMEM_STATIC_NATIVE,GRAALWASM
# Runs JMH in one JVM with two short iterations (the scores mean nothing) and Graal's dump
# options on; the full dumps (.cfg for C1Visualizer, .bgv for IGV) stay in bench/target/lir/.
# A loop is the blocks a JUMP returns to; a bounds check is a compare whose false side is a
# block ending in DEOPT.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

match=
if [ "${1:-}" = "--match" ]; then match=$2; shift 2; fi
if [ $# -eq 0 ]; then
  sed -n '2,10p' "${BASH_SOURCE[0]}" | cut -c3- >&2
  exit 2
fi
bench_build lir
dump="$target/lir"
rm -rf "$dump"
dumpFlags="-Djdk.graal.Dump=:1 -Djdk.graal.PrintGraph=File -Djdk.graal.PrintBackendCFG=true -Djdk.graal.DumpPath=$dump"
# shellcheck disable=SC2086 # the flags are words by design
"$JAVA_HOME/bin/java" $flags $dumpFlags -cp "$classpath" org.openjdk.jmh.Main -f 0 -wi 2 -i 1 "$@" >"$target/lir-jmh.log" 2>&1 ||
  { cat "$target/lir-jmh.log" >&2; exit 1; }

shopt -s nullglob
for cfg in "$dump"/*.cfg; do
  name=$(basename "$cfg" .cfg)
  name=${name#TruffleHotSpotCompilation-*\[}
  name=${name%]}
  case "$name" in *"$match"*) ;; *) continue ;; esac
  case "$name" in org.graalvm.polyglot.*) continue ;; esac  # the host's own Value calls
  echo "=== $name"
  # The last LIR listing before code generation; one line per instruction, without LIR's
  # bookkeeping (labels, register-allocator notes, frame-map details).
  awk '/name "After FinalCodeAnalysisStage"/ {on = 1} on && /name "After code generation"/ {exit} on' "$cfg" |
    grep -E 'name "B|successors|instruction' |
    sed -E 's/<\|@//g; s/^ +nr +[-0-9]+ +//; s/^>@ +//; s/instruction //; s/ +$//; s/ \/\/ MoveResolver resolve mapping//; s/ lirKindTool: [^ ]+//; s/ temps: \[[^]]*\]//' |
    grep -vE '= LABEL|HOTSPOTLOCKSTACK|^ *$' |
    sed -E 's/^ +name "(B[0-9]+)"/\1:/; s/^ +successors *$/    -> (leaves)/; s/^ +successors (.*)/    -> \1/' |
    sed -E 's/trueDestination: B[0-9]+ -> (B[0-9]+) falseDestination: B[0-9]+ -> (B[0-9]+) trueDestinationProbability: ([0-9.E-]+)/then \1 else \2 (p \3)/; s/ inlinedY: null//; s/destination: B[0-9]+ -> /to /; s/ ~outgoingValues: \[\]//'
done
