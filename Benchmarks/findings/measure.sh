#!/usr/bin/env bash
# Peak RSS and wall time of `tokenaudit scan` on one log with many findings, per report format.
#
#   TOKENAUDIT=.build/release/tokenaudit LINES=500000 KIND=github bash Benchmarks/findings/measure.sh
#
# KIND=github: one finding a line; KIND=sirportly: a token+secret pair a line (two findings).
# FORMATS (default "json text sarif junit csv github markdown html") and JOBS (default "default 1":
# "default" runs without --jobs) choose the runs. The generated log and the reports go to a
# private temporary directory, removed at the end. Prints one line per run: format, jobs, exit
# status, peak RSS (MB), wall seconds, report bytes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tokenaudit="${TOKENAUDIT:-.build/release/tokenaudit}"
lines="${LINES:-500000}"
kind="${KIND:-github}"
formats="${FORMATS:-json text sarif junit csv github markdown html}"
jobs_list="${JOBS:-default 1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/generate.py" --out "$work/findings.log" --lines "$lines" --kind "$kind"
printf '%-9s %-7s %-4s %10s %8s %12s\n' format jobs exit peak_MB wall_s report_bytes
for format in $formats; do
    for jobs in $jobs_list; do
        extra=()
        [ "$jobs" = default ] || extra=(--jobs "$jobs")
        set +e
        /usr/bin/time -f '%M %e' -o "$work/time" "$tokenaudit" scan "$work/findings.log" --format "$format" \
            -o "$work/report" -q "${extra[@]}"
        status=$?
        set -e
        read -r kb wall < <(tail -n 1 "$work/time")
        printf '%-9s %-7s %-4s %10.1f %8s %12s\n' "$format" "$jobs" "$status" "$(echo "$kb / 1024" | bc -l)" "$wall" \
            "$(stat -c %s "$work/report" 2>/dev/null || echo -)"
        rm -f "$work/report"
    done
done
