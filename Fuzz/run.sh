#!/bin/sh
# Runs each fuzz target built by Fuzz/build.sh (in FUZZ_SCRATCH, default .build-fuzz) for SECONDS,
# one at a time, seeded from Corpus/, the built-in rules and the output of git commands on a small
# generated repository, keeping what it learns in <scratch>/corpus-<name>. A crash, a timeout (10 s
# for one input) or a leak leaves <scratch>/crash-*, timeout-* or leak-* (libFuzzer's artifacts)
# and makes the run fail; each target's figures are collected in <scratch>/fuzz-summary.txt.
# Usage: Fuzz/run.sh SECONDS [target...]
#   targets: tokenformat pcre2 tomlconfig ignore engine httpcapture gitlog gitpatch gitobject gitlisting
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
shift || true
TARGETS=${*:-tokenformat pcre2 tomlconfig ignore engine httpcapture gitlog gitpatch gitobject gitlisting}
OUT=${FUZZ_SCRATCH:-.build-fuzz}
SEEDS=$OUT/seeds
rm -rf "$SEEDS"
for target in $TARGETS; do mkdir -p "$SEEDS/$target"; done
mkdir -p "$SEEDS/all"

# Engine and validators: the labelled corpus (the validators get each file's first line).
n=0
find Corpus -type f | while read -r f; do
    n=$((n + 1))
    head -c 65536 "$f" > "$SEEDS/all/engine-$n"
    head -n 1 "$f" | head -c 256 > "$SEEDS/all/tokenformat-$n"
