"""Schema upgrades run after a backup; a store from a newer version is refused untouched."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from council_prep.domain import Person, Question
from council_prep.store import SCHEMA_VERSION, Store, StoreTooNewError
from council_prep.store.schema import migrations
from council_prep.store.versions import MIGRATION_NAMES
from tests.helpers.sqlite import execute_raw, make_store_of_version


def make_first_version_store(path: Path) -> None:
    """A store as the first release wrote it: only the first migration, with one question."""
    make_store_of_version(path, 1)


def test_migration_from_first_version_backs_up_then_upgrades(tmp_path: Path):
    path = tmp_path / "old.db"
    make_first_version_store(path)
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == len(MIGRATION_NAMES)
        hits = store.search("subcontract")
        assert [(h.kind, h.record_id) for h in hits] == [("question", 1)]  # existing rows were indexed
        assert store.check() == []
    backups = list(tmp_path.glob("old.schema-v1.*.backup.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT text FROM questions").fetchall() == [("What about subcontracting in agriculture?",)]
    assert "search_index" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}


def test_opening_a_current_store_makes_no_backup(tmp_path: Path):
    path = tmp_path / "store.db"
    Store.open(path).close()
    Store.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def test_newer_store_is_refused_before_anything_is_touched(tmp_path: Path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    execute_raw(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreTooNewError, match="newer version of council-prep"):
        Store.open(path)
    assert path.read_bytes() == before


def test_store_with_an_unknown_migration_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    execute_raw(path, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                      "VALUES ('council_prep', 'm099_future', '2030-01-01')")
    with pytest.raises(StoreTooNewError):
        Store.open(path)


def test_every_listed_migration_is_registered_in_order():
    assert tuple(m.name for m in migrations.pending(Database(sqlite3.connect(":memory:")))) == MIGRATION_NAMES


def test_nested_transaction_failure_rolls_back_only_its_own_step(tmp_path: Path):
    from council_prep.domain import Topic

    with Store.open(tmp_path / "s.db") as store, store.transaction():
        store.topics.add(Topic(key="kept", label="Kept"))
        with pytest.raises(RuntimeError), store.transaction():
            store.topics.add(Topic(key="undone", label="Undone"))
            raise RuntimeError
    with Store.open(tmp_path / "s.db") as store:
        keys = [t.key for t in store.topics.find()]
        assert "kept" in keys and "undone" not in keys


def test_a_store_of_the_previous_schema_gains_the_question_desk_fields(tmp_path: Path):
    path = tmp_path / "v4.db"
    db = Database(sqlite3.connect(path, isolation_level=None))
    migrations.apply(db, stop_before="m005_question_desk")
    db.execute("PRAGMA user_version = 4")
    stamp = "2026-01-01T00:00:00+00:00"
    db["meetings"].insert({"uid": "m", "agreement_key": "us-peru-tpa", "title": "Council", "session_date": "2027-03-04",
                           "partner_codes": '["PE"]', "length_minutes": 300, "status": "planning",
                           "created_at": stamp, "updated_at": stamp})
    db["questions"].insert({"uid": "q", "meeting_id": 1, "text": "Subcontracting in agriculture?", "asker_type": "ngo",
                            "channel": "email", "status": "new", "received_at": "2027-02-23T09:00:00-05:00",
                            "created_at": stamp, "updated_at": stamp})
    db.close()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        meeting = store.meetings.get(1)
        assert (meeting.question_deadline, meeting.intake_addresses, meeting.subject_line) == (None, [], "")
        assert store.questions.late_ids(1) == []
        meeting.question_deadline = datetime(2027, 2, 22, 22, tzinfo=UTC)
        meeting.intake_addresses = ["questions@dol.gov"]
        store.meetings.update(meeting)
        assert store.questions.late_ids(1) == [1]
        assert store.check() == []
    assert len(list(tmp_path.glob("v4.schema-v4.*.backup.db"))) == 1
def test_a_store_of_the_previous_schema_gains_the_brief_keeping_its_records_searchable(tmp_path: Path):
    path = tmp_path / "v4.db"
    make_store_of_version(path, 4)
    execute_raw(path, "INSERT INTO agenda_items (uid, created_at, updated_at, meeting_id, position, title, minutes, "
                      "talking_points, status) VALUES ('i', '2026-01-01', '2026-01-01', 1, 1, 'Outsourcing', 15, "
                      "'[\"Ask about the decree\"]', 'draft')",
                "INSERT INTO submissions (uid, created_at, updated_at, identifier, partner_code, status) "
                "VALUES ('s', '2026-01-01', '2026-01-01', '2026-01 (Peru)', 'PE', 'under_review')")
    old_index = sqlite3.connect(path).execute("SELECT rowid, kind FROM search_index ORDER BY kind").fetchall()
    assert old_index == [(4, "agenda_item"), (7, "question"), (6, "submission")]  # id * 4 + code
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        item = store.agenda.get(1)
        assert (item.points_to_make, item.asks, item.press, item.depth, item.continues_id, item.speaker_ids) == (
            [], [], "closed", "full", None, [])
        assert store.submissions.get(1).accepted_on is None and store.meetings.get(1).book_due_on is None
        assert [(h.kind, h.record_id) for h in store.search("decree")] == [("agenda_item", 1)]
        assert [(h.kind, h.record_id) for h in store.search("subcontracting")] == [("question", 1)]
        assert [(h.kind, h.record_id) for h in store.search("2026-01")] == [("submission", 1)]
        person = store.people.add(Person(name="Ana Paredes", biography="Director General of Labor"))
        assert [(h.kind, h.record_id) for h in store.search("Director General")] == [("person", person.id)]
        item.speaker_ids = [person.id]
        store.agenda.update(item)
        store.undo()
        assert store.agenda.get(1).speaker_ids == []
        assert store.check() == []
    assert list(tmp_path.glob("v4.schema-v4.*.backup.db"))


def test_a_store_of_the_previous_schema_gets_prefix_indexes_finding_the_same_records(tmp_path: Path):
    path = tmp_path / "v6.db"
    make_store_of_version(path, 6)
    execute_raw(path, *(f"INSERT INTO questions (uid, created_at, updated_at, meeting_id, text, asker_type, channel, "
                        f"status) VALUES ('q{n}', '2026-01-01', '2026-01-01', 1, 'Labor inspections {n}"
                        f"{' in quarantine' if n == 7 else ''}', 'ngo', 'email', 'new')" for n in range(2, 40)),
                "INSERT INTO law_changes (uid, created_at, updated_at, partner_code, title, instrument_type, status) "
                "VALUES ('l', '2026-01-01', '2026-01-01', 'PE', 'Decree on laboratories', 'decree', 'adopted')")
    old = sqlite3.connect(path)
    before = old.execute("SELECT rowid, kind, title, body FROM search_index ORDER BY rowid").fetchall()
    assert "prefix = '2 3'" in old.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()[0]
    old.close()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        after = store.conn.execute("SELECT rowid, kind, title, body FROM search_index ORDER BY rowid").fetchall()
        assert after == before and len(after) == 40  # every record indexed as it was: one question, 38, a law
        created = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()[0]
        assert "prefix = '2 3 4 5 6'" in created

        def found(query: str) -> list[tuple[str, int]]:
            return sorted((h.kind, h.record_id) for h in store.search(query, limit=100))

        questions = [("question", n) for n in range(2, 40)]
        assert found("labo") == found("Labo") == [("law_change", 1), *questions]  # 4 letters: laboratories too
        assert found("labor") == [("law_change", 1), *questions]
        assert found("labora") == [("law_change", 1)]  # 6 letters
        assert found("laboratories") == [("law_change", 1)]  # longer than any prefix index
        assert found("quarantine") == found("quara") == [("question", 7)]
        assert found("inspections 7") == [("question", 7)]
        store.questions.add(Question(meeting_id=1, text="Labor courts and their backlog"))  # m006's triggers index it
        assert len(found("labor")) == 40 and found("backl") == [("question", 40)]
        assert store.check() == []
