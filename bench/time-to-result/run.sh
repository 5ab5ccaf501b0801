#!/usr/bin/env bash
# Time to result of real WASI programs, whole process: `bin/linmem run` against Node's node:wasi
# on the same binary and input, back to back, each run's stdout and exit status checked against
# Node's. Prints one line per run and a median table (markdown) at the end.
#   bench/time-to-result/run.sh [RUNS] [PROGRAM...]      (default 3 runs; programs: see below)
# LINMEM_RUN_OPTS adds options to every `linmem run` (e.g. "--engine-option engine.Mode=latency").
# GRAALWASM=1 also runs GraalWasm 25.0.2 with its WASI builtins on the same JDK and Graal compiler
# (bench's GraalWasmWasiRun, built here with the bench module), checked against Node's output too.
# A/B: with B_ROOT (another checkout of linmem, built by its bin/linmem), B_RUN_OPTS and/or
# B_JAVA_OPTS (LINMEM_JAVA_OPTS for B only, e.g. "-XX:TieredStopAtLevel=1"), every run
# also runs variant B right after A, so that the two see the same load; the table gains B's column.
# Programs: the project's hello (mx-free-tests/src/test/wasi/c) and the third-party ones built by
# mx-free-tests/src/test/wasi/third-party/build.sh (lua5.4 on test.lua, zlib's example and
# minigzip on 2.9 MB of generated text, the sqlite3 shell on test.sql).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-3}
shift || true
programs=("$@")
[ ${#programs[@]} -gt 0 ] || programs=(hello lua zlib-example minigzip sqlite3)
wasi="$root/mx-free-tests/src/test/wasi"
own=$(bash "$wasi/build-c.sh" "$root/.cache/wasi-c" | tail -n1)
third=$(bash "$wasi/third-party/build.sh" | tail -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
printf 'first\nsecond\nthird\nfourth\n' >"$work/lua.in"
awk 'BEGIN{for(i=0;i<60000;i++){printf "%d %x lorem ipsum ", i, (i*2654435761)%4294967296; for(j=0;j<i%5;j++) printf "abcdefghij"; printf "\n"}}' >"$work/text.txt"

# The command line (after the runner) and standard input of a program.
command_of() {
  case "$1" in
    hello) echo "$own/hello.wasm" ;;
    lua) echo "--dir $work/data::/data --env LUA_TEST=yes $third/lua.wasm /data/test.lua /data w1 w2" ;;
    zlib-example) echo "--dir $work/data::/ $third/zlib-example.wasm" ;;
    minigzip) echo "$third/minigzip.wasm" ;;
    sqlite3) echo "--dir $work/data::/data --env HOME=/data $third/sqlite3.wasm -vfs unix-none /data/test.db" ;;
  esac
}
stdin_of() {
  case "$1" in
    lua) echo "$work/lua.in" ;;
    minigzip) echo "$work/text.txt" ;;
    sqlite3) echo "$wasi/third-party/test.sql" ;;
    *) echo /dev/null ;;
  esac
}
# Fresh data directory: test.lua, no database left from an earlier run.
reset_data() {
  rm -rf "$work/data" && mkdir -p "$work/data" && cp "$wasi/third-party/test.lua" "$work/data/"
}
# Runs "$@" with stdin $2 (tag $1); prints "WALL CPU" in seconds (CPU: user + system of the process
# and its children, which under load varies less than wall time) and leaves stdout, stderr and the
# exit status in $work/{out,err,rc}.$tag.
timed() {
  local tag=$1 input=$2
  shift 2
  reset_data
  local TIMEFORMAT='%R %U %S' times
  times=$({ time "$@" <"$input" >"$work/out.$tag" 2>"$work/err.$tag"; echo $? >"$work/rc.$tag"; } 2>&1)
  echo "$times" | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

graalwasm=()
if [ -n "${GRAALWASM:-}" ]; then
  . "$root/bin/jdk.sh"
  linmem_find_jdk
  if ! "$root/mvnw" -q -ntp -Dmaven.test.skip=true -pl bench -am package dependency:build-classpath \
      -Dmdep.outputFile="$root/bench/target/bench.classpath" >"$work/bench-build.log" 2>&1; then
    cat "$work/bench-build.log" >&2
    exit 3
  fi
  gw_flags=$(sed -n 's:.*<graal.jvm.flags>\(.*\)</graal.jvm.flags>.*:\1:p' "$root/pom.xml")
  gw_flags=${gw_flags//'${graal.upgrade.dir}'/$root/bench/target/graal-upgrade}
  # shellcheck disable=SC2206 # the flags are words by design
  graalwasm=("$JAVA_HOME/bin/java" $gw_flags -cp "$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")"
    dev.linmem.bench.programs.GraalWasmWasiRun)
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
differences=0
declare -A node_times linmem_times b_times node_cpus linmem_cpus b_cpus gw_times gw_cpus
for program in "${programs[@]}"; do
  cmd=$(command_of "$program")
  input=$(stdin_of "$program")
  for ((i = 1; i <= runs; i++)); do
    # shellcheck disable=SC2086 # the command line is words by design
    read -r n n_cpu < <(timed node "$input" node --no-warnings "$wasi/node-wasi.mjs" $cmd)
    # shellcheck disable=SC2086
    read -r l l_cpu < <(timed linmem "$input" "$root/bin/linmem" run ${LINMEM_RUN_OPTS:-} $cmd)
    g=""
    if [ ${#graalwasm[@]} -gt 0 ]; then
      # shellcheck disable=SC2086
      read -r g g_cpu < <(timed gw "$input" "${graalwasm[@]}" $cmd)
      gw_times[$program]+="$g "
      gw_cpus[$program]+="$g_cpu "
      g=" GraalWasm ${g}s (cpu ${g_cpu}s)"
      if ! cmp -s "$work/out.node" "$work/out.gw" || ! cmp -s "$work/rc.node" "$work/rc.gw"; then
        differences=$((differences + 1))
        g="$g GraalWasm's OUTPUT DIFFERENT (exit $(cat "$work/rc.gw"); $(head -c 300 "$work/err.gw"))"
      fi
    fi
    b=""
    if [ -n "${B_ROOT:-}${B_RUN_OPTS:-}${B_JAVA_OPTS:-}" ]; then
      # shellcheck disable=SC2086
      read -r b b_cpu < <(timed b "$input" env LINMEM_JAVA_OPTS="${B_JAVA_OPTS:-${LINMEM_JAVA_OPTS:-}}" "${B_ROOT:-$root}/bin/linmem" run ${B_RUN_OPTS:-} $cmd)
      b_times[$program]+="$b "
      b_cpus[$program]+="$b_cpu "
      b=" B ${b}s (cpu ${b_cpu}s)"
      if ! cmp -s "$work/out.node" "$work/out.b" || ! cmp -s "$work/rc.node" "$work/rc.b"; then
        differences=$((differences + 1))
        b="$b B's OUTPUT DIFFERENT (exit $(cat "$work/rc.b"); $(grep -v '^linmem timings' "$work/err.b" | head -c 300))"
      fi
    fi
    same=same
    if ! cmp -s "$work/out.node" "$work/out.linmem" || ! cmp -s "$work/rc.node" "$work/rc.linmem"; then
      differences=$((differences + 1))
      same="DIFFERENT (exit node $(cat "$work/rc.node"), linmem $(cat "$work/rc.linmem"); $(grep -v '^linmem timings' "$work/err.linmem" | head -c 300))"
    fi
    echo "$program run $i: node ${n}s (cpu ${n_cpu}s) linmem ${l}s (cpu ${l_cpu}s) ratio $(echo "scale=1; $l / $n" | bc)$g$b output $same load $(cut -d' ' -f1 /proc/loadavg)"
    for variant in linmem b; do
      if [ -f "$work/err.$variant" ] && grep -q '^linmem timings' "$work/err.$variant"; then
        echo "  $variant: $(grep '^linmem timings' "$work/err.$variant" | sed 's/linmem timings: *//; s/  */ /g' | paste -sd';')"
      fi
      rm -f "$work/err.$variant"
    done
    node_times[$program]+="$n "
    linmem_times[$program]+="$l "
    linmem_cpus[$program]+="$l_cpu "
    node_cpus[$program]+="$n_cpu "
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
med() { echo "$1" | tr ' ' '\n' | grep . | median; }
ratio() { echo "scale=2; $1 / $2" | bc; }
if [ -n "${B_ROOT:-}${B_RUN_OPTS:-}${B_JAVA_OPTS:-}" ]; then
  echo "B: ${B_ROOT:-$root} ${B_RUN_OPTS:-} ${B_JAVA_OPTS:+LINMEM_JAVA_OPTS=$B_JAVA_OPTS}"
  echo "| program | Node wall (s) | linmem wall (s) | B wall (s) | B / linmem wall | linmem CPU (s) | B CPU (s) | B / linmem CPU |"
  echo "|---|---|---|---|---|---|---|---|"
elif [ ${#graalwasm[@]} -gt 0 ]; then
  echo "| program | Node wall (s) | GraalWasm wall (s) | linmem wall (s) | linmem / Node wall | linmem / GraalWasm wall | Node CPU (s) | GraalWasm CPU (s) | linmem CPU (s) | linmem / GraalWasm CPU |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
else
  echo "| program | Node wall (s) | linmem wall (s) | linmem / Node wall | Node CPU (s) | linmem CPU (s) | linmem / Node CPU |"
  echo "|---|---|---|---|---|---|---|"
fi
for program in "${programs[@]}"; do
  n=$(med "${node_times[$program]}"); l=$(med "${linmem_times[$program]}")
  nc=$(med "${node_cpus[$program]}"); lc=$(med "${linmem_cpus[$program]}")
  if [ -n "${B_ROOT:-}${B_RUN_OPTS:-}${B_JAVA_OPTS:-}" ]; then
    bm=$(med "${b_times[$program]}"); bc=$(med "${b_cpus[$program]}")
    echo "| $program | $n | $l | $bm | $(ratio "$bm" "$l") | $lc | $bc | $(ratio "$bc" "$lc") |"
  elif [ ${#graalwasm[@]} -gt 0 ]; then
    gm=$(med "${gw_times[$program]}"); gc=$(med "${gw_cpus[$program]}")
    echo "| $program | $n | $gm | $l | $(ratio "$l" "$n") | $(ratio "$l" "$gm") | $nc | $gc | $lc | $(ratio "$lc" "$gc") |"
  else
    echo "| $program | $n | $l | $(ratio "$l" "$n") | $nc | $lc | $(ratio "$lc" "$nc") |"
  fi
done
echo "(medians of $runs runs; wall and CPU are each a median on its own)"
if [ "$differences" -gt 0 ]; then
  echo "$differences run(s) printed something other than Node or exited differently (see DIFFERENT above)"
  exit 1
fi
