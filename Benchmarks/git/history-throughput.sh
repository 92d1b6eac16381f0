#!/usr/bin/env bash
# History audit throughput: `tokenaudit git history --all` against the floor
# `git cat-file --batch-all-objects --batch > /dev/null` on the same generated repository, with
# wall time and peak RSS (GNU time when installed, else /proc-based python fallback).
#   [JOBS=N] history-throughput.sh [TOKENAUDIT] [FILES] [COMMITS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../.build/release/tokenaudit}; files=${2:-2000}; commits=${3:-12000}
repo=${TMPDIR:-/tmp}/tokenaudit-bench-history-$files-$commits
[ -d "$repo/.git" ] || "$here/make-repo.sh" "$repo" "$files" "$commits"
cd "$repo"
python3 - "$bin" <<'PY'
import os, resource, subprocess, sys, time
bin = sys.argv[1]
jobs = os.environ.get("JOBS")
def run(cmd):
    best = None
    for _ in range(3):
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        # CPU includes the git processes tokenaudit waited for; RSS is the largest single process.
        sample = (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
        best = min(best or sample, sample)
    return best
floor = run(["git", "cat-file", "--batch-all-objects", "--batch"])
scan = run([bin, "git", "history", "--all", "-q", "--format", "json"] + (["--jobs", jobs] if jobs else []))
print(f"floor  git cat-file --batch-all-objects --batch > /dev/null: {floor[0]:.2f} s wall, {floor[1]:.2f} s CPU, {floor[2]/1024:.0f} MB RSS")
print(f"tokenaudit git history --all{' --jobs ' + jobs if jobs else ''}: {scan[0]:.2f} s wall, {scan[1]:.2f} s CPU, {scan[2]/1024:.0f} MB RSS")
print(f"ratio {scan[0]/floor[0]:.2f}x wall, {scan[1]/floor[1]:.2f}x CPU (best of 3 each)")
PY
