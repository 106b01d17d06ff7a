"""Changing a store file behind the app's back, as another program or a newer version would."""

import sqlite3
from pathlib import Path


def execute_raw(path: Path, *statements: str) -> None:
    """Run `statements` on the file with plain sqlite3, committed, connection closed."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def make_store_of_version(path: Path, version: int) -> None:
    """A store as the release with schema `version` wrote it (its first `version` migrations), holding
    reference data for Peru, a meeting and a question, written as that release's columns allowed."""
    from sqlite_utils import Database

    from council_prep.store.schema import migrations
    from council_prep.store.versions import MIGRATION_NAMES

    db = Database(sqlite3.connect(path, isolation_level=None))
    if version < len(MIGRATION_NAMES):
        migrations.apply(db, stop_before=MIGRATION_NAMES[version])
    else:
        migrations.apply(db)
    db.execute(f"PRAGMA user_version = {version}")
    stamp = "2026-01-01T00:00:00+00:00"
    identity = {"created_at": stamp, "updated_at": stamp}
    if not db.execute("SELECT 1 FROM agreements WHERE key = 'us-peru-tpa'").fetchone():
        db["agreements"].insert({"uid": "a", "key": "us-peru-tpa", "name": "Peru TPA", "kind": "fta", **identity})
        db["partners"].insert({"uid": "p", "code": "PE", "name": "Peru", **identity})
    db["meetings"].insert({"uid": "m", "agreement_key": "us-peru-tpa", "title": "Council", "session_date": "2027-03-04",
                           "length_minutes": 300, "status": "planning", **identity})
    db["questions"].insert({"uid": "q", "meeting_id": 1, "text": "What about subcontracting in agriculture?",
                            "asker_type": "ngo", "channel": "email", "status": "new", **identity})
    db.close()
