"""Writes the Word fixtures with python-docx, the way a bureau's report is laid out:
a title line, an opening paragraph, sections numbered 一、 with （一） below, a bold figure,
a "表1" line above a table whose header is merged across and down.

Run from this folder: `python3 make_documents.py` (needs `pip install python-docx`). The
files are committed; the tests read them.
"""
import struct
import zlib

from docx import Document
from docx.shared import Cm


def png(path, rgb):
    """A 4×3 picture of one colour, as a camera's photo would be a larger one."""
    raw = b"".join(b"\x00" + bytes(rgb) * 4 for _ in range(3))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


png("/tmp/yearbook-photo-1.png", (200, 30, 30))
png("/tmp/yearbook-photo-2.png", (30, 30, 200))
d = Document()
d.add_paragraph("平湖市科学技术局2024年工作总结")
d.add_paragraph("2024年，市科技局围绕中心工作，取得了新成效。")
d.add_paragraph("一、科技创新平台建设")
p = d.add_paragraph("全年新建省级重点实验室")
r = p.add_run("2家"); r.bold = True
p.add_run("，完成目标任务。")
d.add_paragraph("（一）实验室建设")
d.add_paragraph("表1 2024年科技投入情况")
t = d.add_table(rows=4, cols=3)
t.cell(0,0).text = "项目"; t.cell(0,1).text = "2024年"; 
a = t.cell(0,1).merge(t.cell(0,2))
t.cell(1,0).text = ""; t.cell(1,1).text = "金额（万元）"; t.cell(1,2).text = "增长（%）"
t.cell(2,0).text = "研发投入"; t.cell(2,1).text = "5993.92"; t.cell(2,2).text = "25.3"
t.cell(3,0).text = "财政科技支出"; t.cell(3,1).text = "10271"; t.cell(3,2).text = "8.2"
m = t.cell(0,0).merge(t.cell(1,0))
d.add_paragraph("二、人才工作")
d.add_paragraph("引进高层次人才100人。")
d.add_picture("/tmp/yearbook-photo-1.png", width=Cm(4))
d.add_paragraph("图1 人才引进活动现场")
d.add_picture("/tmp/yearbook-photo-2.png", width=Cm(4))
d.save("report.docx")

# The 2024 report's opening, written in HTML with heading styles and a captioned table,
# turned into Word by pandoc (a second writer, with heading styles rather than numbers).
import subprocess

subprocess.run(["pandoc", "-f", "html", "-t", "docx", "report-2024.html", "-o", "report-2024.docx"], check=True)

# A document under review: two deletions, two insertions and a comment, written by
# pandoc's Word writer from `tracked.md` (Word's own tracked-change and comment markup).
subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "tracked.md", "-o", "tracked.docx"], check=True)

# A report with Word's table of contents (entries linking to bookmarks, ending in page
# numbers) and a cross-reference to a bookmark, written by pandoc from `contents.md`.
subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "contents.md", "-o", "contents.docx"], check=True)