done
# TOML: the built-in rule packs and the corpus's TOML files.
cp Sources/SecretRules/Builtin/*.toml "$SEEDS/all/" 2>/dev/null || true
find Corpus -name '*.toml' -exec cp {} "$SEEDS/all/" \;
for f in "$SEEDS"/all/*.toml; do mv "$f" "$SEEDS/all/tomlconfig-$(basename "$f")"; done
# PCRE2: options byte, each built-in regex, NUL, a subject.
grep -ho "regex = '''.*'''" Sources/SecretRules/Builtin/*.toml | sed "s/^regex = '''//; s/'''\$//" | while read -r re; do
    n=$((n + 1))
    printf '\021%s\000password=Hunter2-example token: d3f269a9-932e-eeb0-05e7-14fdff8696b2\n' "$re" > "$SEEDS/all/pcre2-$n"
done
# Ignore: pattern text, NUL, paths.
printf '*.log\n!keep.log\n/build/\na/**/b\n**/tmp\nsecrets/**\n[a-c]?.txt\n\\#x\n\000x.log\nkeep.log\nbuild\na/x/y/b\nd/tmp\nsecrets/k\nb1.txt\n#x' > "$SEEDS/all/ignore-1"

# Captures for `validate headers`: a raw request, `curl -v` output and a HAR file (made-up values).
printf 'GET /api/v2/tickets HTTP/1.1\r\nHost: support.example.test\r\nX-Auth-Token: 00000000-0000-0000-0000-000000000000\r\nX-Auth-Secret: example-secret\r\n\r\n' > "$SEEDS/all/httpcapture-raw"
printf '* Connected to support.example.test\n> POST /api/v2/authenticate HTTP/1.1\n> Host: support.example.test\n> Content-Type: application/x-www-form-urlencoded\n>\n} [27 bytes data]\n< HTTP/1.1 200 OK\n' > "$SEEDS/all/httpcapture-curl"
printf '{"log":{"version":"1.2","entries":[{"request":{"method":"POST","url":"https://support.example.test/api/v2/authenticate?x=1","headers":[{"name":"X-Auth-Token","value":"example"}],"postData":{"mimeType":"application/json","text":"{\\"password\\":\\"example\\"}","params":[{"name":"password","value":"example"}]}}}]}}' > "$SEEDS/all/httpcapture-har"

# git: the output of the commands the git modes parse, from a small repository made here (a
# rename, a binary file, a file name that is not UTF-8, a missing final newline, a merge).
if command -v git >/dev/null 2>&1; then
    repo=$OUT/seed-repo
    rm -rf "$repo"
    git init -q "$repo"
    (
        cd "$repo"
        export GIT_AUTHOR_NAME=Fuzz GIT_AUTHOR_EMAIL=fuzz@example.test GIT_COMMITTER_NAME=Fuzz GIT_COMMITTER_EMAIL=fuzz@example.test
        export GIT_AUTHOR_DATE='1700000000 +0530' GIT_COMMITTER_DATE='1700000000 +0530'
        git config commit.gpgsign false
        printf 'password = "example-value"\nline two\n' > config.ini
        printf 'a\nb' > "$(printf 'name-\377.txt')"
        printf '\000\001binary' > blob.bin
        git add -A && git commit -q -m 'first'
        git mv config.ini settings.ini
        printf 'token: example\n' >> settings.ini
        git add -A && git commit -q -m 'second
with a body'
        git checkout -q -b side HEAD~1 && printf 'side\n' > side.txt && git add side.txt && git commit -q -m side
        git checkout -q - && git merge -q --no-edit side
        printf 'staged\n' >> settings.ini && printf 'new\n' > new.txt && git add -A
    )
    g() { git -C "$repo" "$@"; }
    g log --reverse --date-order --format=%x01%H --raw -z --no-abbrev --no-renames -m --no-color -- > "$SEEDS/all/gitlog-log"
    g diff-tree -r --raw -z --no-abbrev -M HEAD~1 > "$SEEDS/all/gitlog-difftree"
    g diff-tree -r -p -U0 --no-color -M HEAD~1 > "$SEEDS/all/gitpatch-u0"
    g -c diff.suppressBlankEmpty=false diff --cached -p -U1073741824 --no-color > "$SEEDS/all/gitpatch-staged"
    g rev-list --all --objects | cut -d' ' -f1 | g cat-file --batch > "$SEEDS/all/gitobject-batch"
    g cat-file commit HEAD > "$SEEDS/all/gitobject-commit"
    g ls-files -z --cached > "$SEEDS/all/gitlisting-files"
    g ls-tree -r -z --full-tree HEAD > "$SEEDS/all/gitlisting-tree"
fi
# Each target's seeds: its own files by prefix.
for target in $TARGETS; do
    for f in "$SEEDS/all/$target"-*; do [ -e "$f" ] && cp "$f" "$SEEDS/$target/"; done
done

# A Swift trap goes straight to libFuzzer's crash handler: Swift's own backtracer, on by default
# on Linux, took minutes over these large binaries and then tripped ASan itself.
export SWIFT_BACKTRACE=enable=no
status=0
: > "$OUT/fuzz-summary.txt"
for target in $TARGETS; do
    mkdir -p "$OUT/corpus-$target"
    echo "== fuzz-$target for ${SECONDS_EACH}s"
    "$OUT/fuzz-$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$OUT/" -print_final_stats=1 "$OUT/corpus-$target" "$SEEDS/$target" 2> "$OUT/fuzz-$target.log" \
        || status=1
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/fuzz-$target.log" | grep -o '[0-9]*$' || echo '?')
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$OUT/fuzz-$target.log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo '?')
    files=$(find "$OUT/corpus-$target" -type f | wc -l)
    # One artifact per crash, timeout, leak or out-of-memory input (libFuzzer stops at the first).
    found=$(grep -c 'Test unit written to' "$OUT/fuzz-$target.log" || true)
    line="$target: runs=$runs seconds=$secs corpus=$files artifacts=$found"
    echo "$line" | tee -a "$OUT/fuzz-summary.txt"
    [ "$found" = 0 ] || grep -E 'ERROR|SUMMARY|Fatal error|runtime failure|Test unit written' "$OUT/fuzz-$target.log" | head -6
done
exit $status
