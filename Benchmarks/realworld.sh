#!/usr/bin/env bash
# Real-world false-positive check: scans trees nobody on the project wrote (the pyenv Python 3.11
# library and /usr/share/doc; neither holds a live secret) and prints the findings by severity and
# by rule, so a change to a rule or to the evidence model shows its effect on unseen material.
# Usage (repository root, after `make build`): bash Benchmarks/realworld.sh [TREE...]
#   BIN=PATH scans with that tokenaudit binary instead of .build/release/tokenaudit (to compare
#   a saved build of main with this tree's).
#   PEERS=1 also runs the peers installed in $PEERS_VENV (kingfisher, betterleaks, detect-secrets)
#   on the same trees and prints their totals beside TokenAudit's.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$root/.build/release/tokenaudit}"
[ -x "$bin" ] || { echo "build first: make build (or set BIN)" >&2; exit 2; }
if [ $# -gt 0 ]; then
  trees=("$@")
else
  pyroot="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  trees=("$pyroot/versions/3.11.7/lib/python3.11" /usr/share/doc)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
venv="${PEERS_VENV:-/work/peers-venv}"

for tree in "${trees[@]}"; do
  [ -d "$tree" ] || { echo "== $tree: not a directory, skipped"; continue; }
  echo "== TokenAudit: $tree"
  start=$(date +%s.%N)
  "$bin" scan --format json --quiet "$tree" > "$work/ta.json"
  rc=$?
  end=$(date +%s.%N)
  [ $rc -le 1 ] || { echo "tokenaudit exited $rc" >&2; exit $rc; }
  python3 - "$work/ta.json" "$start" "$end" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
findings = report["findings"]
order = ["critical", "high", "medium", "low"]
by_sev = collections.Counter(f["severity"] for f in findings)
by_rule = collections.Counter((f["severity"], f["ruleID"]) for f in findings)
medium_up = sum(by_sev[s] for s in order[:3])
print(f"total {len(findings)}  medium-or-above {medium_up}  wall {float(sys.argv[3]) - float(sys.argv[2]):.1f} s")
for sev in order:
    if not by_sev[sev]:
        continue
    rules = ", ".join(f"{rule} {n}" for (s, rule), n in by_rule.most_common() if s == sev)
    print(f"  {sev:8} {by_sev[sev]:4}  ({rules})")
PY
  if [ "${PEERS:-0}" = "1" ]; then
    kf="$venv/bin/kingfisher"
    if [ -x "$kf" ]; then
      "$kf" scan "$tree" --no-validate --format json --output "$work/kf.json" >/dev/null 2>&1
      echo "  kingfisher: $(python3 -c 'import json,sys
t=open(sys.argv[1]).read().strip()
try: d=json.loads(t)
except Exception: d=[json.loads(l) for l in t.splitlines() if l.strip()]
if isinstance(d,dict): d=d.get("findings", d.get("matches", []))
print(len(d))' "$work/kf.json" 2>/dev/null || echo "?")"
    fi
    bl="$(ls "$venv"/lib/python3*/site-packages/betterleaks/bin/betterleaks 2>/dev/null | head -1)"
    if [ -n "$bl" ]; then
      "$bl" fs "$tree" -o "$work/bl.json" --no-banner -s --redact >/dev/null 2>&1
      echo "  betterleaks: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/bl.json" 2>/dev/null || echo "?")"
    fi
    if [ -x "$venv/bin/detect-secrets" ]; then
      (cd "$tree" && "$venv/bin/detect-secrets" scan --all-files . 2>/dev/null) > "$work/ds.json"
      echo "  detect-secrets: $(python3 -c 'import json,sys; print(sum(len(v) for v in json.load(open(sys.argv[1]))["results"].values()))' "$work/ds.json" 2>/dev/null || echo "?")"
    fi
  fi
done
