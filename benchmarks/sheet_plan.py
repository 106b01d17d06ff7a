"""What a written workbook holds, streamed as plain data a raw writer can copy: for each sheet its
column widths, frozen pane, Excel tables, drop-down validations, row heights and every cell with its
value, type and look. Openpyxl (read-only) and lxml only; the plan is a file of pickled items read
one by one, so a writer that copies it keeps no more in memory than one row.
"""

import pickle
import posixpath
import zipfile
from pathlib import Path

from lxml import etree
from openpyxl import load_workbook

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(path))
    return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target"))).lstrip("/")
            for r in root.iter(f"{PACKAGE_REL}Relationship")}


def _sheet_meta(archive: zipfile.ZipFile, part: str) -> dict:
    """Widths, pane, validations, row heights and tables of one sheet part, from its XML."""
    meta: dict = {"widths": {}, "freeze": None, "validations": [], "heights": {}, "tables": []}
    rels = _rels(archive, part)
    with archive.open(part) as stream:
        for _, element in etree.iterparse(stream, tag=(f"{MAIN}col", f"{MAIN}pane", f"{MAIN}row",
                                                       f"{MAIN}dataValidation", f"{MAIN}tablePart")):
            tag = element.tag[len(MAIN):]
            if tag == "col" and element.get("width"):
                meta["widths"][int(element.get("min"))] = float(element.get("width"))
            elif tag == "pane":
                meta["freeze"] = element.get("topLeftCell")
            elif tag == "row":
                if element.get("ht"):
                    meta["heights"][int(element.get("r"))] = float(element.get("ht"))
                element.clear()
            elif tag == "dataValidation":
                formula = element.find(f"{MAIN}formula1")
                meta["validations"].append((element.get("type"), formula.text if formula is not None else None,
                                            element.get("sqref")))
            elif tag == "tablePart":
                table = etree.fromstring(archive.read(rels[element.get(f"{REL}id")]))
                style = table.find(f"{MAIN}tableStyleInfo")
                meta["tables"].append((table.get("displayName"), table.get("ref"),
                                       style.get("name") if style is not None else None))
    return meta


def _look(cell) -> tuple:
    alignment, font, fill = cell.alignment, cell.font, cell.fill
    return (cell.number_format, bool(alignment.wrap_text), alignment.vertical, bool(font.b),
            fill.fgColor.rgb if fill.fill_type == "solid" else None)


def write_plan(workbook_path: Path, plan_path: Path) -> tuple[int, int]:
    """Write the plan of the workbook at `workbook_path`; returns (sheets, rows)."""
    with zipfile.ZipFile(workbook_path) as archive:
        root = etree.fromstring(archive.read("xl/workbook.xml"))
        parts = _rels(archive, "xl/workbook.xml")
        metas = {s.get("name"): _sheet_meta(archive, parts[s.get(f"{REL}id")]) for s in root.iter(f"{MAIN}sheet")}
        names = [(n.get("name"), n.text) for n in root.iter(f"{MAIN}definedName")]
    book = load_workbook(workbook_path, read_only=True)
    rows = 0
    with open(plan_path, "wb") as file:
        pickle.dump(("names", names), file)
        for sheet in book.worksheets:
            pickle.dump(("sheet", sheet.title, metas[sheet.title]), file)
            for row in sheet.iter_rows():
                pickle.dump(("row", [None if c.value is None else (c.value, c.data_type, _look(c)) for c in row]), file)
                rows += 1
    book.close()
    return len(book.worksheets), rows


def values(workbook_path: Path) -> list:
    """Every sheet's title and cell values: what two workbooks must share to count as the same."""
    book = load_workbook(workbook_path, read_only=True)
    found = [(sheet.title, [tuple(c for c in row if c is not None) for row in sheet.iter_rows(values_only=True)])
             for sheet in book.worksheets]
    book.close()
    return found
