#!/usr/bin/env python3
"""Browser gate: every page of a built site in headless Chromium.

For each site given as SERVE_ROOT:BASE_PATH it serves SERVE_ROOT on 127.0.0.1, opens
every HTML page under it at 1280 and 390 px wide (and at 1280 px in dark mode), and
records: axe-core violations of the WCAG 2.1 A and AA rules, browser console errors,
requests to any other host, and layout faults read from the browser's boxes (the page
scrolling sideways, an element or text sticking out of its container, chart text cut at
the edge of its SVG). Full-page screenshots at both widths go to --screenshots.
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

# Offenders described per page and width; all of them are counted.
LAYOUT_LIMIT = 10

# One pass over the page as laid out now, in one round trip: returns {count, offenders}.
# Layout faults that axe does not see: a page that scrolls sideways at 390 px, a box or a
# run of text wider than the column it sits in, chart labels clipped by their SVG (the
# SVG's overflow is hidden, so a label measured too short is silently cut).
LAYOUT_SCRIPT = r"""
const limit = arguments[0];
const offenders = [];
let count = 0;
const report = (text) => { count += 1; if (offenders.length < limit) offenders.push(text); };
const round = (value) => Math.round(value * 10) / 10;

const styles = new Map();
const css = (el) => { if (!styles.has(el)) styles.set(el, getComputedStyle(el)); return styles.get(el); };

const snippet = (text) => {
  const words = (text || "").trim().replace(/\s+/g, " ");
  return words.length > 16 ? words.slice(0, 16) + "…" : words;
};
const name = (node, withText) => {
  if (node.nodeType === Node.TEXT_NODE) return `text "${snippet(node.data)}"`;
  let text = node.localName + (node.id ? "#" + node.id : "");
  const classes = (node.getAttribute("class") || "").trim();  // an SVG element's className is no string
  if (classes) text += "." + classes.split(/\s+/).slice(0, 2).join(".");
  const words = withText ? snippet(node.textContent) : "";
  return words ? `${text} "${words}"` : text;
};

// Not drawn, so not a fault: display:none, clipped away (clip or clip-path, as in
// .visually-hidden), or inside a closed <details> other than its summary (that content
// still has boxes in Chromium).
const gone = new Map();
const unrendered = (el) => {
  if (!el || el === document.documentElement) return false;
  if (!gone.has(el)) {
    const s = css(el), parent = el.parentElement;
    const closed = parent && parent.localName === "details" && !parent.open
      && parent.querySelector(":scope > summary") !== el;
    gone.set(el, s.display === "none" || s.clip !== "auto" || s.clipPath !== "none"
      || el.classList.contains("visually-hidden") || closed || unrendered(parent));
  }
  return gone.get(el);
};
const hidden = (el) => css(el).visibility === "hidden" || unrendered(el);

// The box a node is laid out in: the nearest ancestor that is not an inline box (an
// inline parent's rectangle spans its lines and says nothing of the column).
const containerOf = (el) => {
  while (el && ["inline", "contents"].includes(css(el).display)) el = el.parentElement;
  return el;
};
// A box that scrolls or clips sideways (.yb-table-scroll) may hold wider content by design;
// the box itself is checked against its own container.
const scrolledBetween = (el, container) => {
  for (; el; el = el.parentElement) {
    if (["auto", "scroll", "hidden", "clip"].includes(css(el).overflowX)) return true;
    if (el === container) return false;
  }
  return false;
};
const contentBox = (el) => {
  const r = el.getBoundingClientRect(), s = css(el);
  return {left: r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft),
          right: r.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight),
          top: r.top, bottom: r.bottom};
};
// The sides where rect passes box by more than 1 px (rounding), as "right 12.5 px".
const overhang = (rect, box, sides) => sides
  .map((side) => [side, side === "left" || side === "top" ? box[side] - rect[side] : rect[side] - box[side]])
  .filter(([, by]) => by > 1)
  .map(([side, by]) => `${side} ${round(by)} px`).join(", ");

// 1. The page scrolls sideways.
const wider = document.documentElement.scrollWidth - window.innerWidth;
if (wider > 1) report(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);

