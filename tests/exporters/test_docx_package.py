"""The Word package: what a template may bring in (and what it may not), hostile templates refused in one
line, and a clean package that describes itself truly."""

import re
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from council_prep.book import assemble_book
from council_prep.cli import main
from council_prep.exporters.docx import export_docx
from council_prep.exporters.docx_package import MAX_PART
from council_prep.store import Store
from tests.exporters.test_docx import all_parts, build_sample

REMOTE = "https://templates.example.org/agency.dotm"


def rewrite(path: Path, changes: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    parts.update({k: v.encode() if isinstance(v, str) else v for k, v in changes.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def part_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode()


def leaky_template(path: Path) -> Path:
    """A template with a remote attached template, a company, a manager and custom properties."""
    docx.Document().save(str(path))
    settings = part_text(path, "word/settings.xml")
    settings = settings.replace("<w:defaultTabStop", '<w:attachedTemplate r:id="rIdRemote"/><w:defaultTabStop', 1)
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdRemote" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
            f'Target="{REMOTE}" TargetMode="External"/></Relationships>')
    app = part_text(path, "docProps/app.xml").replace(
        "</Properties>", "<Company>Acme Lobbying LLC</Company><Manager>Morgan Quill</Manager></Properties>")
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
              'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.'
              'org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              'pid="2" name="Client"><vt:lpwstr>Confidential Client Name</vt:lpwstr></property></Properties>')
    package_rels = part_text(path, "_rels/.rels").replace(
        "</Relationships>", '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
    types = part_text(path, "[Content_Types].xml").replace(
        "</Types>", '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.custom-properties+xml"/></Types>')
    return rewrite(path, {"word/settings.xml": settings, "word/_rels/settings.xml.rels": rels,
                          "docProps/app.xml": app, "docProps/custom.xml": custom, "_rels/.rels": package_rels,
                          "[Content_Types].xml": types})


def test_only_styles_page_setup_headers_and_fonts_travel_from_a_template(store: Store, tmp_path: Path):
    template = leaky_template(tmp_path / "leaky.docx")
    assert REMOTE in "".join(all_parts(template).values())  # the hostile parts are really there
    book = assemble_book(store, build_sample(store))
    path = export_docx(book, tmp_path / "book.docx", template=template)
    everything = "".join(all_parts(path).values())
    for secret in (REMOTE, "attachedTemplate", "Acme Lobbying", "Morgan Quill", "Confidential Client Name",
                   "custom-properties"):
        assert secret not in everything, f"{secret!r} travelled from the template"
    assert docx.Document(str(path)).styles["Normal"] is not None


def test_the_package_is_clean_and_describes_itself(store: Store, tmp_path: Path):
    book = assemble_book(store, build_sample(store))
    path = export_docx(book, tmp_path / "book.docx")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n or n.startswith("customXml")]
    app = part_text(path, "docProps/app.xml")
    assert "<Application>council-prep " in app and "Microsoft" not in app
    words = int(re.search(r"<Words>(\d+)</Words>", app).group(1))
    assert words > 300
    settings = part_text(path, "word/settings.xml")
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    styles = part_text(path, "word/styles.xml")
    assert re.search(r'<w:rPrDefault><w:rPr>.*<w:lang w:val="en-US"', styles)
    document = part_text(path, "word/document.xml")
    assert '<w:lang w:bidi="ar-SA"/>' in document  # the Arabic question's runs
    # The item's linked law change is a link to its summary.
    anchor = re.search(r'w:anchor="(_Law\d+)"', document).group(1)
    assert f'w:name="{anchor}"' in document


def test_runs_carry_their_language_by_script(demo_store: Store, tmp_path: Path):
    korus = next(m for m in demo_store.meetings.find() if m.agreement_key.startswith("korus"))
    peru = next(m for m in demo_store.meetings.find() if m.agreement_key == "us-peru-tpa")
    korean = part_text(export_docx(assemble_book(demo_store, korus.id), tmp_path / "k.docx"), "word/document.xml")
    spanish = part_text(export_docx(assemble_book(demo_store, peru.id), tmp_path / "p.docx"), "word/document.xml")
    assert '<w:lang w:eastAsia="ko-KR"/>' in korean
    assert '<w:lang w:val="es-ES"/>' in spanish


def heading_as_table_style(path: Path) -> Path:
    docx.Document().save(str(path))
    styles = part_text(path, "word/styles.xml")
    styles = re.sub(r'<w:style w:type="paragraph"( w:styleId="Heading1")', r'<w:style w:type="table"\1', styles)
    return rewrite(path, {"word/styles.xml": styles})


def bomb(path: Path, *, lie: bool) -> Path:
    """A template whose styles.xml unpacks to more than the cap; with `lie`, its zip declares 1 KB."""
    docx.Document().save(str(path))
    size = MAX_PART + 8 * 2**20
    huge = b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' \
           + b" " * size + b"</w:styles>"
    rewrite(path, {"word/styles.xml": huge})
    if lie:
        data = bytearray(path.read_bytes())
        name = b"word/styles.xml"
        for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            start = 0
            while (start := data.find(signature, start)) != -1:
                name_at = start + (30 if signature == b"PK\x03\x04" else 46)
                if data[name_at:name_at + len(name)] == name:
                    data[start + size_at:start + size_at + 4] = struct.pack("<I", 1024)
                start += 4
        path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("make, message", [
    (heading_as_table_style, "its style 'Heading 1' is a table style, not a paragraph style"),
    (lambda p: bomb(p, lie=False), "too large to be a template (word/styles.xml unpacks to"),
    (lambda p: bomb(p, lie=True), "word/styles.xml is damaged: its size or checksum is not what the zip declares"),
])
def test_a_hostile_template_ends_in_one_line_naming_it(store_path: Path, store: Store, tmp_path: Path,
                                                       make, message):
    meeting_id = build_sample(store)
    store.close()
    template = make(tmp_path / "hostile.docx")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["export", "docx", "--store", str(store_path), "--meeting", str(meeting_id),
                                       "-o", str(tmp_path / "book.docx"), "--template", str(template)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0, result.output
    assert str(template) in result.output and message in result.output
    assert time.monotonic() - started < 20
    assert not (tmp_path / "book.docx").exists()
