"""Review copies: one meeting's store for a delegate, the public edition without what it withholds."""

import hashlib
import sqlite3
from pathlib import Path

from council_prep.domain import Question
from council_prep.domain.fields import INTERNAL, names_with
from council_prep.domain.kinds import KINDS
from council_prep.store import Store
from council_prep.store.review_copy import WITHHELD, review_source_id, write_review_copy
from tests.cli.test_store_commands import assert_clean_failure, run


def add_confidential_question(path: Path, meeting_id: int) -> Question:
    with Store.open(path) as store:
        original = store.questions.add(Question(meeting_id=meeting_id, text="Who inspects the farms at night?",
                                                asker_name="Rosa Quispe", organization="Sindicato Agrario",
                                                asker_email="rosa@example.org", confidential=True,
                                                assignee="J. Officer", suggested_answer="Internal draft"))
        middle = store.questions.add(Question(meeting_id=meeting_id, text="Farm inspections at night?",
                                              duplicate_of=original.id))
        store.questions.add(Question(meeting_id=meeting_id, text="Night inspections of farms?",
                                     duplicate_of=middle.id))
        return original


def all_text(path: Path) -> str:
    """Every value of every table of a store file, as text."""
    conn = sqlite3.connect(path)
    try:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"'))
    finally:
        conn.close()


def test_internal_copy_holds_one_meeting_with_its_uids(demo_store_path: Path, tmp_path: Path):
    with Store.open(demo_store_path, read_only=True) as source:
        meeting = source.meetings.find()[0]
        others = [m.title for m in source.meetings.find()[1:]]
        items = source.agenda.for_meeting(meeting.id)
        questions = source.questions.find(meeting_id=meeting.id)
        source_id = source.store_id
        before = hashlib.sha256(demo_store_path.read_bytes()).hexdigest()
        write_review_copy(source, meeting.id, tmp_path / "review.db")
    assert hashlib.sha256(demo_store_path.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob(".*.part*")) and not (tmp_path / "review.db-wal").exists()
    with Store.open(tmp_path / "review.db", read_only=True) as copy:
        assert [m.uid for m in copy.meetings.find()] == [meeting.uid]
        copied = copy.agenda.for_meeting(copy.meetings.find()[0].id)
        assert [(i.uid, i.title, i.talking_points) for i in copied] == [
            (i.uid, i.title, i.talking_points) for i in items]
        for item, original in zip(copied, items, strict=True):
            assert [copy.law_changes.get(n).uid for n in item.law_change_ids] == [
                source_uid for source_uid in _uids(demo_store_path, "law_changes", original.law_change_ids)]
        assert sorted(q.uid for q in copy.questions.find()) == sorted(q.uid for q in questions)
        assert review_source_id(copy) == source_id and copy.store_id != source_id
        assert copy.check() == []
    text = all_text(tmp_path / "review.db")
    assert not any(title in text for title in others)


def _uids(path: Path, table: str, ids: list[int]) -> list[str]:
    with Store.open(path, read_only=True) as store:
        return [getattr(store, table).get(i).uid for i in ids]


def test_public_copy_blanks_internal_fields_and_confidential_askers(demo_store_path: Path, tmp_path: Path):
    with Store.open(demo_store_path, read_only=True) as source:
        meeting = source.meetings.find()[0]
    confidential = add_confidential_question(demo_store_path, meeting.id)
    with Store.open(demo_store_path, read_only=True) as source:
        write_review_copy(source, meeting.id, tmp_path / "public.db", public=True)
    text = all_text(tmp_path / "public.db")
    for secret in ("Rosa Quispe", "Sindicato Agrario", "rosa@example.org", "J. Officer", "Internal draft"):
        assert secret not in text
    with Store.open(tmp_path / "public.db", read_only=True) as copy:
        assert all(not i.talking_points and not i.objective and not i.background for i in copy.agenda.find())
        assert all(not c.assessment and not c.follow_up for c in copy.law_changes.find())
        assert copy.meetings.find()[0].handling_marking == ""
        kept = copy.questions.find_uid(confidential.uid)
        assert kept.text == confidential.text and kept.confidential
        chain = [q for q in copy.questions.find() if q.text in ("Farm inspections at night?",
                                                                "Night inspections of farms?")]
        assert all(q.duplicate_of is not None for q in chain)  # the chain is kept, originals first


