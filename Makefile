# Two commands set everything up on a fresh Debian machine:
#   make site   builds the default site into Output/
#   make test   runs every test, then the quality gate (vnu, axe-core in Chromium)
# Both install what is missing (as root) or print the one command to run.

SWIFT ?= swift
BIN := .build/debug/yearbook
# A release build links the Swift runtime and Foundation in rather than loading them: no
# dynamic binding of some 30,000 symbols at each start, and every retain and release a
# direct call (6% off a 10,000-article build). Package.swift cannot ask for it: a bare
# -static-stdlib leaves FoundationXML's C parts unlinked, which SwiftPM's option adds.
RELEASE := -c release --static-swift-stdlib

.PHONY: site test test-asan fuzz lint unit-tests quality-gate bench differential deps test-deps clean

site: deps
	$(SWIFT) build --product yearbook
	$(BIN) build

test: deps test-deps lint unit-tests quality-gate

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift Fuzz/Sources Fuzz/Package.swift
	python3 scripts/check-layers.py

unit-tests:
	$(SWIFT) build --build-tests
	$(SWIFT) test

quality-gate:
	scripts/quality-gate.sh

# The test suite again, built with AddressSanitizer (CI runs it once per change).
test-asan: deps test-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt:print_suppressions=0 \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan

# The figure differential test (every figure shown read back and compared with its source)
# on DATASETS random datasets from SEED (make test runs 24 from a fixed seed); the seed is
# printed, so a failure can be run again.
DATASETS ?= 2000
differential: deps
	YEARBOOK_DIFFERENTIAL_DATASETS=$(DATASETS) YEARBOOK_DIFFERENTIAL_SEED=$${SEED:-$$(date +%s)} \
	  $(SWIFT) test --filter FigureDifferentialTests

# libFuzzer on the parsers: FUZZ_SECONDS per target (default 60).
fuzz: deps
	scripts/fuzz.sh

# Release builds of Yearbook against Hugo 0.111 and a cmark + cp floor on generated
# corpora of 1,000 and 10,000 articles, output on /dev/shm (Benchmarks/bench.py), then
# the chart renderer alone, then `yearbook serve`: one-article rebuilds on the 10,000-article
# corpus and edit-to-reload in headless Chromium, then the figure differential at 2,000 datasets. BENCH_FLAGS passes options to bench.py:
# --runs 3, --markdown (the serve figures read the corpus from the default --work folder).
bench: deps test-deps
	@scripts/install-deps.sh bench
	$(SWIFT) build $(RELEASE) --product yearbook
	$(SWIFT) build $(RELEASE) --product yearbook-bench
	python3 Benchmarks/bench.py --yearbook .build/release/yearbook --project $(CURDIR) $(BENCH_FLAGS)
	.build/release/yearbook-bench . /dev/shm/yearbook-bench/corpus-10000/yearbook
	.venv/bin/python Benchmarks/reload_latency.py --yearbook .build/release/yearbook --project $(CURDIR)
	$(MAKE) differential

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

clean:
	rm -rf .build .build-asan Fuzz/.build Output .venv Screenshots
