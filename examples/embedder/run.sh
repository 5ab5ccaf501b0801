#!/usr/bin/env bash
# Builds this example against linmem's installed artifacts and runs it on the module path, with
# the optimizing Truffle runtime. First, in the repository root: ./mvnw install -DskipTests
# MAVEN_ARGS adds Maven options (for example -o, or -Dmaven.repo.local=DIR).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../../bin/jdk.sh"
linmem_find_jdk # a JDK 25.0.2 or newer, as JAVA_HOME (java on the PATH may be older)
# Maven's bundled Guava calls sun.misc.Unsafe; JDK 25 warns about it on every start.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
mkdir -p "$here/target"
# shellcheck disable=SC2086 # MAVEN_ARGS are words by design
if ! mvn -B -q -ntp ${MAVEN_ARGS:-} -f "$here/pom.xml" package >"$here/target/build.log" 2>&1; then
  cat "$here/target/build.log" >&2
  echo "run.sh: the example did not build (did ./mvnw install -DskipTests run in the repository root?)" >&2
  exit 3
fi
# JVMCI and the compiler jars on the upgrade module path give the optimizing runtime; the memory
# library calls mmap through the FFM API and compiles its accesses to Unsafe; Truffle loads a
# native library of its own.
exec "$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  --upgrade-module-path="$here/target/graal-upgrade" \
  --enable-native-access=org.graalvm.truffle,dev.linmem.memory --sun-misc-unsafe-memory-access=allow \
  --module-path "$here/target/modules" --module dev.linmem.example/dev.linmem.example.Main "$here/greet.wasm" "$here/hello-wasi.wasm"
