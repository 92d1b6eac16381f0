#!/usr/bin/env bash
# History audit throughput: `tokenaudit git history --all` against the floor
# `git cat-file --batch-all-objects --batch > /dev/null` on the same generated repository, with
# wall time and peak RSS (GNU time when installed, else /proc-based python fallback).
#   history-throughput.sh [TOKENAUDIT] [FILES] [COMMITS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../.build/release/tokenaudit}; files=${2:-2000}; commits=${3:-12000}
repo=${TMPDIR:-/tmp}/tokenaudit-bench-history-$files-$commits
[ -d "$repo/.git" ] || "$here/make-repo.sh" "$repo" "$files" "$commits"
cd "$repo"
python3 - "$bin" <<'PY'
import os, resource, subprocess, sys, time
bin = sys.argv[1]
def run(cmd):
    best = None
    for _ in range(3):
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        best = min(best or (wall, usage.ru_maxrss), (wall, usage.ru_maxrss))
    return best
floor = run(["git", "cat-file", "--batch-all-objects", "--batch"])
scan = run([bin, "git", "history", "--all", "-q", "--format", "json"])
print(f"floor  git cat-file --batch-all-objects --batch > /dev/null: {floor[0]:.2f} s, {floor[1]/1024:.0f} MB RSS")
print(f"tokenaudit git history --all:                               {scan[0]:.2f} s, {scan[1]/1024:.0f} MB RSS")
print(f"ratio {scan[0]/floor[0]:.2f}x (best of 3 each)")
PY
