# TokenAudit — build, test and scan. On a fresh Debian/Ubuntu machine `make scan` and `make test`
# install what is missing (as root, through apt-get) and then do their work.
SWIFT ?= swift
BIN_RELEASE := .build/release/tokenaudit
APT_PACKAGES := libpcre2-dev zlib1g-dev pkg-config git

.PHONY: all deps build debug test test-sanitized fuzz scan bench bench-peers realworld rules-snapshot clean dist docker-offline

all: build

# Installs the system libraries when pkg-config cannot find them. Needs root; otherwise prints the
# exact command to run.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libpcre2-8 zlib && command -v git >/dev/null 2>&1; then \
	  :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "Installing $(APT_PACKAGES) with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	else \
	  echo "TokenAudit needs libpcre2-8 and zlib (found by pkg-config). Run:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES)"; \
	  exit 2; \
	fi

build: deps
	$(SWIFT) build -c release --product tokenaudit

debug: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The test suite under AddressSanitizer, then under ThreadSanitizer, each in its own scratch path.
# Leaks that belong to the toolchain or ArgumentParser are suppressed (Tests/lsan-suppressions.txt);
# the variable reaches the binaries the CLI tests start, so their exit codes stay meaningful.
# Under ThreadSanitizer one CLI test is left out: it runs the binary under `ulimit -f 4` to make
# report writes fail as on a full disk, and under that limit a TSan build dies of SIGBUS inside the
# TSan runtime before any of its code runs (`tokenaudit --version` too); `make test` and the ASan
# pass run it.
TSAN_INCOMPATIBLE := diskFullWhileWritingTheReportLeavesTheOldReportIntact
test-sanitized: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt:print_suppressions=0 $(SWIFT) test --skip-build --scratch-path .build-asan
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	$(SWIFT) test --skip-build --scratch-path .build-tsan --skip $(TSAN_INCOMPATIBLE)

# Builds the libFuzzer targets (Fuzz/build.sh: the libraries with ASan and coverage by SwiftPM in
# .build-fuzz, each Fuzz/*Fuzz.swift entry point linked with -sanitize=fuzzer) and runs each for
# FUZZ_SECONDS, one at a time (Fuzz/run.sh), seeded from Corpus/, the built-in rules and git output
# of a generated repository. FUZZ_TARGETS picks some of them. A crash, hang or leak fails the run
# and leaves .build-fuzz/crash-*, timeout-* or leak-*; per-target figures: .build-fuzz/fuzz-summary.txt.
# Needs libFuzzer and lld from the Swift toolchain on Linux. Not part of `make test` (CI).
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= tokenformat pcre2 tomlconfig ignore engine httpcapture gitlog gitpatch gitobject gitlisting
fuzz: deps
	Fuzz/build.sh
	Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Scans the bundled, labelled Corpus/ and prints the findings. Exit status 1 (findings) is the
# expected outcome here, so it is not treated as a failure.
scan: build
	@$(BIN_RELEASE) scan Corpus/ ; rc=$$?; if [ $$rc -gt 1 ]; then exit $$rc; fi

# package-benchmark suites (Benchmarks/), goals of the speed issue as thresholds next to each
# benchmark; the goal suites generate their corpus with Benchmarks/corpus/generate.py on first run.
bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

# TokenAudit, cat, ripgrep, Kingfisher, Betterleaks and detect-secrets on one generated corpus
# (SIZE=300M RUNS=5 by default; see the script's header for the other settings).
bench-peers: build
	TOKENAUDIT=$(CURDIR)/$(BIN_RELEASE) bash Benchmarks/compare-peers.sh

# False positives on trees nobody here wrote (the pyenv Python 3.11 library and /usr/share/doc):
# counts by severity and rule. PEERS=1 adds kingfisher, betterleaks and detect-secrets.
realworld: build
	bash Benchmarks/realworld.sh

# Regenerates the committed `rules list` snapshot after an intended rule change.
rules-snapshot: debug
	.build/debug/tokenaudit rules list > Tests/SecretRulesTests/Snapshots/rules-list.txt

# A binary to copy to machines without Swift: the Swift runtime is linked in statically (only
# libc, libstdc++, libpcre2-8 and zlib stay shared). The check runs the copy through the dynamic loader with
# its cache and the binary's RUNPATH ignored, so a stray dependency on the Swift runtime fails here.
DIST_DIR := dist
dist: deps
	$(SWIFT) build -c release --product tokenaudit --static-swift-stdlib --scratch-path .build/dist
	mkdir -p $(DIST_DIR)
	install -s -m 0755 .build/dist/release/tokenaudit $(DIST_DIR)/tokenaudit
	@if ldd $(DIST_DIR)/tokenaudit | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime'; then \
	  echo "dist: the binary still links the Swift runtime dynamically" >&2; exit 1; fi
	@loader=$$(ldd $(DIST_DIR)/tokenaudit | awk '/ld-linux/ {print $$1}'); \
	  $$loader --inhibit-cache --inhibit-rpath $(DIST_DIR)/tokenaudit --library-path /lib/$$(uname -m)-linux-gnu:/usr/lib/$$(uname -m)-linux-gnu \
	    $(DIST_DIR)/tokenaudit --version >/dev/null \
	  && echo "dist: $(DIST_DIR)/tokenaudit runs with the Swift runtime hidden from the loader"

# Builds the Dockerfile with podman where no container registry is reachable (base images made
# locally with debootstrap and this machine's Swift toolchain), then runs the image: --version, its
# uid, a scan and `git history --all` of mounted directories, its size (Benchmarks/docker/
# build-offline.sh; settings in its header). Needs root and the Debian mirror. Not part of `make
# test`: CI has no container engine.
docker-offline:
	bash Benchmarks/docker/build-offline.sh

clean:
	rm -rf .build $(DIST_DIR)
