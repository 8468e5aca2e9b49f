# Two commands set everything up on a fresh Debian machine:
#   make site   builds the default site into Output/
#   make test   runs every test, then the quality gate (vnu, axe-core in Chromium)
# Both install what is missing (as root) or print the one command to run.

SWIFT ?= swift
BIN := .build/debug/yearbook

.PHONY: site test lint unit-tests quality-gate bench deps test-deps clean

site: deps
	$(SWIFT) build --product yearbook
	$(BIN) build

test: deps test-deps lint unit-tests quality-gate

unit-tests:
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

quality-gate:
	scripts/quality-gate.sh

bench: deps
	$(SWIFT) build -c release --product yearbook-bench
	.build/release/yearbook-bench .

deps:
	@scripts/install-deps.sh build

test-bench: deps
	$(SWIFT) build -c release --product yearbook-bench
	.build/release/yearbook-bench .

deps:
	@scripts/install-deps.sh test

clean:
	rm -rf .build Output .venv
