"""The raw baseline of the workbook: openpyxl (write-only) and sqlite3 only, none of the app's code.

    python benchmarks/raw/xlsx_book.py PLAN STORE OUTPUT

Reads the meeting's records from the store with sqlite3, then writes the cells of PLAN (the same
sheets, values, types, formats, alignment, widths, frozen header, Excel tables, drop-downs, named
lists and row heights as the app's workbook; not the Summary's charts) with a write-only openpyxl
workbook, sharing one style per look. The time spent unpickling the plan stands for reading the
records and is reported separately (`plan_ms`), so it can be taken out.
"""

import json
import pickle
import sqlite3
import sys
import time
import warnings

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

TABLES = ("meetings", "agenda_items", "law_changes", "submissions", "questions", "partners", "agreements", "topics")


def read_store(path: str) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name in TABLES:
        if name in names:
            for _ in conn.execute(f"SELECT * FROM {name}"):
                pass


def items(file, spent: list[float]):
    """The plan's items one by one; adds the time spent unpickling them to spent[0]."""
    while True:
        began = time.perf_counter()
        try:
            item = pickle.load(file)
        except EOFError:
            return
        spent[0] += time.perf_counter() - began
        yield item


def main(plan_path: str, store: str, output: str) -> None:
    read_store(store)
    workbook = Workbook(write_only=True)
    styles: dict[tuple, object] = {}
    sheet = None
    loaded = [0.0]

    def add_table(sheet, meta, headers) -> None:
        for name, ref, style in meta["tables"]:
            table = Table(displayName=name, ref=ref, autoFilter=AutoFilter(ref=ref))
            table.tableColumns = [TableColumn(id=n, name=str(h)) for n, h in enumerate(headers, start=1)]
            if style:
                table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True)
            with warnings.catch_warnings():  # openpyxl warns in write-only mode even with the columns set
                warnings.simplefilter("ignore", UserWarning)
                sheet.add_table(table)

    meta = None
    with open(plan_path, "rb") as file:
        for item in items(file, loaded):
            if item[0] == "names":
                for name, value in item[1]:
                    workbook.defined_names[name] = DefinedName(name, attr_text=value)
            elif item[0] == "sheet":
                _, title, meta = item
                sheet = workbook.create_sheet(title)
                for column, width in meta["widths"].items():
                    sheet.column_dimensions[get_column_letter(column)].width = width
                number = 0
                if meta["freeze"]:
                    sheet.freeze_panes = meta["freeze"]
                for kind, formula, sqref in meta["validations"]:
                    validation = DataValidation(type=kind, formula1=formula, allow_blank=True)
                    validation.add(sqref)
                    sheet.data_validations.append(validation)
            else:
                row = []
                for cell_plan in item[1]:
                    if cell_plan is None:
                        row.append(None)
                        continue
                    value, data_type, look = cell_plan
                    cell = WriteOnlyCell(sheet)
                    if data_type == "s":
                        cell._value, cell.data_type = value, "s"
                    else:
                        cell.value = value
                    if look not in styles:
                        number_format, wrap, vertical, bold, fill = look
                        prototype = WriteOnlyCell(sheet)
                        prototype.number_format = number_format
                        prototype.alignment = Alignment(wrap_text=wrap, vertical=vertical)
                        if bold:
                            prototype.font = Font(bold=True)
                        if fill:
                            prototype.fill = PatternFill("solid", fgColor=fill)
                        styles[look] = prototype._style
                    cell._style = styles[look]
                    row.append(cell)
                number += 1
                height = meta["heights"].get(number)
                if height is not None:  # set for this row only, so dimensions never pile up in memory
                    sheet.row_dimensions[number].height = height
                sheet.append(row)
                if height is not None:
                    del sheet.row_dimensions[number]
                if number == 1:  # the header row names the table's columns
                    add_table(sheet, meta, [c[0] for c in item[1] if c is not None])
    workbook.save(output)
    print(json.dumps({"event": "plan", "ms": loaded[0] * 1000}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