// 2. Elements and text in main overflowing their container.
const root = document.querySelector("main") || document.body;
const checkInside = (node, rect) => {
  const parent = node.parentElement;
  if (rect.width === 0 || rect.height === 0 || hidden(parent)) return;
  const container = containerOf(parent);
  if (!container || scrolledBetween(parent, container)) return;
  const past = overhang(rect, contentBox(container), ["left", "right"]);
  if (past) report(`${name(node, true)} overflows ${name(container, false)} (${past})`);
};
for (const el of root.querySelectorAll("*")) {
  // SVG content is drawn in the SVG's own coordinates (chart text: check 3); a positioned
  // box is placed against some positioned ancestor, not its parent (check 1 still sees it).
  if (el.ownerSVGElement || el.matches("svg.yb-chart-svg") || hidden(el)) continue;
  if (["absolute", "fixed"].includes(css(el).position)) continue;
  checkInside(el, el.getBoundingClientRect());
}
const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
const range = document.createRange();
// Spaces at a line's end hang past it by design (U+3000 between Chinese phrases does), so
// a run of text overflows only when a visible character does.
const visiblyPast = (text, container) => {
  const box = contentBox(container);
  for (let i = 0; i < text.data.length; i++) {
    if (/\s/.test(text.data[i])) continue;
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0 && (rect.right - box.right > 1 || box.left - rect.left > 1)) return true;
  }
  return false;
};
for (let text = texts.nextNode(); text; text = texts.nextNode()) {
  if (!text.data.trim() || text.parentElement.closest("svg")) continue;
  range.selectNodeContents(text);
  const rect = range.getBoundingClientRect();
  const container = containerOf(text.parentElement);
  if (container && overhang(rect, contentBox(container), ["left", "right"]) && !visiblyPast(text, container)) continue;
  checkInside(text, rect);
}

