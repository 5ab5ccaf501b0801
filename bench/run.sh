#!/usr/bin/env bash
# Runs linmem's JMH suite on the optimizing runtime and writes the report:
#   bench/run.sh [--quick] [--in-process] [JMH ARGS...]     (also: bin/linmem bench ...)
#   bench/run.sh --programs [RUNS] [PROGRAM...]              real WASI programs, whole process and steady state (programs.sh)
# Output: bench/results/<full|quick>/jmh*.json, report.md and charts/. A full run, a fresh JVM per
# benchmark and parameter set, takes about 45 minutes on 2 quiet cores; --quick (a few minutes)
# runs fewer parameters with short iterations, to check the pipeline rather than to quote numbers.
# JMH ARGS (a benchmark regex, -p name=v,...) pass on.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# The real-program section (issue 11): whole process and steady state on every engine, outputs
# checked against Node's, report in results/programs/ (programs.sh).
if [ "${1:-}" = "--programs" ]; then
  shift
  exec "$bench/programs.sh" "$@"
fi

mode=full
if [ "${1:-}" = "--quick" ]; then mode=quick; shift; fi
# --in-process runs every benchmark in this one JVM (JMH -f 0) instead of a fresh fork each. A
# fork pays the jar-built Graal compiler's warm-up again (5 to 30 s, by the load on 2 cores), most
# of the full run's hour; in one JVM the compiler is warm once. Each
# benchmark still builds its own Truffle roots, contexts and engines, and its setup still
# asserts the optimizing runtime; what is lost is isolation of HotSpot's own profiles.
# --quick implies it: a quick run checks the pipeline, and forks would triple its time.
forks=()
if [ "$mode" = quick ]; then forks=(-f 0); fi
if [ "${1:-}" = "--in-process" ]; then forks=(-f 0); shift; fi
# A full-mode run of a chosen subset (JMH ARGS given) goes to results/custom, so that it never
# replaces the committed report of a whole run in results/full.
if [ "$mode" = full ] && [ $# -gt 0 ]; then mode=custom; fi
out="$bench/results/$mode"
mkdir -p "$out"
rm -f "$out"/grow-recovery-*.json

# What the report states about the machine: the numbers only mean something next to it.
{
  echo "date (UTC):   $(date -u '+%Y-%m-%d %H:%M')"
  echo "cpu:          $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) x $(nproc)"
  echo "memory:       $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel:       $(uname -sr)"
  echo "jvm:          $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  echo "load before:  $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; $(nproc) cores)"
  echo "commit:       $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- bench truffle-memory truffle-wasm-bridge || echo ' (with local changes)')"
  echo "forks:        ${forks[*]:-one fork per benchmark and parameter set}"
} >"$out/machine.txt"

bench_build "$mode"

# Runs JMH once; $1 names the JSON file, the rest are JMH arguments.
run_jmh() {
  local name=$1
  shift
  # shellcheck disable=SC2086 # the flags are words by design
  "$JAVA_HOME/bin/java" $flags -Dlinmem.bench.sidecar="$out" -cp "$classpath" org.openjdk.jmh.Main \
    -jvmArgs "$flags -Dlinmem.bench.sidecar=$out" -rf json -rff "$out/$name.json" "${forks[@]}" "$@" 2>&1 | tee -a "$out/jmh.log"
}

rm -f "$out"/jmh*.json "$out/jmh.log"
if [ "$mode" = quick ]; then
  # Short iterations and a subset of the parameters; the grow-recovery benchmark keeps enough
  # grows (one per iteration) to pass the renewal bound, so it runs apart with its own count.
  # The short timing and the subset give way to the caller's own options (JMH refuses a timing
  # option given twice, and would run the union of two -p lists for one parameter).
  timing=(-wi 2 -w 1 -i 2 -r 1)
  subset=()
  for param in op=SEQ_LOAD_I32,RAND_STORE_I64 kernel=SORT,COPY_BLOCKS,GROW_PAGES bulkBytes=1048576 bulkOp=COPY poolBytes=67108864; do
    case " $* " in *" ${param%%=*}="*) ;; *) subset+=(-p "$param") ;; esac
  done
  for arg in "$@"; do
    case "$arg" in -wi | -w | -i | -r) timing=() ;; esac
  done
  run_jmh jmh "${timing[@]}" "${subset[@]}" -e GrowRecoveryBenchmark "$@"
  if [ $# -eq 0 ]; then run_jmh jmh-recovery -i 10 GrowRecoveryBenchmark; fi
elif [ $# -gt 0 ]; then
  run_jmh jmh "$@"
else
  # Eight measured iterations of half a second rather than the classes' three of a second: the
  # error bar is JMH's 99.9% interval, whose Student's t factor is 31.6 for 3 samples and 5.4
  # for 8, so the same time buys bars that can tell engines apart. The single-shot grow
  # benchmarks keep their own iteration counts (the recovery one needs its 14 grows).
  # One JMH run (and JSON file) per class, so that a run cut short keeps what it finished.
  for item in access.AccessBenchmark kernels.KernelBenchmark bulk.BulkBenchmark pool.PoolBenchmark hostcall.HostCallBenchmark; do
    run_jmh "jmh-${item%%.*}" -i 8 -r 500ms "dev.linmem.bench.$item"
  done
  run_jmh jmh-grow 'GrowBenchmark|GrowRecoveryBenchmark'
  # The compiled code's own account, for the report's explanation of missed targets: a short
  # pass with compilation traces and performance warnings, which the forks print to stderr
  # and JMH copies into diagnostics.log. Its scores are not used.
  echo "bench: diagnostics pass (log: $out/diagnostics.log) ..." >&2
  trace="-Dpolyglot.engine.TraceCompilation=true -Dpolyglot.compiler.TracePerformanceWarnings=all"
  # shellcheck disable=SC2086 # the flags are words by design
  "$JAVA_HOME/bin/java" $flags $trace -cp "$classpath" org.openjdk.jmh.Main -jvmArgs "$flags $trace" \
    "${forks[@]}" -wi 2 -i 1 -rf json -rff "$out/diagnostics.json" \
    -p op=SEQ_LOAD_I32,RAND_STORE_I64 -p storage=STATIC_HEAP,STATIC_NATIVE,DYNAMIC_HEAP,DYNAMIC_NATIVE,RAW_UNSAFE,RAW_SEGMENT \
    -p kernel=SORT,HASH_BYTES -p engine=LINMEM_STATIC_NATIVE,LINMEM_DYNAMIC_HEAP,GRAALWASM \
    -p bulkBytes=1048576 -p bulkImpl=STATIC_NATIVE,DYNAMIC_HEAP,JDK_ARRAY \
    AccessBenchmark KernelBenchmark BulkBenchmark >"$out/diagnostics.log" 2>&1 || echo "bench: diagnostics pass failed" >&2
fi

echo "load after:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; $(nproc) cores)" >>"$out/machine.txt"
echo "jvm flags:    $flags" >>"$out/machine.txt"

"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$classpath" dev.linmem.bench.report.Report \
  "$out" "$mode" "$out"/jmh*.json
echo "bench: report in $out/report.md" >&2
