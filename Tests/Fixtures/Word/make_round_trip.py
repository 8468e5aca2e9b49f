"""Writes the round-trip fixtures from the default site's 2024 report, the way a bureau
would hold it: one Word document (sections numbered 一、 with （一） below, every chart as a
table under a 表N line, a merged header, a 单位 line, a picture with its 图N caption, a
bold phrase ending in a comma) and one workbook with two sheets of the report's figures.

The document is written as HTML from the report's built pages, then turned into .docx by
LibreOffice (Debian's libreoffice-writer-nogui); the workbook by openpyxl. Run from this
folder after `make site`: `python3 make_round_trip.py` (needs `pip install openpyxl pyyaml`
or the project's .venv). The files are committed; the tests read them.
"""
import base64
import html
import os
import re
import shutil
import subprocess
import struct
import tempfile
import zlib

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUTPUT = os.path.join(ROOT, "Output", "2024")
NUMERALS = "一二三四五六七八九十"


def png(rgb):
    """A small picture of one colour, standing in for a photo of the centre."""
    raw = b"".join(b"\x00" + bytes(rgb) * 8 for _ in range(6))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 6, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def weight(slug):
    text = open(os.path.join(ROOT, "Content", "2024", slug + ".md"), encoding="utf-8").read()
    return int(re.search(r"^weight: (\d+)$", text, re.M).group(1))


def page(slug):
    path = os.path.join(OUTPUT, slug, "index.html") if slug else os.path.join(OUTPUT, "index.html")
    text = open(path, encoding="utf-8").read()
    title = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S).group(1))
    start = text.index('<div class="prose">') + len('<div class="prose">')
    body = text[start:text.index("</article>", start)]
    return title, body[: body.rindex("</div>")]


tables = 0


def as_document(body):
    """A built page's prose as a bureau writes it in Word: charts become their data tables
    under a 表N line, figures and links plain text, subheadings numbered （一）."""
    global tables

    def table(match):
        global tables
        figure = match.group(0)
        caption = html.unescape(re.search(r"<caption[^>]*>(.*?)</caption>", figure, re.S).group(1))
        grid = re.search(r"<thead>.*?</tbody>", figure, re.S).group(0)
        grid = re.sub(r' (class|scope|id)="[^"]*"', "", grid)
        tables += 1
        unit = ""
        if caption == "2024年企业研发机构申报数与新增数":
            # Merged across and down, as statistics tables are.
            grid = re.sub(r"<thead>.*?</thead>", "<thead><tr><th rowspan=\"2\">研发机构类别</th>"
                          "<th colspan=\"2\">2024年</th></tr><tr><th>申报数（家）</th><th>新增数（家）</th></tr>"
                          "</thead>", grid, flags=re.S)
        if "<th>数值（万元）</th>" in grid:
            # The unit on a line of its own above the table instead of in the header.
            grid = grid.replace("<th>数值（万元）</th>", "<th>数值</th>")
            unit = "<p align=\"right\">单位：万元</p>"
        return f"<p>表{tables} {html.escape(caption)}</p>{unit}<table border=\"1\">{grid}</table>"

    body = re.sub(r'<figure class="yb-chart.*?</figure>', table, body, flags=re.S)
    body = re.sub(r"<data [^>]*>(.*?)</data>", r"\1", body)
    body = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", body)
    count = iter(NUMERALS)
    body = re.sub(r"<h2[^>]*>(.*?)</h2>", lambda m: f"<p><b>（{next(count)}）{m.group(1)}</b></p>", body)
    return body


slugs = sorted((name for name in os.listdir(OUTPUT) if os.path.exists(os.path.join(ROOT, "Content", "2024", name + ".md"))),
               key=weight)
title, intro = page(None)
# Bold that ends in Chinese punctuation, as editors mark a lead phrase.
intro = intro.replace("<p>从全年结果看，", "<p><b>从全年结果看，</b>", 1)
parts = [f"<p align=\"center\"><b>{html.escape(title)}</b></p>", as_document(intro)]
for index, slug in enumerate(slugs):
    title, body = page(slug)
    body = as_document(body)
    if slug == "platforms":
        picture = base64.b64encode(png((180, 40, 40))).decode()
        first = body.index("</p>") + 4
        body = (body[:first] + f"<p><img src=\"data:image/png;base64,{picture}\" width=\"160\" height=\"120\"></p>"
                "<p>图1 596长三角创新中心投入使用</p>" + body[first:])
    parts.append(f"<p><b>{NUMERALS[index]}、{html.escape(title)}</b></p>{body}")

source = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>2024年度科技创新工作报告</title>"
          "</head><body>\n" + "\n".join(parts) + "\n</body></html>\n")
open("report-2024-full.html", "w", encoding="utf-8").write(source)

with tempfile.TemporaryDirectory() as work:
    subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", work, "report-2024-full.html"], check=True)
    shutil.copy(os.path.join(work, "report-2024-full.docx"), "report-2024-full.docx")


# The workbook: two of the report's datasets as the statistics office sends them, each
# under a title row, the second with a header merged across.
def rows(name):
    import yaml
    return yaml.safe_load(open(os.path.join(ROOT, "Content", "data", name + ".yml"), encoding="utf-8"))["rows"]


book = openpyxl.Workbook()
sheet = book.active
sheet.title = "主要指标"
sheet.append(["2024年平湖市科技创新主要指标"])
sheet.append(["指标", "数值", "单位"])
for row in rows("figures-2024"):
    if "value" in row:
        sheet.append([row["indicator"], row["value"], row["unit"]])
sheet["A1"].font = Font(bold=True)

sheet = book.create_sheet("研发机构")
sheet.append(["2024年平湖市企业研发机构申报与新增情况"])
sheet.append(["研发机构类别", "2024年", None])
sheet.append([None, "申报数（家）", "新增数（家）"])
sheet.merge_cells("B2:C2")
sheet.merge_cells("A2:A3")
sheet["B2"].alignment = Alignment(horizontal="center")
for row in rows("rd-institutions-2024"):
    sheet.append([row["category"], row["applied"], row["added"]])
book.save("科技指标2024.xlsx")
