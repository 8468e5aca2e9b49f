#!/usr/bin/env python3
"""Search gate: a site's search page in headless Chromium, served with the policy the
README documents (`Content-Security-Policy: default-src 'self'`: script from the site's
own origin only).

    search_gate.py SERVE_ROOT:BASE_PATH --expect 'QUERY=TITLE|TITLE' --expect 'QUERY=' ...
    search_gate.py SERVE_ROOT:BASE_PATH --measure 科技创新 --budget-ms 100 --budget-kb 150 --json

Each --expect types QUERY into the search box of a freshly loaded page and compares the
titles of the results shown with the list given (in order; a trailing `|…` accepts more
results after them; nothing after `=` means no result may be shown). After the first
query the page is checked with axe-core (WCAG 2.1 A/AA), with its results on screen. Then
the page is opened with script turned off, where it must say so and link to the tag and
report lists. Any console error (a blocked script or fetch shows as one) fails the gate.

Each --measure loads the page afresh, types the query and records the milliseconds from
the input event to the results in the page, and the bytes the query fetched (manifest,
index shards, result files; the page's script and the manifest, loaded with the page,
are added once), five
times (--repeat): the budget holds the median, and the slowest run is reported too.
Exits 1 if an expectation or a budget fails.
"""
import argparse
import functools
import http.server
import json
import os
import re
import statistics
import sys
import threading

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

POLICY = "default-src 'self'"
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})

# Types the query, waits until the status line reports it, and returns what is shown.
QUERY_SCRIPT = r"""
const [query, done] = arguments;
performance.clearResourceTimings();
const input = document.getElementById('search-query');
const status = document.getElementById('search-status');
const finish = () => {
  const elapsed = performance.now() - start;
  const fetched = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/search/'));
  done({
    elapsed,
    bytes: fetched.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    files: fetched.length,
    titles: [...document.querySelectorAll('#search-results h2')].map((heading) => heading.textContent),
    marks: [...document.querySelectorAll('#search-results mark')].map((mark) => mark.textContent),
    links: [...document.querySelectorAll('#search-results h2 a')].map((link) => link.getAttribute('href')),
    status: status.textContent,
  });
};
new MutationObserver((changes, observer) => {
  if (status.getAttribute('data-query') === query) { observer.disconnect(); finish(); }
}).observe(status, { attributes: true, attributeFilter: ['data-query'] });
const start = performance.now();
input.value = query;
input.dispatchEvent(new Event('input'));
"""


class PolicyHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".bin": "application/octet-stream",
                      ".json": "application/json", ".js": "text/javascript"}

    def end_headers(self):
        self.send_header("Content-Security-Policy", POLICY)
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(root):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PolicyHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(script=True):
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--force-device-scale-factor=1", "--window-size=1280,1000"]:
        options.add_argument(flag)
    if not script:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def run_query(driver, page, query):
    driver.get(page)
    driver.set_script_timeout(30)
    return driver.execute_async_script(QUERY_SCRIPT, query)


def check_expectations(driver, page, expectations, problems, screenshots=None):
    axed = False
    for expectation in expectations:
        query, _, wanted = expectation.partition("=")
        shown = run_query(driver, page, query)
        titles = shown["titles"]
        if wanted.endswith("|…"):
            expected = wanted[:-2].split("|")
            ok = titles[:len(expected)] == expected
        else:
            expected = wanted.split("|") if wanted else []
            ok = titles == expected
        verdict = "ok" if ok else "FAILED"
        print(f"search gate: {query!r} → {len(titles)} results {titles[:4]}, marked {sorted(set(shown['marks']))[:3]}, "
              f"{shown['elapsed']:.0f} ms, {shown['bytes'] / 1024:.1f} KB in {shown['files']} files: {verdict}")
        if not ok:
            problems.append(f"{query!r}: expected {expected}, shown {titles} ({shown['status']})")
        if titles and not shown["marks"]:
            problems.append(f"{query!r}: no hit marked in the snippets")
        if titles and not axed:
            axe = Axe(driver)
            axe.inject()
            violations = axe.run(options=AXE_OPTIONS)["violations"]
            for violation in violations:
                problems.append(f"axe with results shown: {violation['id']}: {violation['help']}")
            print(f"search gate: axe with {len(titles)} results shown: {len(violations)} violations")
            axed = True
            if screenshots:
                os.makedirs(screenshots, exist_ok=True)
                for width in (1280, 390):
                    driver.set_window_size(width, 1000)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(width, height)
                    driver.save_screenshot(os.path.join(screenshots, f"results-{width}.png"))
                driver.set_window_size(1280, 1000)
    for error in console_errors(driver):
        problems.append(f"console: {error}")


