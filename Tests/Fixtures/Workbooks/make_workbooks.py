"""Writes the workbook fixtures with openpyxl, as a statistics office's tools would.

Run from this folder: `python3 make_workbooks.py` (needs `pip install openpyxl`). The
files are committed; the tests read them, they do not run this script.
"""
import datetime
import struct
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def indicators():
    book = openpyxl.Workbook()
    money = book.active
    money.title = "科技投入"
    money["A1"] = "2024年科技投入情况"
    money.merge_cells("A1:D1")
    money.append(["项目", "金额（万元）", "增长", "统计日期"])
    rows = [
        ("研发投入", 5993.92, 0.253, datetime.date(2024, 12, 31)),
        ("财政科技支出", 10271, 0.0815, datetime.date(2024, 12, 31)),
        ("科技金融", 904.456, -0.0449, datetime.date(2025, 1, 15)),
    ]
    for name, amount, growth, day in rows:
        money.append([name, amount, growth, day])
    for row in range(3, 6):
        money.cell(row, 2).number_format = "0.00"
        money.cell(row, 3).number_format = "0.0%"
        money.cell(row, 4).number_format = "yyyy-mm-dd"
    # A figure typed as text, as pasted from a document: thousands separators and
    # full-width digits.
    money.append(["技术合同", "1,234.5", "", None])
    money.append(["专利授权", "１２３", "", None])

    firms = book.create_sheet("企业")
    firms["A1"] = "地区"
    firms.merge_cells("A1:A2")
    firms["B1"] = "高新技术企业（家）"
    firms.merge_cells("B1:C1")
    firms["B2"] = "2023年"
    firms["C2"] = "2024年"
    firms.append(["乍浦镇", 12, 15])
    firms.append(["开发区", 30, 34])
    firms.append([None, 8, 9])
    firms.merge_cells("A4:A5")
    firms.append(["新埭镇", 6, 7])

    draft = book.create_sheet("草稿")
    draft.append(["未完成", "不要发布"])
    draft.sheet_state = "hidden"
    book.save("指标.xlsx")


def formula_without_value():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "合计"
    sheet.append(["项目", "金额（万元）"])
    sheet.append(["研发投入", 100])
    sheet.append(["合计", "=SUM(B2:B2)"])
    book.save("公式.xlsx")


def mac_dates():
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "日期"
    sheet.append(["事项", "日期"])
    sheet.append(["验收", datetime.date(2024, 3, 1)])
    sheet.cell(2, 2).number_format = "yyyy-mm-dd"
    book.save("苹果日期.xlsx")


def truncated_part():
    """指标.xlsx with its first sheet's deflate stream cut to half: the zip directory and
    local header say the part is shorter than its stream, as when a copy is cut short."""
    data = bytearray(open("指标.xlsx", "rb").read())
    with zipfile.ZipFile("指标.xlsx") as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    half = info.compress_size // 2
    struct.pack_into("<I", data, info.header_offset + 18, half)
    offset = data.index(b"PK\x01\x02")
    while offset >= 0:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, offset + 28)
        if bytes(data[offset + 46 : offset + 46 + name_length]) == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, offset + 20, half)
        offset = data.find(b"PK\x01\x02", offset + 46 + name_length + extra_length + comment_length)
    open("truncated-deflate.xlsx", "wb").write(bytes(data))


indicators()
formula_without_value()
mac_dates()
truncated_part()
