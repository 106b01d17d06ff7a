"""The brief's records travel between copies of a store by uid: people and their photos,
participants, commitments, figures and projects, with their references and links."""

import json
import sqlite3
from datetime import date
from pathlib import Path

from council_prep.domain import (
    AgendaItem,
    Ask,
    Commitment,
    CommitmentStatus,
    EnforcementFigure,
    LawChange,
    Meeting,
    Participant,
    Person,
    Project,
)
from council_prep.store import Store
from council_prep.store.package import _digest
from tests.store.test_change_log import content
from tests.store.test_merge import copy, exchange

PHOTO = b"\xff\xd8\xff\xe0" + b"jpeg body" * 10


def test_every_new_kind_and_photo_travels_by_uid(tmp_path: Path):
    office = tmp_path / "office.db"
    with Store.open(office) as store:
        earlier = store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Sixth",
                                             session_date=date(2025, 3, 4)))
        store.agenda.add(AgendaItem(meeting_id=earlier.id, title="Inspection"))
        store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Seventh",
                                   session_date=date(2027, 3, 4)))
        store.law_changes.add(LawChange(partner_code="PE", title="Inspection protocol"))
    laptop = copy(office, "laptop.db")
    with Store.open(laptop) as store:  # ids here differ from the office's: the office added a person first
        earlier, seventh = store.meetings.find()
        old_item = store.agenda.find()[0]
        person = store.people.add(Person(name="Ana Paredes Villanueva", biography="Director General of Labor"))
        store.people.set_photo(person.id, PHOTO)
        item = store.agenda.add(AgendaItem(meeting_id=seventh.id, title="Union registration", continues_id=old_item.id,
                                           lead_person_id=person.id, speaker_ids=[person.id],
                                           asks=[Ask("Will you publish the registry?", "Yes, in March")]))
        store.participants.add(Participant(meeting_id=seventh.id, person_id=person.id))
        store.commitments.add(Commitment(text="Send the registry figures", owner_person_id=person.id,
                                         source_meeting_id=earlier.id, agenda_item_ids=[item.id]))
        store.enforcement.add(EnforcementFigure(partner_code="PE", year=2025, indicator="inspections", value=98_000))
        store.projects.add(Project(title="Inspection in agro-export regions", agenda_item_ids=[item.id],
                                   law_change_ids=[store.law_changes.find()[0].id]))
    with Store.open(office) as store:
        store.people.add(Person(name="Someone added at the office first"))
    report = exchange(laptop, office)
    assert report.conflicts == []
    travelled = ("person", "person_photos", "participant", "commitment", "enforcement_figure", "project",
                 "agenda_speakers", "agenda_commitments", "agenda_projects", "project_law_changes")
    assert {kind: report.added[kind] for kind in travelled} == dict.fromkeys(travelled, 1)
    with Store.open(office) as store:
        person = store.people.one(name="Ana Paredes Villanueva")
        assert person.id == 2 and store.people.photo(person.id) == PHOTO
        item = store.agenda.one(title="Union registration")
        assert item.lead_person_id == person.id and item.speaker_ids == [person.id]
        assert item.continues_id == store.agenda.one(title="Inspection").id
        assert store.commitments.find()[0].owner_person_id == person.id
        assert store.projects.find()[0].agenda_item_ids == [item.id]
        assert store.check() == []
    exchange(office, laptop)
    with Store.open(office) as a, Store.open(laptop) as b:
        assert content(a) == content(b)


def test_edits_to_a_commitment_and_a_photo_merge_and_conflict_field_by_field(tmp_path: Path):
    office = tmp_path / "office.db"
    with Store.open(office) as store:
        person = store.people.add(Person(name="César Mendoza Salas"))
        store.commitments.add(Commitment(text="Publish the figures", due_on=date(2027, 2, 28)))
    laptop = copy(office, "laptop.db")
    with Store.open(office) as store:
        commitment = store.commitments.find()[0]
        commitment.status = CommitmentStatus.DONE
        store.commitments.update(commitment)
    with Store.open(laptop) as store:
        commitment = store.commitments.find()[0]
        commitment.due_on = date(2027, 4, 30)
        store.commitments.update(commitment)
        store.people.set_photo(person.id, PHOTO)
    report = exchange(laptop, office)
    assert report.conflicts == [] and report.updated["commitment"] == 1 and report.added["person_photos"] == 1
    with Store.open(office) as store:
        commitment = store.commitments.find()[0]
        assert (commitment.status, commitment.due_on) == (CommitmentStatus.DONE, date(2027, 4, 30))
        assert store.people.photo(person.id) == PHOTO
        store.people.set_photo(person.id, b"\x89PNG\r\n\x1a\n office")
    with Store.open(laptop) as store:
        store.people.set_photo(person.id, b"\x89PNG\r\n\x1a\n laptop")
    report = exchange(laptop, office)
    assert [(c.kind, c.field) for c in report.conflicts] == [("person_photos", "image")]
    with Store.open(office) as store:
        assert store.people.photo(person.id) == b"\x89PNG\r\n\x1a\n office"  # kept until the officer decides
        [conflict] = store.open_conflicts()
        store.decide(conflict[0], "theirs")
        assert store.people.photo(person.id) == b"\x89PNG\r\n\x1a\n laptop"


def test_a_package_from_a_laptop_still_on_schema_4_merges(tmp_path: Path):
    """Its records hold none of the brief's fields: they come in with their defaults."""
    office = tmp_path / "office.db"
    with Store.open(office) as store:
        store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Seventh",
                                   session_date=date(2027, 3, 4)))
    laptop = copy(office, "laptop.db")
    with Store.open(laptop) as store:
        store.agenda.add(AgendaItem(meeting_id=store.meetings.find()[0].id, title="Outsourcing",
                                    talking_points=["Ask about the decree"]))
        store.pack(tmp_path / "old.cpx")
    _as_schema_4(tmp_path / "old.cpx")
    with Store.open(office) as store:
        report = store.merge(tmp_path / "old.cpx")
        assert report.added["agenda_item"] == 1 and report.conflicts == []
        item = store.agenda.one(title="Outsourcing")
        assert (item.talking_points, item.points_to_make, item.asks, item.continues_id) == (
            ["Ask about the decree"], [], [], None)
        assert [h.kind for h in store.search("decree")] == ["agenda_item"]
        assert store.check() == []


def _as_schema_4(package: Path) -> None:
    """Rewrite a package as schema 4 wrote it: no brief fields in its snapshots, digest made anew."""
    new = {"points_to_make", "points_to_avoid", "asks", "press_line", "press", "depth", "continues_id",
           "lead_person_id", "book_due_on", "accepted_on", "report_due_on", "report_published_on"}
    conn = sqlite3.connect(package)
    for change_id, after in conn.execute("SELECT id, after FROM changes WHERE after IS NOT NULL").fetchall():
        values = {k: v for k, v in json.loads(after).items() if k not in new}
        conn.execute("UPDATE changes SET after = ? WHERE id = ?", [json.dumps(values, ensure_ascii=False), change_id])
    changes = conn.execute("SELECT id, step_id, kind, uid, op, before, after FROM changes ORDER BY id").fetchall()
    conn.execute("UPDATE package SET value = '4' WHERE key = 'schema_version'")
    conn.execute("UPDATE package SET value = ? WHERE key = 'digest'", [_digest(changes)])
    conn.commit()
    conn.close()
