"""A delegate's notes: their own file, saved whole, matched by uid in newer copies, orphans kept."""

import json
import shutil
from pathlib import Path

from docx import Document

from council_prep.notes import Notebook, export_notes_docx, notebook_id
from council_prep.store import Store
from council_prep.store.review_copy import write_review_copy


def test_notes_survive_reopening_and_a_newer_review_copy(demo_store_path: Path, tmp_path: Path):
    folder = tmp_path / "notes"
    with Store.open(demo_store_path) as source:
        meeting = source.meetings.find()[0]
        items = source.agenda.for_meeting(meeting.id)
        write_review_copy(source, meeting.id, tmp_path / "v1.db")
    with Store.open(tmp_path / "v1.db", read_only=True) as copy:
        notebook = Notebook.for_store(copy, folder)
        notebook.set(items[0].uid, "Ask about the budget.\nAnd the timeline.", kind="agenda_item",
                     title=items[0].title)
        notebook.set(items[1].uid, "Gone soon", kind="agenda_item", title=items[1].title)
        assert not list(folder.glob(".*.part"))
    with Store.open(demo_store_path) as source:
        source.agenda.delete(items[1].id)
        write_review_copy(source, meeting.id, tmp_path / "v2.db")
    with Store.open(tmp_path / "v2.db", read_only=True) as newer:
        again = Notebook.for_store(newer, folder)
        assert again.path == notebook.path
        assert again.text(items[0].uid) == "Ask about the budget.\nAnd the timeline."
        known = {i.uid for i in newer.agenda.find()}
        assert [(n.title, n.text) for n in again.orphans(known)] == [(items[1].title, "Gone soon")]
    with Store.open(demo_store_path, read_only=True) as source:
        assert notebook_id(source) == source.store_id == Notebook.for_store(source, folder).path.stem


def test_copy_of_the_store_file_shares_the_notebook(demo_store_path: Path, tmp_path: Path):
    shutil.copyfile(demo_store_path, tmp_path / "copy.db")
    with Store.open(demo_store_path, read_only=True) as a, Store.open(tmp_path / "copy.db", read_only=True) as b:
        assert Notebook.for_store(a, tmp_path).path == Notebook.for_store(b, tmp_path).path


def test_an_empty_note_is_removed_and_an_unreadable_file_is_set_aside(tmp_path: Path):
    path = tmp_path / "abc.json"
    notebook = Notebook(path)
    notebook.set("u1", "text", kind="question", title="Q")
    notebook.set("u1", "  ", kind="question", title="Q")
    assert json.loads(path.read_text())["notes"] == []
    path.write_text("{not json", encoding="utf-8")
    fresh = Notebook(path)
    assert fresh.notes() == [] and "could not be read" in fresh.notice
    kept = list(tmp_path.glob("abc.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


def test_export_notes_to_word(tmp_path: Path):
    output = export_notes_docx([("Opening remarks", "Thank the hosts.\nMention the 2026 report."),
                                ("Labor inspection", "Ask for inspector numbers.")],
                               "Peru Labor Affairs Council, 2027", tmp_path / "notes.docx")
    paragraphs = [(p.style.name, p.text) for p in Document(str(output)).paragraphs]
    assert paragraphs == [
        ("Heading 1", "My notes for Peru Labor Affairs Council, 2027"),
        ("Heading 2", "Opening remarks"), ("Normal", "Thank the hosts."), ("Normal", "Mention the 2026 report."),
        ("Heading 2", "Labor inspection"), ("Normal", "Ask for inspector numbers."),
    ]
