"""A native Word chart (DrawingML), written from cached values: Word and LibreOffice draw it without an
embedded workbook, the core needs no plotting library, and the figures stay readable as text in the
table beside it and in the chart's alt text."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Emu

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
# Colours told apart by lightness as well as hue, so the stacked bars stay readable in grey print.
PALETTE = ("1F3864", "5B9BD5", "A9D18E", "F4B183", "7F7F7F", "FFD966")
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _strings(values: Sequence[str]) -> str:
    points = "".join(f'<c:pt idx="{n}"><c:v>{escape(v)}</c:v></c:pt>' for n, v in enumerate(values))
    return f'<c:strLit><c:ptCount val="{len(values)}"/>{points}</c:strLit>'


def _numbers(values: Sequence[int]) -> str:
    points = "".join(f'<c:pt idx="{n}"><c:v>{v}</c:v></c:pt>' for n, v in enumerate(values))
    return f'<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>{points}</c:numLit>'


def chart_xml(title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> bytes:
    """A stacked horizontal bar chart: one bar per category, one coloured segment per series."""
    parts = []
    for n, (name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        parts.append(
            f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/><c:tx><c:v>{escape(name)}</c:v></c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>'
            f'<c:invertIfNegative val="0"/><c:cat>{_strings(categories)}</c:cat>'
            f'<c:val>{_numbers(values)}</c:val></c:ser>')
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}"><c:roundedCorners val="0"/><c:chart>'
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r>'
        f'<a:rPr lang="en-US" sz="1100" b="1"/><a:t>{escape(title)}</a:t></a:r></a:p></c:rich></c:tx>'
        f'<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f'<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>{"".join(parts)}'
        f'<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
        f'<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f'<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
        f'<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        f'<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>'
        f'<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="1"/>'
        f'</c:valAx></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        f'<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>')
    return xml.encode("utf-8")


def add_chart(paragraph, document_part, number: int, xml: bytes, alt_text: str, width: Emu, height: Emu) -> None:
    """Add the chart part and draw it inline in `paragraph`, described by `alt_text` for screen readers."""
    part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_TYPE, xml, document_part.package)
    rel_id = document_part.relate_to(part, RELATIONSHIP_TYPE.CHART)
    drawing = parse_xml(
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        f'xmlns:a="{_A}" xmlns:c="{_C}" xmlns:r="{_R}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{int(width)}" cy="{int(height)}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Chart {number}" descr="{escape(alt_text, {chr(34): "&quot;"})}" '
        f'title="{escape(alt_text.split(".")[0], {chr(34): "&quot;"})}"/>'
        f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{_C}"><c:chart r:id="{rel_id}"/>'
        f'</a:graphicData></a:graphic></wp:inline></w:drawing>')
    paragraph.add_run()._r.append(drawing)
