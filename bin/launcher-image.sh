# Sourced by bin/linmem: the Java runtime that `bin/linmem run` and `spectest` start on, made once
# per build so that the process starts fast (issue 11, "JVM start and class loading").
#
# Why a runtime image of our own: the JDK ships an old jdk.graal.compiler module without the Truffle
# support, so the Graal jars must replace it, and `--upgrade-module-path` (the usual way) disables
# class data sharing altogether ("CDS is disabled when the --upgrade-module-path option is
# specified"): no CDS archive and no ahead-of-time cache. A runtime image linked from the JDK
# without its jdk.graal.compiler module (jlink from the run-time image, JEP 493) takes the Graal
# jars on the plain --module-path instead, keeps CDS (the image gets its own archive), and so can
# use an ahead-of-time cache (JEPs 483 and 514): the classes the engine loads, already parsed and
# linked, recorded in a training run of a small WASI program (linmem-cli/src/main/training/train.wat).
# Measured: about 0.6x the time for a tiny module, 0.8x to 0.9x for real programs
# (bench/results/time-to-result/README.md, "4. A runtime image of the launcher's own").
#
# Everything here is an optimization: when the image or the cache cannot be made (a JDK whose
# jlink cannot link from its run-time image, a read-only folder), the launcher starts as before
# with --upgrade-module-path, and the build log says why.

# The modules of the image: what the engine, the polyglot API, JFR and jcmd need; never
# jdk.graal.compiler, whose place the Graal jars take.
linmem_image_modules="java.se,jdk.unsupported,jdk.internal.vm.ci,jdk.management,jdk.management.jfr,jdk.jfr,jdk.jcmd,jdk.attach,jdk.zipfs,jdk.crypto.ec"

# The module flags that replace --upgrade-module-path=DIR on the image.
linmem_image_module_flags() { # compiler-jar folder
  echo "--module-path=$1 --add-modules=jdk.graal.compiler,org.graalvm.truffle.compiler"
}

# Makes $1 (the image) from $JAVA_HOME unless it is there and from the same JDK; logs to $2.
linmem_make_image() { # image-dir log
  local image=$1 log=$2 stamp="$1.jdk"
  if [ -x "$image/bin/java" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$JAVA_HOME" ]; then
    return 0
  fi
  rm -rf "$image" "$stamp"
  if "$JAVA_HOME/bin/jlink" --add-modules "$linmem_image_modules" --generate-cds-archive \
      --strip-debug --no-man-pages --no-header-files --output "$image" >>"$log" 2>&1; then
    echo "$JAVA_HOME" >"$stamp"
  else
    echo "linmem: no runtime image (jlink failed, see above); starting with --upgrade-module-path" >>"$log"
    rm -rf "$image"
    return 1
  fi
}

# Records the ahead-of-time cache $2 with a training run on image $1; logs to $3. The JVM flags
# and class path must be the ones the launcher uses, or the JVM ignores the cache.
linmem_make_aot_cache() { # image-dir cache-file log class-path jvm-flags...
  local image=$1 cache=$2 log=$3 classpath=$4
  shift 4
  rm -f "$cache"
  # shellcheck disable=SC2068 # the flags are words by design
  # Classes only, no method profiles (JEP 515): replaying the training run's profiles made the JIT
  # compile the interpreter for the training program's instructions, and lua ran 1.2x slower.
  if ! "$image/bin/java" $@ -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$cache" -cp "$classpath" \
      dev.linmem.wasm.cli.Main run "$root/linmem-cli/src/main/training/train.wasm" >>"$log" 2>&1 </dev/null; then
    echo "linmem: no ahead-of-time cache (the training run failed, see above)" >>"$log"
    rm -f "$cache"
    return 1
  fi
}
