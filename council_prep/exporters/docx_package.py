"""The Word package around the book: what may come in from a template, and what the file says of itself.

From a template only styles, page set-up, headers and footers (with their pictures), numbering, fonts
and theme are taken; its remote template link (attachedTemplate, which Word fetches on open), custom
properties, customXml, glossary, comments, macros, thumbnail and stale stylesWithEffects never reach the
book. Before anything is parsed the zip is checked: declared sizes, and real sizes while reading, under
caps, so a zip bomb or a lying zip ends in one line, not in gigabytes of memory.
"""

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from council_prep.exporters.docx_xml import SETTINGS_ORDER
from council_prep.exporters.output import ExportError

MAX_PART = 32 * 2**20  # bytes of one part, uncompressed; a real template's styles are well under 1 MB
MAX_TOTAL = 128 * 2**20  # bytes of the whole template, uncompressed (pictures in headers included)
MAX_PARTS = 2_000

RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_KEPT_PARTS = re.compile(
    r"^(\[Content_Types\]\.xml|_rels/\.rels|docProps/(core|app)\.xml|word/(document|styles|settings|fontTable|"
    r"numbering|webSettings|footnotes|endnotes)\.xml|word/(header|footer)\d*\.xml|word/theme/[^/]+\.xml|"
    r"word/media/[^/]+|word/_rels/(document|header\d*|footer\d*|footnotes|endnotes)\.xml\.rels)$")
_KEPT_PACKAGE_RELS = ("/officeDocument", "/core-properties", "/extended-properties")
# Children of w:settings that carry the template's origin or data, never its look.
_SETTINGS_DROPPED = ("attachedTemplate", "docVars", "mailMerge", "rsids", "documentProtection", "writeProtection",
                     "removePersonalInformation", "saveThroughXslt", "attachedSchema", "linkStyles")
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no "[Compatibility Mode]" in the title bar


def read_template(path: Path) -> io.BytesIO:
    """The template's package, checked and stripped to what a book may take from it (.docx or .dotx)."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ExportError(f"{path}: not a Word template (no such file)") from None
    except IsADirectoryError:
        raise ExportError(f"{path}: not a Word template (it is a folder)") from None
    except (zipfile.BadZipFile, OSError) as exc:
        reason = "not a .docx file" if isinstance(exc, zipfile.BadZipFile) else (exc.strerror or str(exc))
        raise ExportError(f"{path}: not a Word template ({reason})") from None
    with archive:
        parts = _read_parts(path, archive)
    if "word/document.xml" not in parts or "[Content_Types].xml" not in parts:
        raise ExportError(f"{path}: not a Word template (not a .docx file)")
    try:
        parts = _strip(parts)
    except etree.XMLSyntaxError as exc:
        raise ExportError(f"{path}: not a Word template (damaged XML: {exc.msg})") from None
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    package.seek(0)
    return package


def _read_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, bytes]:
    members = archive.infolist()
    if len(members) > MAX_PARTS:
        raise ExportError(f"{path}: not a Word template ({len(members):,} parts; at most {MAX_PARTS:,})")
    declared = sum(m.file_size for m in members)
    largest = max(members, key=lambda m: m.file_size, default=None)
    if largest is not None and largest.file_size > MAX_PART:
        raise ExportError(f"{path}: too large to be a template ({largest.filename} unpacks to "
                          f"{largest.file_size / 2**20:,.0f} MB; at most {MAX_PART / 2**20:,.0f} MB)")
    if declared > MAX_TOTAL:
        raise ExportError(f"{path}: too large to be a template ({declared / 2**20:,.0f} MB unpacked; "
                          f"at most {MAX_TOTAL / 2**20:,.0f} MB)")
    parts: dict[str, bytes] = {}
    total = 0
    for member in members:
        if member.is_dir() or not _KEPT_PARTS.match(member.filename):
            continue
        try:
            with archive.open(member) as source:
                data = source.read(MAX_PART + 1)  # a zip may lie about sizes: read no more than the cap
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError):
            raise ExportError(f"{path}: not a Word template ({member.filename} is damaged: its size or "
                              "checksum is not what the zip declares)") from None
        total += len(data)
        if len(data) > MAX_PART or total > MAX_TOTAL:
            raise ExportError(f"{path}: too large to be a template ({member.filename} unpacks to more than "
                              f"{MAX_PART / 2**20:,.0f} MB, or the template to more than {MAX_TOTAL / 2**20:,.0f} MB)")
        parts[member.filename] = data
    return parts


def _xml(data: bytes):
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))


def _bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _strip(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Drop relationships to parts not kept, the package-level extras, and the settings' origin."""
    for name in [n for n in parts if n.endswith(".rels")]:
        rels = _xml(parts[name])
        folder = "" if name == "_rels/.rels" else name.split("_rels/")[0]
        for rel in list(rels):
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if name == "_rels/.rels":
                keep = kind.endswith(_KEPT_PACKAGE_RELS)
            else:
                keep = (external and kind.endswith("/hyperlink")) or (
                    not external and _resolve(folder, target) in parts)
            if not keep:
                rels.remove(rel)
        parts[name] = _bytes(rels)
    types = _xml(parts["[Content_Types].xml"])
    for override in types.findall(f"{{{CT}}}Override"):
        part = override.get("PartName", "").lstrip("/")
        if part not in parts:
            types.remove(override)
        elif part == "word/document.xml":  # a .dotx's main part becomes a document's
            override.set("ContentType", override.get("ContentType", "").replace(
                "wordprocessingml.template.main+xml", "wordprocessingml.document.main+xml"))
    parts["[Content_Types].xml"] = _bytes(types)
    if "word/settings.xml" in parts:
        parts["word/settings.xml"] = _bytes(clean_settings(_xml(parts["word/settings.xml"])))
    return parts


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name ("media/a.png" from "word/" -> "word/media/a.png")."""
    if target.startswith("/"):
        return target.lstrip("/")
    path = []
    for piece in (folder + target).split("/"):
        if piece == "..":
            if path:
                path.pop()
        elif piece and piece != ".":
            path.append(piece)
    return "/".join(path)


def clean_settings(settings):
    """The settings without the template's origin and data, in compatibility mode 15."""
    for name in _SETTINGS_DROPPED:
        for element in settings.findall(f"{{{W}}}{name}"):
            settings.remove(element)
    compat = settings.find(f"{{{W}}}compat")
    if compat is None:
        compat = etree.Element(f"{{{W}}}compat")
        later = SETTINGS_ORDER[SETTINGS_ORDER.index("compat") + 1:]
        successor = next((c for c in settings if etree.QName(c).localname in later), None)
        if successor is None:
            settings.append(compat)
        else:
            successor.addprevious(compat)
    mode = next((c for c in compat.findall(f"{{{W}}}compatSetting") if c.get(f"{{{W}}}name") == "compatibilityMode"),
                None)
    if mode is None:
        mode = etree.SubElement(compat, f"{{{W}}}compatSetting")
        mode.set(f"{{{W}}}name", "compatibilityMode")
        mode.set(f"{{{W}}}uri", "http://schemas.microsoft.com/office/word")
    mode.set(f"{{{W}}}val", COMPATIBILITY_MODE)
    return settings


EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_APP_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


def app_properties(application: str, document_xml: bytes, pages: int | None = None) -> bytes:
    """docProps/app.xml naming the application that wrote the book and its real counts (no company,
    manager or template of anyone else's); pages are known once the book is laid out (finishing)."""
    body = _xml(document_xml)
    texts = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]
    words = sum(len(text.split()) for text in texts)
    characters = sum(len(text) for text in texts)
    root = etree.Element(f"{{{EP}}}Properties", nsmap={None: EP})
    for name, value in (("Application", application), ("DocSecurity", "0"), ("Pages", pages or 0),
                        ("Words", words), ("Characters", characters - sum(t.count(" ") for t in texts)),
                        ("CharactersWithSpaces", characters), ("Paragraphs", sum(1 for t in texts if t.strip())),
                        ("ScaleCrop", "false"), ("LinksUpToDate", "false"), ("SharedDoc", "false"),
                        ("HyperlinksChanged", "false")):
        if value is not None:
            etree.SubElement(root, f"{{{EP}}}{name}").text = str(value)
    return _bytes(root)


def rewrite_parts(path: Path, changes: dict[str, bytes]) -> None:
    """Replace (or add) parts of the package at `path` in place; an added app.xml gets its relationship and
    content type."""
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item.filename) for item in source.infolist()}
    if "docProps/app.xml" in changes and "docProps/app.xml" not in parts:
        rels = _xml(parts["_rels/.rels"])
        if not any(r.get("Type") == _APP_REL for r in rels):
            rel = etree.SubElement(rels, f"{{{RELS}}}Relationship")
            rel.set("Id", "rIdApp"), rel.set("Type", _APP_REL), rel.set("Target", "docProps/app.xml")
        parts["_rels/.rels"] = _bytes(rels)
        types = _xml(parts["[Content_Types].xml"])
        override = etree.SubElement(types, f"{{{CT}}}Override")
        override.set("PartName", "/docProps/app.xml"), override.set("ContentType", _APP_TYPE)
        parts["[Content_Types].xml"] = _bytes(types)
    parts.update(changes)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
