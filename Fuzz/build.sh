#!/bin/sh
# Builds the libFuzzer targets in Fuzz/ (Swift on Linux). Output: .build-fuzz/fuzz-<name> (name:
# the file name, lowercased, without "Fuzz.swift").
#
# libFuzzer brings its own `main`, so `-sanitize=fuzzer` must reach only the final link of each
# entry point. SwiftPM applies -Xswiftc flags to every Swift module it builds, including the host
# tool RulePackEmbedder that the EmbedRulePacks plugin runs during the build; a `-sanitize=fuzzer`
# there would take that tool's `main` away. So SwiftPM builds the libraries (and the tool) with
# AddressSanitizer plus the coverage libFuzzer reads (`-sanitize-coverage=` the set that
# `-sanitize=fuzzer` implies: inline 8-bit edge counters, the PC table, comparison tracing); the
# tool links against the ASan runtime, whose coverage hooks do nothing. `-enable-testing` lets an
# entry point `@testable import` a parser that is internal (the git output readers). Each entry
# point (Fuzz/*Fuzz.swift, no `main`) is then compiled with `swiftc -parse-as-library
# -sanitize=fuzzer,address` and linked with lld against the libraries' object files.
set -eu
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
CONFIG=release
COVERAGE=edge,inline-8bit-counters,pc-table,trace-cmp
FLAGS="-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=$COVERAGE -Xswiftc -enable-testing -Xswiftc -use-ld=lld"
# The host tool is built with ASan too; a leak at its exit must not fail the build.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
for target in SecretLint SirportlyAuth; do
    # shellcheck disable=SC2086 # FLAGS is a list of words
    $SWIFT build --scratch-path "$SCRATCH" -c "$CONFIG" $FLAGS --target "$target"
done
BIN="$SCRATCH/$CONFIG"

# Every library object SwiftPM built (this package's and its dependencies', C included), leaving
# out executables, plugin tools and test code: each of those has a `main` or needs XCTest.
# Some file names have spaces, so the list goes to the compiler as a response file.
find -H "$BIN" -path "$BIN/*.build/*" -name '*.o' \
    | grep -v -E "/(tokenaudit|RulePackEmbedder|TestSupport|SirportlyAuthMock|[A-Za-z0-9]*Tests|[A-Za-z0-9]*-tool)\.build/" \
    | sort | sed 's/.*/"&"/' > "$SCRATCH/fuzz-objects.rsp"
# Module maps of the C modules the Swift modules import (this package's and generated ones).
MODULE_MAPS=$(
    for map in Sources/*/module.modulemap; do printf ' -Xcc -fmodule-map-file=%s' "$map"; done
    find -H "$BIN" -maxdepth 2 -path "$BIN/*.build/module.modulemap" | while read -r map; do
        printf ' -Xcc -fmodule-map-file=%s' "$map"
    done
    find "$SCRATCH/checkouts" -path '*/include/module.modulemap' | while read -r map; do
        printf ' -Xcc -fmodule-map-file=%s -Xcc -I -Xcc %s' "$map" "$(dirname "$map")"
    done
)
for source in Fuzz/*Fuzz.swift; do
    name=$(basename "$source" Fuzz.swift | tr 'A-Z' 'a-z')
    echo "linking $SCRATCH/fuzz-$name"
    # shellcheck disable=SC2086 # MODULE_MAPS is a list of words
    $SWIFTC -parse-as-library -O -sanitize=fuzzer,address -swift-version 6 -use-ld=lld \
        -I "$BIN/Modules" $MODULE_MAPS \
        "$source" Fuzz/Support/*.swift @"$SCRATCH/fuzz-objects.rsp" -lpcre2-8 -lz -lstdc++ -o "$SCRATCH/fuzz-$name"
done
