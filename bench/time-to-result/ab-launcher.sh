#!/usr/bin/env bash
# Lever 4 of the time-to-result study (results/time-to-result/README.md), back to back, 3 rounds:
#   A = the launch before it: the JDK with --upgrade-module-path (no CDS), Main on the CLI's jar;
#   B = bin/linmem run: the runtime image with the ahead-of-time cache (bin/launcher-image.sh);
#   C = B without the cache's method profiles (when the cache was recorded with them).
# Same jar and class path; each line: program, variant, wall, user, system (s), stdout's md5, load.
#   bench/time-to-result/ab-launcher.sh      (after bin/linmem run has built the CLI once, and
#   mx-free-tests/src/test/wasi/third-party/build.sh the programs); VARIANTS="A B", PROGRAMS="lua ..."
set -uo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
linmem_find_jdk
W=.cache/wasi-third-party/wasm; U=linmem-cli/target/graal-upgrade
CP="linmem-cli/target/linmem-cli-0.1.0-SNAPSHOT.jar:$(cat linmem-cli/target/linmem.classpath)"
OLD=("$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$U --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss23m -cp "$CP" dev.linmem.wasm.cli.Main run)
NEW=(bin/linmem run)
work=$(mktemp -d); mkdir -p $work/data
trap 'rm -rf "$work"' EXIT
printf '(module (func (export "f") (result i32) i32.const 7))' >"$work/seven.wat" && wat2wasm "$work/seven.wat" -o "$work/seven.wasm"
printf 'first\nsecond\nthird\nfourth\n' >"$work/lua.in"
awk 'BEGIN{for(i=0;i<60000;i++){printf "%d %x lorem ipsum ", i, (i*2654435761)%4294967296; for(j=0;j<i%5;j++) printf "abcdefghij"; printf "\n"}}' >"$work/text.txt"
args() { case $1 in
  seven) echo "--invoke f $work/seven.wasm";;
  train) echo "linmem-cli/src/main/training/train.wasm";;
  lua) echo "--dir $work/data::/data --env LUA_TEST=yes $W/lua.wasm /data/test.lua /data w1 w2";;
  zlib-example) echo "--dir $work/data::/ $W/zlib-example.wasm";;
  minigzip) echo "$W/minigzip.wasm";;
  sqlite3) echo "--dir $work/data::/data --env HOME=/data $W/sqlite3.wasm -vfs unix-none /data/test.db";; esac; }
input() { case $1 in lua) echo $work/lua.in;; minigzip) echo $work/text.txt;; sqlite3) echo mx-free-tests/src/test/wasi/third-party/test.sql;; *) echo /dev/null;; esac; }
for p in ${PROGRAMS:-seven train lua zlib-example minigzip sqlite3}; do
  for r in 1 2 3; do
    for v in ${VARIANTS:-A B}; do
      rm -rf $work/data && mkdir -p $work/data && cp mx-free-tests/src/test/wasi/third-party/test.lua $work/data/
      case $v in A) cmd=("${OLD[@]}");; B) cmd=("${NEW[@]}");; C) cmd=(env LINMEM_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining" "${NEW[@]}");; esac
      TIMEFORMAT='%R %U %S'
      t=$( { time "${cmd[@]}" $(args $p) < $(input $p) > $work/out.$v 2>$work/err.$v; } 2>&1 | tail -1)
      echo "$p $v $t $(md5sum < $work/out.$v | cut -c1-8) load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
