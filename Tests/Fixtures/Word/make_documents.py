"""Writes the Word fixtures with python-docx, the way a bureau's report is laid out:
a title line, an opening paragraph, sections numbered 一、 with （一） below, a bold figure,
a "表1" line above a table whose header is merged across and down.

Run from this folder: `python3 make_documents.py` (needs `pip install python-docx`). The
files are committed; the tests read them.
"""
from docx import Document
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
d.save("report.docx")
