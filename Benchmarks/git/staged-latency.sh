#!/usr/bin/env bash
# Pre-commit latency: `tokenaudit git staged` on a 10-file staged change in a generated
# 10,000-file repository, N runs, p50 and p95 wall time (ms).
#   staged-latency.sh [TOKENAUDIT] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../.build/release/tokenaudit}; runs=${2:-50}
repo=${TMPDIR:-/tmp}/tokenaudit-bench-staged
[ -d "$repo/.git" ] || "$here/make-repo.sh" "$repo" 10000 0 >/dev/null
cd "$repo"; git reset -q --hard main
for i in $(seq 0 9); do printf 'timeout_%d = "%d"\nregion = "eu-west-%d"\n' "$i" "$RANDOM" "$i" >> "src/m$(printf %02d $i)/file$i.txt"; done
git add -A
python3 - "$bin" "$runs" <<'PY'
import subprocess, sys, time
bin, runs = sys.argv[1], int(sys.argv[2])
subprocess.run([bin, "git", "staged", "-q"], check=False)  # warm the page cache
times = []
for _ in range(runs):
    t = time.perf_counter()
    r = subprocess.run([bin, "git", "staged", "-q"], stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
    assert r.returncode == 0, r.returncode
times.sort()
print(f"git staged, 10 staged files, 10,000-file repository, {runs} runs: "
      f"p50 {times[len(times)//2]:.1f} ms, p95 {times[int(len(times)*0.95)-1]:.1f} ms, min {times[0]:.1f} ms")
PY
git reset -q --hard main
