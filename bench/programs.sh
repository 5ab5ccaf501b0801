#!/usr/bin/env bash
# The real-program section of `bin/linmem bench` (issue 11): the project's own WASI hello and the
# third-party programs built from Debian sources, each run whole process and at steady state on
# Node, linmem's memory kinds, GraalWasm 25.0.2 and Chicory 1.7.5 (interpreter and compiler),
# every run checked against Node's output; report.md, charts/ and runs.json go to
# bench/results/programs/ (not committed). The work is dev.linmem.bench.programs.ProgramsBench;
# this script builds what it runs and hands it the paths and linmem's JVM flags.
#   bench/programs.sh [--engines ID,...] [--warmup W] [--iterations N] [--steady-rounds K] [RUNS] [PROGRAM...]
#   (also: bin/linmem bench --programs ...; see bench/README.md)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
wasi="$root/mx-free-tests/src/test/wasi"
own=$(bash "$wasi/build-c.sh" "$root/.cache/wasi-c" | tail -n1)
third=$(bash "$wasi/third-party/build.sh" | tail -n1)
bench_build programs
# bin/linmem builds its own module on first use: done here, so that no timed run includes a build.
"$root/bin/linmem" run --help >/dev/null
# linmem's launcher flags (the parent pom's graal.jvm.flags) for every JVM engine: the same JDK,
# Graal compiler jars and options as `bin/linmem run`, not the JMH suite's synchronous compilation.
jvm_flags=$(sed -n 's:.*<graal.jvm.flags>\(.*\)</graal.jvm.flags>.*:\1:p' "$root/pom.xml")
jvm_flags=${jvm_flags//'${graal.upgrade.dir}'/$target/graal-upgrade}
# The driver itself mostly waits for its children: a small heap, one GC thread, no C2, to leave
# the cores to the runs it measures.
exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classpath" \
  dev.linmem.bench.programs.ProgramsBench --root "$root" --own "$own" --third "$third" --out "$bench/results/programs" \
  --java "$JAVA_HOME/bin/java" --jvm-flags "$jvm_flags" --classpath "$classpath" "$@"
