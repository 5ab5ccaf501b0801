"""Summarizes bench/ab.sh's rounds: per benchmark and parameter set, each side's median score
over the rounds, and the median and range of the per-round ratios B/A (lower is faster for
time-per-operation scores)."""
import json
import statistics
import sys
from pathlib import Path

out, rounds = Path(sys.argv[1]), int(sys.argv[2])


def scores(path):
    result = {}
    for entry in json.loads(path.read_text()):
        params = ",".join(f"{k}={v}" for k, v in sorted(entry.get("params", {}).items()))
        key = entry["benchmark"].rsplit(".", 2)[-2] + "." + entry["benchmark"].rsplit(".", 1)[-1] + " " + params
        result[key] = (entry["primaryMetric"]["score"], entry["primaryMetric"]["scoreUnit"])
    return result


runs = {side: [scores(out / f"round-{r}-{side}.json") for r in range(1, rounds + 1)] for side in "ab"}
print((out / "machine.txt").read_text())
print("| benchmark | unit | A median | B median | B/A median (min..max over rounds) |")
print("|---|---|---|---|---|")
for key in sorted(runs["a"][0]):
    a = [run[key][0] for run in runs["a"] if key in run]
    b = [run[key][0] for run in runs["b"] if key in run]
    ratios = [y / x for x, y in zip(a, b) if x > 0]
    unit = runs["a"][0][key][1]
    print(f"| {key} | {unit} | {statistics.median(a):.3f} | {statistics.median(b):.3f} | "
          f"{statistics.median(ratios):.3f} ({min(ratios):.3f}..{max(ratios):.3f}) |")
