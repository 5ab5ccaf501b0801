#!/usr/bin/env bash
# The long campaign of issue 9, in resumable chunks: 100,000 malformed modules, then 10,000 valid
# modules compiled (each on one memory kind, the kinds taking turns), compared with V8.
#
#   fuzz/long-run.sh OUT        run (or resume) the campaign; each finished chunk leaves OUT/<chunk>.txt
#   fuzz/long-run.sh OUT --sum  the totals of the finished chunks
#
# A chunk is a fixed seed range, so a campaign stopped anywhere resumes where it stopped and its
# chunks together are exactly the campaign one long command would have run. Each chunk's summary
# names the commit it tested (a campaign resumed later may test newer code; the summary says so).
# Failing cases are kept under OUT/<chunk>/cases. Runs two modules at a time (the machine has two cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: fuzz/long-run.sh OUT [--sum]}
mkdir -p "$out"

malformed_seed=1000000 malformed_chunk=20000 malformed_total=100000
valid_seed=100000 valid_chunk=500 valid_total=10000

if [[ ${2:-} == --sum ]]; then
  # Each chunk's summary has "modules: N valid ..., M malformed" and "failing executions: F".
  awk '/^modules: /{v += $2; for (i = 1; i <= NF; i++) if ($i == "malformed;") m += $(i-1)}
       /^failing executions: /{f += $3; n++}
       END{printf "chunks: %d  valid modules: %d  malformed modules: %d  failing executions: %d\n", n, v, m, f}' "$out"/*.txt
  exit 0
fi

run_chunk() { # name, then fuzz arguments
  local name=$1; shift
  [[ -f $out/$name.txt ]] && return 0
  echo "$(date -u +%H:%M:%S) $name"
  # a failing chunk still counts: its summary says how many failed, and the cases are kept
  "$root/bin/linmem" fuzz --jobs 2 --out "$out/$name" "$@" > "$out/$name.log" 2>&1 || true
  if grep -q '^failing executions: ' "$out/$name.log"; then
    { echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . 2>/dev/null || echo ' (with local changes)')"
      sed -n '/^modules: /,$p' "$out/$name.log"; } > "$out/$name.txt"
    grep '^failing executions: ' "$out/$name.txt"
  else
    echo "  chunk $name ended without a summary; see $out/$name.log" >&2
    return 1
  fi
}

for ((start = 0; start < malformed_total; start += malformed_chunk)); do
  run_chunk "malformed-$((malformed_seed + start))" --count 0 --malformed "$malformed_chunk" --seed "$((malformed_seed + start))"
done
for ((start = 0; start < valid_total; start += valid_chunk)); do
  run_chunk "compiled-$((valid_seed + start))" --count "$valid_chunk" --malformed 0 --modes compiled --seed "$((valid_seed + start))"
done
"$0" "$out" --sum
