#!/usr/bin/env python3
"""Browser gate: every page of a built site in headless Chromium.

For each site given as SERVE_ROOT:BASE_PATH it serves SERVE_ROOT on 127.0.0.1, opens
every HTML page under it at 1280 and 390 px wide (and at 1280 px in dark mode), and
records: axe-core violations of the WCAG 2.1 A and AA rules, browser console errors, and
requests to any other host. Full-page screenshots at both widths go to --screenshots.
Exits 1 if any figure is not zero.
"""
import argparse
import functools
import http.server
import json
import os
import sys
import threading
import urllib.parse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage",
                 "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def pages(root):
    for folder, subfolders, files in os.walk(root):
        # CMS fragments are not pages; portal_gate.py wraps each in a host page (__hosts/).
        subfolders[:] = [name for name in subfolders if name != "fragments"]
        for name in sorted(files):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(folder, name), root)


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def screenshot(driver, width, path):
    driver.set_window_size(width, 900)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    driver.set_window_size(width, min(max(height, 300), 16000))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    driver.save_screenshot(path)


def check_site(driver, serve_root, base_path, shots, label):
    server = serve(serve_root)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    site_root = os.path.join(serve_root, base_path.strip("/"))
    figures = {"pages": 0, "axe": 0, "console": 0, "offsite": 0, "screenshots": 0}
    problems = []
    for page in sorted(pages(site_root)):
        path = base_path + page.replace(os.sep, "/")
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        url = origin + urllib.parse.quote(path)
        figures["pages"] += 1
        for mode, width in [("light", 1280), ("light", 390), ("dark", 1280)]:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": mode}]})
            driver.set_window_size(width, 900)
            driver.get("about:blank")
            driver.get_log("browser")
            driver.get_log("performance")
            driver.get(url)
            axe = Axe(driver)
            axe.inject()
            result = axe.run(options=AXE_OPTIONS)
            for violation in result["violations"]:
                figures["axe"] += len(violation["nodes"])
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                problems.append(f"{label} {path} [{mode} {width}px] axe {violation['id']}: {violation['help']} ({targets})")
            for entry in driver.get_log("browser"):
                if entry["level"] == "SEVERE":
                    figures["console"] += 1
                    problems.append(f"{label} {path} console: {entry['message']}")
            for requested in requested_urls(driver):
                if not (requested.startswith(origin) or requested.startswith("data:") or requested == "about:blank"):
                    figures["offsite"] += 1
                    problems.append(f"{label} {path} requested {requested}")
            if mode == "light":
                name = (page.replace(os.sep, "_").replace(".html", "") or "index") + f"-{width}.png"
                screenshot(driver, width, os.path.join(shots, label, name))
                figures["screenshots"] += 1
    server.shutdown()
    return figures, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="+", help="LABEL=SERVE_ROOT:BASE_PATH")
    parser.add_argument("--screenshots", default="Screenshots")
    args = parser.parse_args()
    driver = browser()
    totals = {"pages": 0, "axe": 0, "console": 0, "offsite": 0, "screenshots": 0}
    problems = []
    try:
        for site in args.sites:
            label, spec = site.split("=", 1)
            serve_root, base_path = spec.rsplit(":", 1)
            figures, found = check_site(driver, serve_root, base_path, args.screenshots, label)
            problems += found
            print(f"browser gate {label}: {figures['pages']} pages, {figures['axe']} axe violations, "
                  f"{figures['console']} console errors, {figures['offsite']} off-site requests, "
                  f"{figures['screenshots']} screenshots")
            for key in totals:
                totals[key] += figures[key]
    finally:
        driver.quit()
    for problem in problems:
        print(problem)
    print(f"browser gate: {totals['pages']} pages, axe violations {totals['axe']}, console errors {totals['console']}, "
          f"off-site requests {totals['offsite']}; screenshots in {args.screenshots}/")
    return 1 if totals["axe"] or totals["console"] or totals["offsite"] else 0


if __name__ == "__main__":
    sys.exit(main())