def check_without_script(page, base_path, problems):
    driver = browser(script=False)
    try:
        driver.get(page)
        notice = driver.find_elements(By.CSS_SELECTOR, ".search-no-script")
        links = [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "main noscript a, main .search-no-script a, main .report-list a")]
        visible = bool(notice) and notice[0].is_displayed()
        print(f"search gate without script: notice shown {visible}, {len(links)} links")
        if not visible:
            problems.append("without script: the page does not say that search needs script")
        if not any(link.rstrip("/").endswith(base_path.rstrip("/") + "/tags") for link in links):
            problems.append(f"without script: no link to the tag list in {links}")
    finally:
        driver.quit()


def measure(driver, page, queries, script_bytes, repeat):
    """Each query `repeat` times, each on a freshly loaded page: the median time (the
    machine and the test's own Python server are noisy), the slowest, and the bytes."""
    figures = []
    for query in queries:
        runs = [run_query(driver, page, query) for _ in range(repeat)]
        shown = runs[-1]
        times = sorted(run["elapsed"] for run in runs)
        figures.append({"query": query, "ms": round(statistics.median(times), 1), "max_ms": round(times[-1], 1),
                        "bytes": max(run["bytes"] for run in runs),
                        "bytes_with_script": max(run["bytes"] for run in runs) + script_bytes, "files": shown["files"],
                        "results": int(found.group(1)) if (found := re.search(r"找到 (\d+) 篇", shown["status"])) else 0})
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site", help="SERVE_ROOT:BASE_PATH")
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--measure", action="append", default=[])
    parser.add_argument("--budget-ms", type=float)
    parser.add_argument("--budget-kb", type=float)
    parser.add_argument("--repeat", type=int, default=5, help="fresh page loads per measured query")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-script-check", action="store_true")
    parser.add_argument("--screenshots", help="folder for the page with its first results, at 1280 and 390 px")
    args = parser.parse_args()
    serve_root, base_path = args.site.rsplit(":", 1)
    server = serve(serve_root)
    page = f"http://127.0.0.1:{server.server_address[1]}{base_path}search/"
    # Loaded with the page, before any query: the script and the index's manifest.
    site = os.path.join(serve_root, base_path.strip("/"))
    script_bytes = sum(os.path.getsize(os.path.join(site, *part))
                       for part in (("js", "yearbook-search.js"), ("search", "index", "manifest.json")))
    problems = []
    driver = browser()
    try:
        check_expectations(driver, page, args.expect, problems, args.screenshots)
        figures = measure(driver, page, args.measure, script_bytes, args.repeat)
        for error in console_errors(driver):
            problems.append(f"console: {error}")
    finally:
        driver.quit()
    if args.expect and not args.no_script_check:
        check_without_script(page, base_path, problems)
    for figure in figures:
        if args.budget_ms is not None and figure["ms"] > args.budget_ms:
            problems.append(f"{figure['query']!r}: results after {figure['ms']} ms, budget {args.budget_ms} ms")
        if args.budget_kb is not None and figure["bytes_with_script"] > args.budget_kb * 1024:
            problems.append(f"{figure['query']!r}: {figure['bytes_with_script']} bytes, budget {args.budget_kb} KB")
    if args.json:
        print(json.dumps({"queries": figures, "script_bytes": script_bytes,
                          "median_ms": statistics.median([f["ms"] for f in figures]) if figures else None}))
    else:
        for figure in figures:
            print(f"search gate: {figure['query']!r}: {figure['ms']} ms (median; slowest {figure['max_ms']} ms), "
                  f"{figure['bytes_with_script'] / 1024:.1f} KB "
                  f"with the script, {figure['files']} files, {figure['results']} results")
    for problem in problems:
        print(f"search gate: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
