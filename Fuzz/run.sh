#!/bin/sh
# Runs each fuzz target built by Fuzz/build.sh for SECONDS (one at a time), seeded from Corpus/
# and the built-in rules, keeping what it learns in .build-fuzz/corpus-<name>. A crash leaves
# .build-fuzz/crash-* (libFuzzer's artifact) and makes the run fail.
# Usage: Fuzz/run.sh SECONDS [target...]   (targets: tokenformat pcre2 tomlconfig ignore engine)
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
shift || true
TARGETS=${*:-tokenformat pcre2 tomlconfig ignore engine}
OUT=.build-fuzz
SEEDS=$OUT/seeds
rm -rf "$SEEDS" && mkdir -p "$SEEDS"/engine "$SEEDS"/tokenformat "$SEEDS"/tomlconfig "$SEEDS"/pcre2 "$SEEDS"/ignore

# Engine and validators: the labelled corpus (the validators get each file's first line).
n=0
find Corpus -type f | while read -r f; do
    n=$((n + 1))
    head -c 65536 "$f" > "$SEEDS/engine/$n"
    head -n 1 "$f" | head -c 256 > "$SEEDS/tokenformat/$n"
done
# TOML: each built-in rule pack (the text between the `"""` lines of Sources/SecretRules/Builtin).
awk -v dir="$SEEDS/tomlconfig" '/"""/ { inside = !inside; if (inside) { k++ }; next } inside { print > (dir "/pack" k) }' \
    Sources/SecretRules/Builtin/*.swift
find Corpus -name '*.toml' -exec cp {} "$SEEDS/tomlconfig/" \;
# PCRE2: options byte, each built-in regex, NUL, a subject.
grep -ho "regex = '''.*'''" Sources/SecretRules/Builtin/*.swift | sed "s/^regex = '''//; s/'''\$//" | while read -r re; do
    n=$((n + 1))
    printf '\021%s\000password=Hunter2-example token: d3f269a9-932e-eeb0-05e7-14fdff8696b2\n' "$re" > "$SEEDS/pcre2/$n"
done
# Ignore: pattern text, NUL, paths.
printf '*.log\n!keep.log\n/build/\na/**/b\n**/tmp\nsecrets/**\n[a-c]?.txt\n\\#x\n\000x.log\nkeep.log\nbuild\na/x/y/b\nd/tmp\nsecrets/k\nb1.txt\n#x' > "$SEEDS/ignore/1"

status=0
for target in $TARGETS; do
    mkdir -p "$OUT/corpus-$target"
    echo "== fuzz-$target for ${SECONDS_EACH}s"
    "$OUT/fuzz-$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$OUT/" -print_final_stats=1 "$OUT/corpus-$target" "$SEEDS/$target" || status=1
done
exit $status
