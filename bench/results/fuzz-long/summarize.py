#!/usr/bin/env python3
"""Totals of fuzz/long-run.sh's chunk summaries (the *.txt beside this script; totals.out is its output, or in the folder given):
modules, verdict counts per mode and memory kind, compiled call targets, failing executions, commits."""
import collections
import pathlib
import re
import sys

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent)
verdicts = collections.defaultdict(collections.Counter)
totals = collections.Counter()
commits = collections.Counter()
chunks = 0
for path in sorted(folder.glob('*.txt')):
    chunks += 1
    for line in path.read_text().splitlines():
        if line.startswith('commit: '):
            commits[line[len('commit: '):]] += 1
        elif m := re.match(r'modules: (\d+) valid .*?, (\d+) malformed', line):
            totals['valid modules'] += int(m[1])
            totals['malformed modules'] += int(m[2])
        elif m := re.match(r'failing executions: (\d+)', line):
            totals['failing executions'] += int(m[1])
        elif m := re.match(r'\s+((?:compiled|interpreted|warm|malformed)/\S+)\s+(.*)', line):
            for key, value in re.findall(r'([a-z_ ]+?)=(\d+)', m[2]):
                verdicts[m[1]][key.strip()] += int(value)
print(f'chunks: {chunks}')
for key in ('valid modules', 'malformed modules', 'failing executions'):
    print(f'{key}: {totals[key]:,}')
for commit, n in sorted(commits.items()):
    print(f'commit {commit}: {n} chunk(s)')
for config in sorted(verdicts):
    print(f'{config:30} ' + ' '.join(f'{k}={v:,}' for k, v in sorted(verdicts[config].items())))
