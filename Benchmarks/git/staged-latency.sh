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
import os, subprocess, sys, time
bin, runs = sys.argv[1], int(sys.argv[2])
subprocess.run([bin, "git", "staged", "-q"], check=False)  # warm the page cache
times, cpu = [], []
for _ in range(runs):
    t = time.perf_counter()
    p = subprocess.Popen([bin, "git", "staged", "-q"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    times.append((time.perf_counter() - t) * 1000)
    # CPU of tokenaudit and the git processes it waited for (Linux counts reaped children).
    cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    assert os.waitstatus_to_exitcode(status) == 0, status
times.sort(); cpu.sort()
def pct(xs, q): return xs[max(0, int(len(xs) * q) - 1)] if q < 1 else xs[-1]
print(f"git staged, 10 staged files, 10,000-file repository, {runs} runs: "
      f"wall p50 {times[len(times)//2]:.1f} ms, p95 {pct(times, 0.95):.1f} ms, min {times[0]:.1f} ms; "
      f"CPU p50 {cpu[len(cpu)//2]:.1f} ms (tokenaudit + git)")
PY
git reset -q --hard main
