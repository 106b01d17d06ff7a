"""Alt text for the PDF's figures. LibreOffice tags a chart as a Figure but leaves out the description
the Word file gives it (wp:docPr descr), which PDF/UA and Section 508 require; it is written in here,
figure by figure in reading order, from the document the PDF was made of."""

import zipfile
from pathlib import Path

from lxml import etree

from council_prep.exporters.output import atomic_output

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def alt_texts(document: Path) -> list[str]:
    """The descriptions of the drawings in the body of a .docx, in reading order."""
    with zipfile.ZipFile(document) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    return [d.get("descr", "") for d in body.iter(f"{WP}docPr")]


def _figures(node, found: list) -> list:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kid in node:
            _figures(kid, found)
    elif isinstance(node, dict):
        if node.get("/S") == "/Figure":
            found.append(node)
        if "/K" in node:
            _figures(node["/K"], found)
    return found


def add_figure_alt_text(pdf: Path, texts: list[str]) -> int:
    """Give each Figure without /Alt the next description; returns how many were given one."""
    import pypdf
    from pypdf.generic import NameObject, TextStringObject

    writer = pypdf.PdfWriter(clone_from=str(pdf))
    root = writer.root_object
    if "/StructTreeRoot" not in root:
        return 0
    given = 0
    for figure, text in zip(_figures(root["/StructTreeRoot"], []), texts, strict=False):
        if text and "/Alt" not in figure:
            figure[NameObject("/Alt")] = TextStringObject(text)
            given += 1
    if given:
        with atomic_output(pdf) as temp, open(temp, "wb") as stream:
            writer.write(stream)
    return given
