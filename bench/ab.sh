#!/usr/bin/env bash
# Measures what a change costs: JMH on two revisions of linmem, side by side.
#   bench/ab.sh REV_A REV_B ROUNDS JMH ARGS...
# Each revision is checked out into a worktree under bench/target/ab/ and built there; then the
# rounds alternate A, B, A, B, ..., so that a machine's drift in load lands on both alike. Give
# JMH's -f (0: one JVM per round and side; 1: a fork per benchmark) among the JMH ARGS. Output: bench/results/ab/<A>-<B>/round-N-{a,b}.json, and summary.md with each
# benchmark's median score per revision over the rounds and the median of the per-round ratios
# B/A. Name a baseline inside the run (RAW_UNSAFE, GRAALWASM) to read ratios to it as well.
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: bench/ab.sh REV_A REV_B ROUNDS JMH ARGS..." >&2
  exit 2
fi
rev_a=$1 rev_b=$2 rounds=$3
shift 3
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
name="$(git -C "$root" rev-parse --short "$rev_a")-$(git -C "$root" rev-parse --short "$rev_b")"
out="$bench/results/ab/$name"
mkdir -p "$out" "$bench/target/ab"
declare -A tree
for side in a b; do
  rev=$([ $side = a ] && echo "$rev_a" || echo "$rev_b")
  dir="$bench/target/ab/$side"
  git -C "$root" worktree remove --force "$dir" 2>/dev/null || rm -rf "$dir"
  git -C "$root" worktree add -q --detach "$dir" "$rev"
  tree[$side]=$dir
  # the worktree's own setup builds it and yields its class path and flags
  (cd "$dir/bench" && . ./setup.sh && bench_build ab && echo "$flags" >"$out/flags-$side.txt" && echo "$classpath" >"$out/classpath-$side.txt")
done
{
  echo "A: $rev_a ($(git -C "$root" rev-parse --short "$rev_a"))"
  echo "B: $rev_b ($(git -C "$root" rev-parse --short "$rev_b"))"
  echo "JMH arguments: $*"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
} >"$out/machine.txt"
. "$root/bin/jdk.sh"
linmem_find_jdk
for round in $(seq 1 "$rounds"); do
  for side in a b; do
    flags=$(cat "$out/flags-$side.txt")
    echo "ab: round $round, $side" >&2
    # shellcheck disable=SC2086 # the flags are words by design
    "$JAVA_HOME/bin/java" $flags -cp "$(cat "$out/classpath-$side.txt")" org.openjdk.jmh.Main \
      -jvmArgs "$flags" -rf json -rff "$out/round-$round-$side.json" "$@" >>"$out/jmh.log" 2>&1
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
python3 "$bench/ab_summary.py" "$out" "$rounds" >"$out/summary.md"
for side in a b; do git -C "$root" worktree remove --force "${tree[$side]}"; done
cat "$out/summary.md"
