#!/bin/sh
# Builds the libFuzzer targets in Fuzz/ (Swift on Linux).
#
# A SwiftPM executable built with -sanitize=fuzzer does not link (libFuzzer renames its `main`),
# so the library targets are built by SwiftPM with fuzzer coverage and AddressSanitizer, and each
# entry point (Fuzz/*Fuzz.swift, no `main`) is compiled with `swiftc -parse-as-library` and linked
# against their object files. Output: .build-fuzz/fuzz-<name> (name: the file name, lowercased,
# without "Fuzz.swift").
set -eu
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
CONFIG=release
$SWIFT build --scratch-path "$SCRATCH" -c "$CONFIG" -Xswiftc -sanitize=fuzzer,address --target SecretLint
BIN="$SCRATCH/$CONFIG"
OBJECTS=$(ls "$BIN"/TokenFormat.build/*.o "$BIN"/PCRE2.build/*.o "$BIN"/SecretRules.build/*.o \
    "$BIN"/SecretScanner.build/*.o "$BIN"/SecretLint.build/*.o)
for source in Fuzz/*Fuzz.swift; do
    name=$(basename "$source" Fuzz.swift | tr 'A-Z' 'a-z')
    echo "linking $SCRATCH/fuzz-$name"
    swiftc -parse-as-library -O -sanitize=fuzzer,address -swift-version 6 -use-ld=lld \
        -I "$BIN/Modules" -Xcc -fmodule-map-file=Sources/CPCRE2/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap \
        "$source" $OBJECTS -lpcre2-8 -lz -o "$SCRATCH/fuzz-$name"
done