// 3. Chart text inside its SVG, and the SVG inside its figure.
for (const svg of document.querySelectorAll("svg.yb-chart-svg")) {
  if (hidden(svg)) continue;
  const box = svg.getBoundingClientRect();
  if (box.width === 0) continue;
  const figure = svg.closest("figure");
  const chart = figure && figure.id ? `chart #${figure.id}` : "chart";
  if (figure) {
    const past = overhang(box, contentBox(figure), ["left", "right"]);
    if (past) report(`${chart}: its svg overflows the figure (${past})`);
  }
  for (const label of svg.querySelectorAll("text, tspan")) {
    if (label.localName === "text" && label.querySelector("tspan")) continue;  // its lines are checked
    const rect = label.getBoundingClientRect();
    if (rect.width === 0 || hidden(label)) continue;
    const past = overhang(rect, box, ["left", "right", "top", "bottom"]);
    if (past) report(`${chart}: ${name(label, true)} cut at the edge of the svg (${past})`);
  }
  // 5. No value label drawn over a line of the chart: points of the label's box (in the
  // chart's own units) tested against each line's stroke.
  const lines = [...svg.querySelectorAll("path.yb-line")];
  for (const value of svg.querySelectorAll("text.yb-value")) {
    if (!lines.length || value.classList.contains("yb-halo") || hidden(value)) continue;
    const b = value.getBBox();
    const point = svg.createSVGPoint();
    const crossed = lines.some((line) => {
      // Points about 2 units apart, closer than a line's stroke is wide.
      for (let i = 0; i <= 16; i++) for (let j = 0; j <= 8; j++) {
        point.x = b.x + (b.width * i) / 16;
        point.y = b.y + b.height * (0.15 + (0.7 * j) / 8);
        if (line.isPointInStroke(point)) return true;
      }
      return false;
    });
    if (crossed) report(`${chart}: value label ${name(value, true)} is drawn over a line`);
  }
  // 4. On a phone, chart text as large as the page's smallest text: 12 px once the chart
  // is scaled to the screen.
  if (window.innerWidth <= 400) {
    const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
    for (const label of svg.querySelectorAll("text")) {
      if (hidden(label) || !label.textContent.trim()) continue;
      const size = parseFloat(css(label).fontSize) * scale;
      if (size < 11.95) report(`${chart}: ${name(label, true)} is ${round(size)} px on a ${window.innerWidth} px screen (12 px at least)`);
    }
  }
}
// 6. Chart captions break only between their pieces (the text between <wbr>s): a piece
// that fits on a line is never split across two.
for (const caption of root.querySelectorAll("figcaption.yb-chart-title")) {
  if (hidden(caption)) continue;
  const width = contentBox(caption).right - contentBox(caption).left;
  for (const text of caption.childNodes) {
    if (text.nodeType !== Node.TEXT_NODE || text.data.length < 2) continue;
    range.selectNodeContents(text);
    if (range.getBoundingClientRect().width > width) continue;  // wider than a line: may break
    const tops = new Set();
    for (let i = 0; i < text.data.length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      tops.add(Math.round(range.getBoundingClientRect().top));
    }
    if (tops.size > 1) report(`caption ${name(caption, true)} breaks inside 「${text.data}」`);
  }
}
return {count, offenders};
"""


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


def layout_problems(driver, prefix):
    """The layout check of the page as shown now: (count, problem lines)."""
    result = driver.execute_script(LAYOUT_SCRIPT, LAYOUT_LIMIT)
    lines = [f"{prefix} layout: {offender}" for offender in result["offenders"]]
    if result["count"] > len(lines):
        lines.append(f"{prefix} layout: {result['count'] - len(lines)} more")
    return result["count"], lines


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
    figures = {"pages": 0, "axe": 0, "console": 0, "offsite": 0, "layout": 0, "screenshots": 0}
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
            # Before the screenshot, which resizes the window to the page's height.
            count, lines = layout_problems(driver, f"{label} {path} [{mode} {width}px]")
            figures["layout"] += count
            problems += lines
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
    view = view_controls(driver, origin + urllib.parse.quote(base_path), label)
    figures["layout"] += len(view)
    problems += view
    server.shutdown()
    return figures, problems


VIEW_STATE = """
const html = getComputedStyle(document.documentElement);
const body = getComputedStyle(document.body);
return [html.fontSize, body.backgroundColor, body.color];
"""


def view_controls(driver, url, label):
    """The 字号 and 高对比度 choices work without script, pass axe and the layout check, and
    print as the plain page does. Returns the problems found."""
    problems = []
    driver.set_window_size(390, 900)
    driver.get(url)
    if not driver.find_elements("css selector", ".view-controls"):
        return [f"{label} {url}: no 字号 controls"]

    def choose(target):
        driver.find_element("css selector", f'label[for="{target}"]').click()
        return driver.execute_script(VIEW_STATE)

    plain = driver.execute_script(VIEW_STATE)
    for target, size in [("yb-text-large", "19px"), ("yb-text-small", "14px"), ("yb-text-medium", "16px"),
                         ("yb-text-large", "19px")]:
        state = choose(target)
        if state[0] != size:
            problems.append(f"{label} 字号 {target}: the root font is {state[0]}, not {size}")
    contrast = choose("yb-contrast")
    if contrast[1] != "rgb(0, 0, 0)":
        problems.append(f"{label} 高对比度: the page background is {contrast[1]}, not black")
    axe = Axe(driver)
    axe.inject()
    for violation in axe.run(options=AXE_OPTIONS)["violations"]:
        problems.append(f"{label} 高对比度 and 大字号: axe {violation['id']}: {violation['help']}")
    count, lines = layout_problems(driver, f"{label} 高对比度 and 大字号 [390px]")
    problems += lines
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    printed = driver.execute_script(VIEW_STATE)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if printed[0] != plain[0] or printed[1] == "rgb(0, 0, 0)":
        problems.append(f"{label} printing with 大字号 and 高对比度 chosen: root font {printed[0]}, background {printed[1]}")
    print(f"view controls {label}: 字号 19/14/16 px, 高对比度 background {contrast[1]}, "
          f"printed as plain ({printed[0]}, {printed[1]}), {len(problems)} problems")
    return problems


def layout_selftest(driver, fixtures):
    """The layout check must fail where it should: each fault of the bad page found, at
    390 px, and nothing on the good page (scrolling box, closed details, hanging spaces)."""
    server = serve(fixtures)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    driver.set_window_size(390, 900)
    found = {}
    for page in ["bad", "good"]:
        driver.get(f"{origin}/{page}/")
        found[page] = driver.execute_script(LAYOUT_SCRIPT, 100)
    server.shutdown()
    expected = ["the page scrolls sideways", "div#wide-box", "text \"一段不换行的文字", "cut at the edge of the svg",
                "px on a 390 px screen", "is drawn over a line", "breaks inside 「这一段没有断点"]
    bad = " | ".join(found["bad"]["offenders"])
    missed = [fault for fault in expected if fault not in bad]
    good = found["good"]["offenders"]
    print(f"layout self-test: bad page {found['bad']['count']} faults ({bad}), good page {found['good']['count']} faults")
    for fault in missed:
        print(f"layout self-test: the bad page's fault '{fault}' was not found (found: {bad})")
    for offender in good:
        print(f"layout self-test: the good page was flagged: {offender}")
    return not missed and not good


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="+", help="LABEL=SERVE_ROOT:BASE_PATH")
    parser.add_argument("--screenshots", default="Screenshots")
    parser.add_argument("--layout-selftest", help="folder with bad/ and good/ pages for the layout check")
    args = parser.parse_args()
    driver = browser()
    if args.layout_selftest and not layout_selftest(driver, args.layout_selftest):
        driver.quit()
        return 1
    totals = {"pages": 0, "axe": 0, "console": 0, "offsite": 0, "layout": 0, "screenshots": 0}
    problems = []
    try:
        for site in args.sites:
            label, spec = site.split("=", 1)
            serve_root, base_path = spec.rsplit(":", 1)
            figures, found = check_site(driver, serve_root, base_path, args.screenshots, label)
            problems += found
            print(f"browser gate {label}: {figures['pages']} pages, {figures['axe']} axe violations, "
                  f"{figures['console']} console errors, {figures['offsite']} off-site requests, "
                  f"{figures['layout']} layout faults, {figures['screenshots']} screenshots")
            for key in totals:
                totals[key] += figures[key]
    finally:
        driver.quit()
    for problem in problems:
        print(problem)
    print(f"browser gate: {totals['pages']} pages, axe violations {totals['axe']}, console errors {totals['console']}, "
          f"off-site requests {totals['offsite']}, layout faults {totals['layout']}; screenshots in {args.screenshots}/")
    return 1 if totals["axe"] or totals["console"] or totals["offsite"] or totals["layout"] else 0


if __name__ == "__main__":
    sys.exit(main())
