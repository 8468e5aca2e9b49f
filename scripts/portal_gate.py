#!/usr/bin/env python3
"""Portal gate: the files made for the government portal, checked as a portal uses them.

  portal_gate.py hosts SITE_ROOT...
      Wraps every CMS fragment (fragments/**/*.html) of each built site in a plain host
      page, site_root/__hosts/<same path>, so the site's vnu and axe runs check the
      fragments as a CMS page would show them.

  portal_gate.py hostile --screenshots DIR LABEL=SERVE_ROOT:BASE_PATH...
      Loads every fragment inside a host page of another origin with an aggressive stylesheet (resets,
      `body * { all: unset }`, id-selector rules as portal CMSs write them, table, heading,
      img and svg rules) in headless Chromium, and checks the computed styles of the
      fragment's headings, paragraphs, lists, tables and chart images, and that the host's
      own heading keeps the host's style. Screenshots at 1280 and 390 px go to DIR.

  portal_gate.py iframes LABEL=SERVE_ROOT:BASE_PATH...
      Puts each article's iframe snippet, as its 嵌入本页 box gives it, into a host page
      served from another origin, and checks at 1280 and 390 px that the frame grows to
      its embed page's height (nothing scrolls inside it) and that the page below the
      frame follows it.

  portal_gate.py print --screenshots DIR SITE_ROOT BASE_PATH
      Prints every report's print page to PDF with headless Chromium, checks that it is
      A4, that the cover and the table of contents have a page each and that every
      chapter starts a page, and turns the first pages to PNG with pdftoppm.

  portal_gate.py pdf --yearbook BINARY --screenshots DIR PROJECT SITE_ROOT
      Runs `yearbook pdf` for every report of PROJECT (built into SITE_ROOT) and reads each
      PDF back page by page with pdftotext: A4; 第 N 页 / 共 M 页 at the foot of every page
      but the cover; the contents list every chapter with the page it starts on (checked
      against that page's first lines); no page after the cover holds only one or two
      lines. The contents page and the first pages go to DIR as PNG.
Exits 1 on any failed check.
"""
import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse

from browser_gate import browser, serve