def test_export_review_command(demo_store_path: Path, tmp_path: Path):
    output = tmp_path / "lima.db"
    result = run("export", "review", "--store", str(demo_store_path), "--meeting", "1", "-o", str(output),
                 "--profile", "public")
    assert result.returncode == 0, result.stderr
    assert f"Review copy written to {output}" in result.stdout
    with Store.open(output, read_only=True) as copy:
        assert len(copy.meetings.find()) == 1
    missing = run("export", "review", "--store", str(demo_store_path), "--meeting", "999", "-o",
                  str(tmp_path / "x.db"))
    assert_clean_failure(missing, 1, "999")
    assert not (tmp_path / "x.db").exists()
    nowhere = run("export", "review", "--store", str(demo_store_path), "--meeting", "1", "-o",
                  str(tmp_path / "no" / "x.db"))
    assert_clean_failure(nowhere, 1, "does not exist")


PHOTO = b"\x89PNG\r\n\x1a\n" + b"portrait" * 8


def _brief_of(store: Store, meeting_id: int) -> dict[str, list]:
    items = store.agenda.for_meeting(meeting_id)
    participants = store.participants.for_meeting(meeting_id)
    return {
        "participants": sorted((store.people.get(p.person_id).uid, p.role) for p in participants),
        "leads": [store.people.get(i.lead_person_id).uid if i.lead_person_id else None for i in items],
        "speakers": [[store.people.get(s).uid for s in i.speaker_ids] for i in items],
        "commitments": _linked(store.commitments.find(), items),
        "projects": _linked(store.projects.find(), items),
    }


def _linked(records: list, items: list) -> list:
    """(uid, uids of the meeting's items it is linked to) of the records linked to any of `items`."""
    uids = {i.id: i.uid for i in items}
    return sorted((r.uid, tuple(uids[i] for i in r.agenda_item_ids if i in uids)) for r in records
                  if any(i in uids for i in r.agenda_item_ids))


def test_internal_copy_carries_the_brief_of_its_meeting(demo_store_path: Path, tmp_path: Path):
    with Store.open(demo_store_path) as source:
        meeting = source.meetings.find()[0]
        head = source.participants.for_meeting(meeting.id)[0]
        source.people.set_photo(head.person_id, PHOTO)
        head_uid = source.people.get(head.person_id).uid
        expected = _brief_of(source, meeting.id)
        figures = source.enforcement.count_of(partner_code="PE")
        write_review_copy(source, meeting.id, tmp_path / "review.db")
    with Store.open(tmp_path / "review.db", read_only=True) as copy:
        copied = copy.meetings.find()[0]
        got = _brief_of(copy, copied.id)
        assert got == expected and got["participants"] and got["commitments"] and got["projects"]
        assert copy.enforcement.count() == figures == 75
        person = copy.people.find_uid(head_uid)
        assert person.biography and copy.people.photo(person.id) == PHOTO
        assert copy.check() == []


def test_public_copy_carries_no_internal_field_of_the_brief(demo_store_path: Path, tmp_path: Path):
    with Store.open(demo_store_path) as source:
        meeting = source.meetings.find()[0]
        head = source.participants.for_meeting(meeting.id)[0]
        source.people.set_photo(head.person_id, PHOTO)
        secrets = set()
        for kind in KINDS:
            for record in source.table(kind.key).find():
                for name in names_with(kind.key, INTERNAL):
                    value = getattr(record, name)
                    values = value if isinstance(value, list) else [value]
                    secrets |= {str(getattr(v, "ask", v)) for v in values if len(str(getattr(v, "ask", v))) > 12}
        write_review_copy(source, meeting.id, tmp_path / "public.db", public=True)
    assert any("SEH-sar" in s for s in secrets) and any("Will the United States" in s for s in secrets)
    text = all_text(tmp_path / "public.db")
    assert PHOTO.hex().upper() not in text.upper() and "portrait" not in text
    leaked = sorted(s for s in secrets if s in text)
    assert not leaked
    with Store.open(tmp_path / "public.db", read_only=True) as copy:
        assert copy.participants.count() > 0 and copy.people.count() > 0  # who takes part is public
        assert not copy.people.with_photo()
        for kind in KINDS:
            for record in copy.table(kind.key).find():
                for name in names_with(kind.key, INTERNAL):
                    value = getattr(record, name)
                    assert value in ("", [], None, WITHHELD) or hasattr(value, "value"), (kind.key, name, value)
