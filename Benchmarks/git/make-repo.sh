#!/usr/bin/env bash
# Generates a git repository for the git benchmarks (no network, deterministic content).
#   make-repo.sh DIR FILES COMMITS
# FILES text files (~2 KB each, config/code-like lines) in the first commit, then COMMITS commits
# each editing 5 files; one in every 200 commits adds (and a later one removes) a generated
# Sirportly-shaped credential pair, so history scans have something to find.
set -euo pipefail
dir=${1:?directory}; files=${2:-10000}; commits=${3:-0}
rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
git init -q -b main
git config user.name Bench; git config user.email bench@example.com; git config commit.gpgsign false
python3 - "$files" <<'PY'
import os, random, sys
random.seed(7)
n = int(sys.argv[1])
words = "alpha beta gamma delta service request timeout retries region cache user id value".split()
for i in range(n):
    d = f"src/m{i % 100:02d}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/file{i}.txt", "w") as f:
        for l in range(40):
            f.write(f"{random.choice(words)}_{l} = \"{random.choice(words)}-{random.randint(0, 10**6)}\"\n")
PY
git add -A
GIT_AUTHOR_DATE="@1700000000 +0000" GIT_COMMITTER_DATE="@1700000000 +0000" git commit -q -m "initial"
if [ "$commits" -gt 0 ]; then
  python3 - "$files" "$commits" <<'PY' | git fast-import --quiet
import random, sys, string
random.seed(11)
files, commits = int(sys.argv[1]), int(sys.argv[2])
hexd, alnum = "0123456789abcdef", string.ascii_letters + string.digits
def token(): return "-".join("".join(random.choice(hexd) for _ in range(k)) for k in (8, 4, 4, 4, 12))
def secret(): return "".join(random.choice(alnum) for _ in range(50))
out = sys.stdout
out.write("reset refs/heads/main\nfrom refs/heads/main^0\n")
leak = None
for c in range(commits):
    t = 1700000000 + 60 * (c + 1)
    out.write(f"commit refs/heads/main\ncommitter Bench <bench@example.com> {t} +0000\n")
    msg = f"change {c}\n"
    out.write(f"data {len(msg)}\n{msg}")
    for _ in range(5):
        i = random.randrange(files)
        body = "".join(f"key_{l} = \"v{random.randint(0, 10**9)}\"\n" for l in range(40))
        out.write(f"M 100644 inline src/m{i % 100:02d}/file{i}.txt\ndata {len(body.encode())}\n{body}")
    if c % 200 == 0:
        leak = f"secrets/leak{c}.env"
        body = f"SIRPORTLY_TOKEN={token()}\nSIRPORTLY_SECRET={secret()}\n"
        out.write(f"M 100644 inline {leak}\ndata {len(body)}\n{body}")
    elif c % 200 == 100 and leak:
        out.write(f"D {leak}\n")
PY
  git reset -q --hard main
fi
git gc -q
echo "$dir: $(git rev-list --count HEAD) commits, $(git ls-files | wc -l) files, $(du -sh .git | cut -f1) in .git"