HOST_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
{style}</head>
<body>
<header><h1 class="host-title">门户网站文章页（测试宿主）</h1></header>
<main>
<div id="zoom" class="TRS_Editor">
{fragment}</div>
</main>
</body>
</html>
"""

HOSTILE_CSS = """<style>
* { margin: 0; padding: 0; border: 0; box-sizing: content-box; }
html { font-size: 62.5%; }
body * { all: unset; }
body { font: 12px/1 "Times New Roman", serif; color: #333333; background: #fafafa; }
h1, h2, h3, h4 { font-size: 40px; color: #cc0000; text-transform: uppercase; border-bottom: 5px solid red; }
#zoom p, .TRS_Editor p { font-size: 30px; text-indent: 0; line-height: 1; color: blue; margin: 40px; }
#zoom h2 { font-size: 8px; }
table { width: 50%; border: 5px solid lime; border-collapse: separate; }
td, th { padding: 20px; background: black; color: white; text-align: center; }
img { max-width: 50px; border: 3px dashed red; float: right; }
svg { width: 10px; height: 10px; }
a { color: red; text-decoration: none; }
ul, ol, li { list-style: none; }
</style>
"""


def fragments(site_root):
    folder = os.path.join(site_root, "fragments")
    for parent, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(parent, name), folder)


def local(fragment):
    """A fragment names the site's public origin in its stylesheet, chart images and links
    (with site_url set); here the site is served locally, from its root."""
    return re.sub(r'((?:src|href)=")https?://[^/"]+(/[^"]*")', r"\1\2", fragment)


def write_hosts(site_root, folder, style):
    written = 0
    for fragment in fragments(site_root):
        with open(os.path.join(site_root, "fragments", fragment), encoding="utf-8") as file:
            text = local(file.read())
        host = os.path.join(site_root, folder, fragment)
        os.makedirs(os.path.dirname(host), exist_ok=True)
        with open(host, "w", encoding="utf-8") as file:
            file.write(HOST_PAGE.format(title=f"宿主页：{fragment}", style=style, fragment=text))
        written += 1
    return written


def hosts(args):
    for site_root in args.sites:
        print(f"portal gate: {write_hosts(site_root, '__hosts', '')} fragments wrapped in host pages in {site_root}")
    return 0


# Computed styles the fragment stylesheet promises whatever the host's CSS says; each
# check returns a list of problems.
CHECKS = r"""
const problems = [];
const root = document.querySelector('.yb-root');
if (!root) return ['no .yb-root element'];
const style = (element) => getComputedStyle(element);
const expect = (element, property, wanted, what) => {
  const actual = style(element)[property];
  if (actual !== wanted) problems.push(`${what} ${property} is ${actual}, not ${wanted}`);
};
expect(root, 'fontSize', '17px', '.yb-root');
expect(root, 'color', 'rgb(26, 26, 26)', '.yb-root');
expect(root, 'backgroundColor', 'rgb(255, 255, 255)', '.yb-root');
for (const heading of root.querySelectorAll('h2')) {
  expect(heading, 'display', 'block', 'h2');
  expect(heading, 'fontSize', '23.375px', 'h2');
  expect(heading, 'fontWeight', '700', 'h2');
  expect(heading, 'color', 'rgb(26, 26, 26)', 'h2');
  expect(heading, 'textTransform', 'none', 'h2');
  expect(heading, 'borderBottomWidth', '0px', 'h2');
}
for (const paragraph of root.querySelectorAll('p')) {
  const plain = !paragraph.closest('li, blockquote, figure');
  expect(paragraph, 'display', 'block', 'p');
  expect(paragraph, 'textIndent', plain ? '34px' : '0px', 'p');
  if (plain) {
    expect(paragraph, 'fontSize', '17px', 'p');
    expect(paragraph, 'marginBottom', '17px', 'p');
    expect(paragraph, 'color', 'rgb(26, 26, 26)', 'p');
  }
}
for (const item of root.querySelectorAll('li')) expect(item, 'display', 'list-item', 'li');
for (const table of root.querySelectorAll('table')) {
  expect(table, 'display', 'table', 'table');
  expect(table, 'borderCollapse', 'collapse', 'table');
  if (table.getBoundingClientRect().width < 100) problems.push('a table is narrower than 100 px');
}
for (const cell of root.querySelectorAll('td, th')) {
  expect(cell, 'display', 'table-cell', 'td/th');
  expect(cell, 'borderTopWidth', '1px', 'td/th');
  expect(cell, 'backgroundColor', cell.closest('thead') ? 'rgb(243, 246, 249)' : 'rgba(0, 0, 0, 0)', 'td/th');
}
for (const image of root.querySelectorAll('img.yb-chart-img')) {
  expect(image, 'display', 'block', 'chart img');
  expect(image, 'float', 'none', 'chart img');
  expect(image, 'borderTopWidth', '0px', 'chart img');
  if (!image.complete || image.naturalWidth === 0) problems.push(`chart image ${image.src} did not load`);
  const width = image.getBoundingClientRect().width;
  if (width < Math.min(300, window.innerWidth - 60)) problems.push(`chart image is only ${width} px wide`);
  if (!image.alt) problems.push('chart image has no alt');
}
const host = document.querySelector('.host-title');
if (style(host).fontSize !== '40px') problems.push('the fragment changed the host page\'s own heading');
return problems;
"""


def site_specs(sites):
    """(label, serve root, base path, the site's own folder) of each LABEL=SERVE_ROOT:BASE_PATH."""
    for site in sites:
        label, spec = site.split("=", 1)
        serve_root, base_path = spec.rsplit(":", 1)
        yield label, serve_root, base_path, os.path.join(serve_root, base_path.strip("/"))


def hostile(args):
    driver = browser()
    failures = 0
    checked = 0
    hosts = tempfile.TemporaryDirectory()
    host_server = serve(hosts.name)
    # The portal's page is on another origin than the site: the fragment's stylesheet and
    # chart pictures load across origins, by the absolute URLs site_url gives them.
    host_origin = f"http://localhost:{host_server.server_address[1]}"
    try:
        for label, serve_root, base_path, site_root in site_specs(args.sites):
            server = serve(serve_root)
            origin = f"http://127.0.0.1:{server.server_address[1]}"
            for fragment in fragments(site_root):
                if fragment.endswith(".inline.html"):
                    continue  # `all: unset` on SVG shapes undoes their geometry: the img variant is for such hosts
                with open(os.path.join(site_root, "fragments", fragment), encoding="utf-8") as file:
                    text = file.read()
                if not re.search(r'<link rel="stylesheet" href="https?://', text):
                    print(f"{label} {fragment}: the fragment's stylesheet has no absolute URL (is site_url set?)")
                    failures += 1
                    continue
                # The site's public origin, served here from this machine.
                text = re.sub(r'((?:src|href)=")https?://[^/"]+(/[^"]*")', r"\1" + origin + r"\2", text)
                host = os.path.join(hosts.name, label, fragment)
                os.makedirs(os.path.dirname(host), exist_ok=True)
                with open(host, "w", encoding="utf-8") as file:
                    file.write(HOST_PAGE.format(title=f"宿主页：{fragment}", style=HOSTILE_CSS, fragment=text))
                url = host_origin + urllib.parse.quote(f"/{label}/{fragment}")
                for width in [1280, 390]:
                    driver.set_window_size(width, 900)
                    driver.get(url)
                    driver.execute_script(
                        "return Promise.all([...document.images].map(i => i.decode().catch(() => null)))")
                    problems = driver.execute_script(CHECKS)
                    checked += 1
                    for problem in problems[:10]:
                        print(f"{label} {fragment} [{width}px]: {problem}")
                    failures += len(problems)
                    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
                    driver.set_window_size(width, min(max(height, 300), 16000))
                    name = fragment.replace(os.sep, "_").replace(".html", "") + f"-{width}.png"
                    os.makedirs(os.path.join(args.screenshots, label), exist_ok=True)
                    driver.save_screenshot(os.path.join(args.screenshots, label, name))
            server.shutdown()
    finally:
        driver.quit()
        host_server.shutdown()
        hosts.cleanup()
    print(f"portal gate: {checked} fragment loads in a hostile host page of another origin, {failures} style problems; "
          f"screenshots in {args.screenshots}/")
    return 1 if failures or not checked else 0


IFRAME_HOST = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>门户嵌入测试</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>门户网站文章页（测试宿主）</h1>
{snippet}
<p id="after">框下方的门户内容</p>
</body>
</html>
"""


def site_pages(site_root):
    """(path, HTML) of every page of a built site but embed pages and gate-made hosts."""
    for folder, _, names in os.walk(site_root):
        if "index.html" not in names or os.sep + "embed" in folder or "__" in folder:
            continue
        with open(os.path.join(folder, "index.html"), encoding="utf-8") as file:
            yield os.path.relpath(folder, site_root), file.read()


def iframe_snippets(site_root):
    """(article path, snippet) for every article page with an embed box."""
    for path, page in site_pages(site_root):
        box = re.search(r'<details class="embed-code">.*?<pre><code>(.*?)</code></pre>', page, re.S)
        if box:
            yield path, html.unescape(box.group(1))


def image_snippets(site_root):
    """(article path, snippet) for each chart's picture snippet in the embed boxes."""
    for path, page in site_pages(site_root):
        for snippet in re.findall(r'以图片嵌入[^<]*<pre><code>(.*?)</code></pre>', page, re.S):
            yield path, html.unescape(snippet)


IMAGE_CHECK = """
const img = document.querySelector('img');
if (!img.complete || !img.naturalWidth) return null;
const r = img.getBoundingClientRect();
return {width: r.width, height: r.height, ratio: img.width / img.height,
        attributes: Number(img.getAttribute('width')) / Number(img.getAttribute('height')),
        room: document.body.clientWidth};
"""


def pictures(driver, site_origin, hosts, host_origin, label, site_root):
    """Each chart's picture snippet in a host page of another origin, at 1280 and 390 px,
    with the host's own stylesheet and without one: (checked, failures)."""
    checked = failures = 0
    for number, (article, snippet) in enumerate(sorted(image_snippets(site_root))):
        snippet = re.sub(r'(src=")https?://[^/"]+', r"\g<1>" + site_origin, snippet)
        # A CMS that drops style attributes: the width and height must still keep the shape.
        for variant, code in [("as given", snippet), ("style dropped", re.sub(r' style="[^"]*"', "", snippet))]:
            name = f"picture-{number}-{len(variant)}.html"
            with open(os.path.join(hosts, name), "w", encoding="utf-8") as file:
                file.write(IFRAME_HOST.format(snippet=code))
            for width in [1280, 390]:
                driver.set_window_size(width, 900)
                driver.get(f"{host_origin}/{name}")
                shape = None
                for _ in range(50):
                    shape = driver.execute_script(IMAGE_CHECK)
                    if shape:
                        break
                    time.sleep(0.1)
                checked += 1
                problem = None
                if not shape:
                    problem = "the picture does not load"
                elif abs(shape["width"] / shape["height"] - shape["attributes"]) > shape["attributes"] * 0.01:
                    problem = (f"shown {shape['width']:.0f} x {shape['height']:.0f} px, not in the proportions "
                               f"{shape['attributes']:.3f} of its width and height")
                elif variant == "as given" and shape["width"] > shape["room"] + 1:
                    problem = f"{shape['width']:.0f} px wide in a {shape['room']} px column"
                if problem:
                    failures += 1
                    print(f"{label} {article} picture {number} [{variant}, {width}px]: {problem}")
    return checked, failures


def iframes(args):
    driver = browser()
    failures = 0
    checked = 0
    picture_checks = 0
    try:
        for label, serve_root, base_path, site_root in site_specs(args.sites):
            server = serve(serve_root)
            site_origin = f"http://127.0.0.1:{server.server_address[1]}"
            with tempfile.TemporaryDirectory() as hosts:
                host_server = serve(hosts)
                # Another host name and port: the portal page and the site are different origins.
                host_origin = f"http://localhost:{host_server.server_address[1]}"
                for number, (article, snippet) in enumerate(sorted(iframe_snippets(site_root))):
                    # The snippet names the site's public origin; here the site is served locally.
                    snippet = re.sub(r'(src=")https?://[^/"]+', r"\g<1>" + site_origin, snippet)
                    name = f"host-{number}.html"
                    with open(os.path.join(hosts, name), "w", encoding="utf-8") as file:
                        file.write(IFRAME_HOST.format(snippet=snippet))
                    for width in [1280, 390]:
                        driver.set_window_size(width, 900)
                        driver.get(f"{host_origin}/{name}")
                        frame = driver.find_element("tag name", "iframe")
                        inner = outer = 0
                        for _ in range(50):
                            driver.switch_to.frame(frame)
                            inner = driver.execute_script(
                                "return document.readyState === 'complete' ? "
                                "Math.ceil(document.documentElement.scrollHeight) : 0")
                            driver.switch_to.default_content()
                            outer = driver.execute_script("return arguments[0].clientHeight", frame)
                            if inner and abs(outer - inner) <= 2:
                                break
                            time.sleep(0.1)
                        below = driver.execute_script(
                            "return document.getElementById('after').getBoundingClientRect().top"
                            " - arguments[0].getBoundingClientRect().bottom", frame)
                        checked += 1
                        if not inner or abs(outer - inner) > 2 or not 0 <= below < 60:
                            failures += 1
                            print(f"{label} {article} [{width}px]: the frame is {outer:.0f} px tall for a page of "
                                  f"{inner} px (the text after it starts {below:.0f} px below)")
                pictured, misshapen = pictures(driver, site_origin, hosts, host_origin, label, site_root)
                picture_checks += pictured
                failures += misshapen
                host_server.shutdown()
            server.shutdown()
    finally:
        driver.quit()
    print(f"portal gate: {checked} iframe snippets in a host page of another origin, {picture_checks} chart picture "
          f"snippets (with and without their style attribute), {failures} not fitting their page or shape")
    return 1 if failures or not checked else 0


def read_pdf(pdf):
    """A printed report read back page by page: its page count, each page's lines without
    the footer, problems (not A4, a numbered cover, a page without 第 N 页 / 共 M 页), and
    pages after the cover holding only one or two lines (a short contents page aside)."""
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    problems, short, texts = [], [], []
    if abs(float(size.group(1)) - 595) > 2 or abs(float(size.group(2)) - 842) > 2:
        problems.append(f"page size is {size.group(1)} x {size.group(2)} pt, not A4")
    for number in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-layout", pdf, "-"],
                              check=True, capture_output=True, text=True).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        footer = f"第 {number} 页 / 共 {pages} 页"
        if number == 1:
            if any(footer in line for line in lines):
                problems.append("the cover carries a page number")
        elif lines and lines[-1] == footer:
            lines = lines[:-1]
        else:
            problems.append(f"page {number} does not end with 「{footer}」 (it ends {lines[-1:]})")
        if number > 1 and 0 < len(lines) <= 2 and lines[0] != "目录":
            short.append(f"page {number} holds {len(lines)} line(s): {' / '.join(lines)[:60]}")
        texts.append(lines)
    return pages, texts, problems, short


def print_pages(args):
    server = serve(args.site_root)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    failures = 0
    printed = 0
    site_root = os.path.join(args.site_root, args.base_path.strip("/"))
    os.makedirs(args.screenshots, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for report in sorted(os.listdir(site_root)):
            page = os.path.join(site_root, report, "print", "index.html")
            if not os.path.isfile(page):
                continue
            with open(page, encoding="utf-8") as file:
                html = file.read()
            chapters = [re.sub(r"<[^>]+>", "", title) for title in
                        re.findall(r'<section class="print-chapter"[^>]*>\s*<h2[^>]*>(.*?)</h2>', html, re.S)]
            pdf = os.path.join(scratch, f"{report}.pdf")
            url = origin + urllib.parse.quote(f"{args.base_path}{report}/print/")
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf}", url], check=True, capture_output=True, timeout=120)
            pages, texts, problems, short = read_pdf(pdf)
            numbered = pages - 1 - sum(problem.startswith("page ") for problem in problems)
            if pages < len(chapters) + 2:
                problems.append(f"{pages} pages for a cover, a contents page and {len(chapters)} chapters")
            tops = [" ".join(lines[:2]) for lines in texts]
            for title in chapters:
                if not any(top.startswith(title[:12]) for top in tops):
                    problems.append(f"chapter 「{title}」 does not start a page")
            if "目录" not in tops[1]:
                problems.append("the second page is not the table of contents")
            for problem in problems:
                print(f"print {report}: {problem}")
            for page in short:
                # Said, not yet failed: widows and orphans do not prevent every such page.
                print(f"print {report}: note: {page}")
            failures += len(problems)
            printed += 1
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", "4", pdf,
                            os.path.join(args.screenshots, f"{report}-page")], check=True)
            print(f"print {report}: {pages} A4 pages, {numbered} numbered 第 N 页 / 共 {pages} 页, {len(chapters)} chapters, "
                  f"{'ok' if not problems else f'{len(problems)} problems'}")
    server.shutdown()
    return 1 if failures or not printed else 0


