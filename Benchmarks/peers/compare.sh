#!/usr/bin/env bash
# Side by side on the labelled Corpus: TokenAudit and detect-secrets (from PyPI), same files, same
# labels, wall time and per-class line recall / false positives.
# Usage (from the repository root, after `make build`): bash Benchmarks/peers/compare.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/Corpus/." "$work/corpus"
rm -rf "$work/corpus/tools" "$work/corpus/labels.json" "$work/corpus/README.md"

echo "== TokenAudit"
start=$(date +%s.%N)
"$root/.build/release/tokenaudit" scan --format json --quiet "$work/corpus" > "$work/ta.json" || [ $? -eq 1 ]
end=$(date +%s.%N)
echo "wall time: $(python3 -c "print(round($end - $start, 3))") s"
python3 - "$work/ta.json" "$work/corpus/" > "$work/ta-lines.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
prefix = sys.argv[2]
print(json.dumps(sorted({(f["file"].removeprefix(prefix), f["line"]) for f in report["findings"]})))
PY
python3 "$root/Benchmarks/peers/score.py" "$root/Corpus/labels.json" "$work/ta-lines.json"

echo "== detect-secrets"
if ! command -v detect-secrets >/dev/null; then
  echo "detect-secrets is not installed: pip install detect-secrets"; exit 0
fi
start=$(date +%s.%N)
(cd "$work/corpus" && detect-secrets scan --all-files . > "$work/ds.json")
end=$(date +%s.%N)
echo "wall time: $(python3 -c "print(round($end - $start, 3))") s"
python3 - "$work/ds.json" > "$work/ds-lines.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print(json.dumps(sorted({(f, r["line_number"]) for f, rs in results.items() for r in rs})))
PY
python3 "$root/Benchmarks/peers/score.py" "$root/Corpus/labels.json" "$work/ds-lines.json"
