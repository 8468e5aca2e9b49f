#!/usr/bin/env python3
"""Edit-to-reload time of `yearbook serve`, measured in headless Chromium.

Copies the default site to a temporary folder, starts `yearbook serve --port 0` there,
opens an article in the browser, then saves the article N times with a new marker in its
title. Each latency runs from just before the file is written to the moment the reloaded
page has parsed its DOM (`performance.timeOrigin + domContentLoadedEventEnd` of the new
navigation: the same wall clock as Python's time.time()).

    .venv/bin/python Benchmarks/reload_latency.py --yearbook .build/release/yearbook [--runs 10]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from browser_gate import browser  # noqa: E402

from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

TARGET_SECONDS = 1.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--yearbook", required=True)
    parser.add_argument("--project", default=".")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="yearbook-reload-")
    for folder in ("Content", "Templates"):
        shutil.copytree(os.path.join(args.project, folder), os.path.join(work, folder))
    server = subprocess.Popen([os.path.abspath(args.yearbook), "serve", "--port", "0", "--lang", "en"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    try:
        port = None
        for line in server.stdout:
            match = re.search(r"Serving at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise SystemExit("serve did not start")
        article = os.path.join(work, "Content", "2024", "talent.md")
        original = open(article, encoding="utf-8").read()
        title = re.search(r"^title: (.*)$", original, re.M).group(1)
        driver = browser()
        driver.get(f"http://127.0.0.1:{port}/2024/talent/")
        WebDriverWait(driver, 10).until(lambda d: "EventSource" in d.execute_script(
            "return document.scripts.length ? 'EventSource' : ''"))
        time.sleep(0.5)  # the event stream connects
        latencies = []
        for run in range(args.runs):
            marker = f"（第{run + 1}次修改）"
            text = original.replace(f"title: {title}", f"title: {title}{marker}", 1)
            started = time.time()
            with open(article, "w", encoding="utf-8") as handle:
                handle.write(text)
            WebDriverWait(driver, 5, poll_frequency=0.005).until(
                lambda d: marker in d.execute_script("return document.title"))
            shown = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return performance.timeOrigin + n.domContentLoadedEventEnd;") / 1000
            latencies.append(shown - started)
            time.sleep(0.3)
        median = statistics.median(latencies)
        print(f"edit-to-reload (default site, headless Chromium, {args.runs} saves): median {median * 1000:.0f} ms, "
              f"min {min(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
              f"(target {TARGET_SECONDS * 1000:.0f} ms): {'PASS' if median <= TARGET_SECONDS else 'MISS'}")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=5)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
