# Sourced by bench/run.sh and bench/lir.sh: the JDK, the bench module's build and class path, and
# the JVM flags every benchmark JVM runs with. Defines $bench, $root, $target, $flags and
# bench_build <snapshot name>, which sets $classpath.
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
. "$root/bin/jdk.sh"
linmem_find_jdk
target="$bench/target"

# Builds the module (package, not install: the reactor resolves the sibling modules from their
# target folders, and the shared local repository is left alone), then runs from a snapshot of
# the classes, so that rebuilding during a long run cannot break its forks.
bench_build() {
  mkdir -p "$target"
  echo "bench: building (log: $target/bench-build.log) ..." >&2
  if ! "$root/mvnw" -q -ntp -Dmaven.test.skip=true -pl bench -am package \
      dependency:build-classpath -Dmdep.outputFile="$target/bench.classpath" >"$target/bench-build.log" 2>&1; then
    cat "$target/bench-build.log" >&2
    exit 3
  fi
  rm -rf "$target/run-$1"
  cp -r "$target/classes" "$target/run-$1"
  classpath="$target/run-$1:$(cat "$target/bench.classpath")"
}

# The optimizing runtime's flags, as in the parent pom, with this module's compiler jars. Every
# fork gets them through -jvmArgs, and every benchmark's setup checks the runtime is optimizing.
flags=$(sed -n 's:.*<graal.jvm.flags>\(.*\)</graal.jvm.flags>.*:\1:p' "$root/pom.xml")
# Compilation is synchronous and single-tier for every Truffle engine (linmem and GraalWasm
# alike): on 2 loaded cores the background compiler thread was seen not to start a first
# compilation within a 6 s warm-up, and a second tier compiled late fell into the measurement.
# One synchronous compilation per root ends inside the warm-up.
flags="${flags//'${graal.upgrade.dir}'/$target/graal-upgrade} -Xms3g -Xmx3g -Dpolyglot.engine.BackgroundCompilation=false -Dpolyglot.engine.MultiTier=false"