def squeezed(text):
    return re.sub(r"\s+", "", text)


def contents_entries(lines):
    """(title, page) for each entry of a contents page's lines; a title that wraps puts
    its number on its last line."""
    entries, pending = [], ""
    for line in lines[1:]:
        match = re.match(r"^(.*?)[\s.·…]*(\d+)$", line)
        if match:
            entries.append((squeezed(pending + match.group(1)), int(match.group(2))))
            pending = ""
        else:
            pending += line
    return entries


def pdfs(args):
    failures = 0
    checked = 0
    os.makedirs(args.screenshots, exist_ok=True)
    content = os.path.join(args.project, "Content")
    reports = sorted(name for name in os.listdir(content)
                     if os.path.isfile(os.path.join(content, name, "_index.md"))
                     and os.path.isfile(os.path.join(args.site_root, name, "print", "index.html")))
    with tempfile.TemporaryDirectory() as scratch:
        for report in reports:
            with open(os.path.join(args.site_root, report, "print", "index.html"), encoding="utf-8") as file:
                chapters = [squeezed(html.unescape(re.sub(r"<[^>]+>", "", title))) for title in re.findall(
                    r'<section class="print-chapter"[^>]*>\s*<h2[^>]*>(.*?)</h2>', file.read(), re.S)]
            pdf = os.path.join(scratch, f"{report}.pdf")
            started = time.monotonic()
            run = subprocess.run([args.yearbook, "pdf", report, "--root", args.project, "--output", pdf, "--lang", "en"],
                                 capture_output=True, text=True, timeout=300)
            seconds = time.monotonic() - started
            problems = []
            if run.returncode != 0:
                print(f"pdf {report}: yearbook pdf failed ({run.returncode}):\n{run.stderr}")
                failures += 1
                continue
            # The build's own warnings are the site gate's business; what the PDF adds is not.
            said = [line for line in run.stderr.splitlines() if not line.startswith("Wrote ")
                    and (not line.startswith("Content/") or line.startswith(f"Content/{report}/_index.md"))]
            if said:
                problems.append(f"yearbook pdf said: {' / '.join(said)}")
            pages, texts, read_problems, short = read_pdf(pdf)
            problems += read_problems + short
            entries = contents_entries(texts[1]) if pages > 1 and texts[1][:1] == ["目录"] else []
            if not entries:
                problems.append("the second page is not a contents page with page numbers")
            if [title for title, _ in entries] != chapters:
                problems.append(f"the contents list {[t for t, _ in entries]}, the report has {chapters}")
            for title, page in entries:
                top = squeezed("".join(texts[page - 1][:3])) if 0 < page <= pages else ""
                if not top.startswith(title[:12]):
                    problems.append(f"the contents put 「{title}」 on page {page}, which starts 「{top[:20]}」")
            for problem in problems:
                print(f"pdf {report}: {problem}")
            failures += len(problems)
            checked += 1
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", "4", pdf,
                            os.path.join(args.screenshots, f"{report}-pdf")], check=True)
            print(f"pdf {report}: {pages} A4 pages in {seconds:.1f} s, {len(entries)} chapters numbered in the "
                  f"contents and found on their pages, {'ok' if not problems else f'{len(problems)} problems'}")
    return 1 if failures or not checked else 0


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    wrap = commands.add_parser("hosts")
    wrap.add_argument("sites", nargs="+")
    test = commands.add_parser("hostile")
    test.add_argument("sites", nargs="+", help="LABEL=SERVE_ROOT:BASE_PATH")
    test.add_argument("--screenshots", default="Screenshots/portal")
    framing = commands.add_parser("iframes")
    framing.add_argument("sites", nargs="+", help="LABEL=SERVE_ROOT:BASE_PATH")
    printing = commands.add_parser("print")
    printing.add_argument("site_root")
    printing.add_argument("base_path")
    printing.add_argument("--screenshots", default="Screenshots/print")
    documents = commands.add_parser("pdf")
    documents.add_argument("project")
    documents.add_argument("site_root")
    documents.add_argument("--yearbook", required=True)
    documents.add_argument("--screenshots", default="Screenshots/pdf")
    args = parser.parse_args()
    return {"hosts": hosts, "hostile": hostile, "iframes": iframes, "print": print_pages,
            "pdf": pdfs}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
