"""The store's schema as an ordered list of sqlite-utils migrations; never edit one that shipped."""

import sqlite3
from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from council_prep.store.reference_data import seed
from council_prep.store.search import SEARCH_KINDS, WIDTH, joined
from council_prep.store.tables import utc_now
from council_prep.store.versions import MIGRATION_NAMES, MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration listed in versions.MIGRATION_NAMES (in that order).

    executescript() is never used in a migration: it would commit half-way through.
    """
    if fn.__name__ not in MIGRATION_NAMES:
        raise ValueError(f"migration {fn.__name__} is missing from versions.MIGRATION_NAMES")
    return migrations()(fn)


def _run(db: Database, script: str) -> None:
    """Run a script one complete statement at a time, inside the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")

_IDENTITY = """
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


@migration
def m001_records(db: Database) -> None:
    """Reference data, meetings, agenda, law changes, submissions and questions."""
    _run(db, f"""
    CREATE TABLE topics ({_IDENTITY},
        key TEXT NOT NULL UNIQUE, label TEXT NOT NULL, "group" TEXT NOT NULL DEFAULT 'other',
        description TEXT NOT NULL DEFAULT '', keywords TEXT NOT NULL DEFAULT '[]');
    CREATE TABLE agreements ({_IDENTITY},
        key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, short_name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL, entered_into_force INTEGER, labor_body TEXT NOT NULL DEFAULT '',
        labor_body_checked INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE partners ({_IDENTITY},
        code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_local TEXT NOT NULL DEFAULT '',
        agreement_keys TEXT NOT NULL DEFAULT '[]');
    CREATE TABLE meetings ({_IDENTITY},
        agreement_key TEXT NOT NULL REFERENCES agreements(key),
        title TEXT NOT NULL, session_date TEXT NOT NULL, partner_codes TEXT NOT NULL DEFAULT '[]',
        start_time TEXT NOT NULL DEFAULT '09:00', length_minutes INTEGER NOT NULL,
        public_session_date TEXT, location TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,
        handling_marking TEXT NOT NULL DEFAULT '');
    CREATE TABLE agenda_items ({_IDENTITY},
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, title TEXT NOT NULL, topic_key TEXT REFERENCES topics(key),
        lead TEXT NOT NULL DEFAULT '', minutes INTEGER NOT NULL, objective TEXT NOT NULL DEFAULT '',
        talking_points TEXT NOT NULL DEFAULT '[]', background TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL);
    CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
    CREATE TABLE law_changes ({_IDENTITY},
        partner_code TEXT NOT NULL REFERENCES partners(code), title TEXT NOT NULL,
        instrument_type TEXT NOT NULL, status TEXT NOT NULL, introduced_on TEXT, adopted_on TEXT,
        effective_on TEXT, topic_keys TEXT NOT NULL DEFAULT '[]', summary TEXT NOT NULL DEFAULT '',
        source_citation TEXT NOT NULL DEFAULT '', source_url TEXT NOT NULL DEFAULT '',
        assessment TEXT NOT NULL DEFAULT '', follow_up TEXT NOT NULL DEFAULT '');
    CREATE INDEX law_changes_partner ON law_changes(partner_code, status);
    CREATE TABLE submissions ({_IDENTITY},
        identifier TEXT NOT NULL UNIQUE, partner_code TEXT NOT NULL REFERENCES partners(code),
        agreement_key TEXT NOT NULL DEFAULT '', date_filed TEXT, submitters TEXT NOT NULL DEFAULT '[]',
        topic_keys TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL,
        status_note TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '');
    CREATE TABLE questions ({_IDENTITY},
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, text TEXT NOT NULL,
        asker_name TEXT NOT NULL DEFAULT '', organization TEXT NOT NULL DEFAULT '',
        asker_type TEXT NOT NULL, topic_key TEXT REFERENCES topics(key), channel TEXT NOT NULL,
        received_at TEXT, status TEXT NOT NULL, assignee TEXT NOT NULL DEFAULT '',
        suggested_answer TEXT NOT NULL DEFAULT '',
        duplicate_of INTEGER REFERENCES questions(id) ON DELETE SET NULL,
        confidential INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX questions_meeting ON questions(meeting_id, status);
    CREATE INDEX questions_duplicate_of ON questions(duplicate_of);
    CREATE TABLE agenda_law_changes (
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        law_change_id INTEGER NOT NULL REFERENCES law_changes(id) ON DELETE CASCADE,
        PRIMARY KEY (agenda_item_id, law_change_id));
    CREATE INDEX agenda_law_changes_law_change ON agenda_law_changes(law_change_id);
    CREATE TABLE agenda_submissions (
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        PRIMARY KEY (agenda_item_id, submission_id));
    CREATE INDEX agenda_submissions_submission ON agenda_submissions(submission_id);
    """)


@migration
def m002_search_index(db: Database) -> None:
    """Full-text search (FTS5) over agenda items, law changes, submissions and questions, kept in
    step by triggers (bulk additions index in one statement instead: RecordTable.add_many)."""
    db.execute("""
        CREATE VIRTUAL TABLE search_index USING fts5(
            kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')
    """)
    # The columns indexed when this migration shipped; m003 rebuilds the index over today's.
    shipped = {
        "agenda_item": ("agenda_items", "title", ("objective", "background", "talking_points", "lead")),
        "law_change": ("law_changes", "title", ("summary", "source_citation", "assessment", "follow_up")),
        "submission": ("submissions", "identifier", ("summary", "status_note", "submitters")),
        "question": ("questions", "text", ("asker_name", "organization", "suggested_answer", "assignee")),
    }
    for kind, columns in shipped.items():
        _search_triggers(db, kind, columns, 4)
        _index_all(db, kind, columns, 4)


def _index_all(db: Database, kind: str, columns: tuple[str, str, tuple[str, ...]], width: int) -> None:
    table, title, body = columns
    db.execute(f"INSERT INTO search_index(rowid, kind, title, body) SELECT id * {width} + {SEARCH_KINDS[kind]}, "
               f"'{kind}', {title}, {joined(body)} FROM {table}")


def _search_triggers(db: Database, kind: str, columns: tuple[str, str, tuple[str, ...]], width: int) -> None:
    """Triggers that keep the index entry of every record of `kind` (at id * width + its code) in step with its row."""
    table, title, body = columns
    code = SEARCH_KINDS[kind]
    insert = (f"INSERT INTO search_index(rowid, kind, title, body) VALUES "
              f"(new.id * {width} + {code}, '{kind}', new.{title}, {joined(body, 'new.')});")
    delete = f"DELETE FROM search_index WHERE rowid = old.id * {width} + {code};"
    _run(db, f"""
    CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END;
    CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table} BEGIN {delete} {insert} END;
    CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN {delete} END;
    """)


@migration
def m003_identity_and_fields(db: Database) -> None:
    """The store's own identity (private notes and merges are keyed by it), an agenda item's public
    summary and an asker's e-mail; the search index rebuilt over the columns the field registry
    marks searchable."""
    _run(db, """
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO store_meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
    ALTER TABLE agenda_items ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE questions ADD COLUMN asker_email TEXT NOT NULL DEFAULT '';
    """)
    _rebuild_search(db, _M003_SEARCH, 4)


# The search index as m003 built it: the columns the field registry marked searchable then.
_M003_SEARCH = {
    "agenda_item": ("agenda_items", "title", ("objective", "talking_points", "background", "public_summary", "lead")),
    "law_change": ("law_changes", "title", ("summary", "source_citation", "assessment", "follow_up")),
    "submission": ("submissions", "identifier", ("submitters", "status_note", "summary")),
    "question": ("questions", "text", ("asker_name", "organization", "asker_email", "assignee", "suggested_answer")),
}


def _rebuild_search(db: Database, tables: dict[str, tuple[str, str, tuple[str, ...]]], width: int) -> None:
    """Index every record of `tables` afresh at id * width + code, with new triggers (a kind's old
    triggers, where it had any, dropped)."""
    db.execute("DELETE FROM search_index")
    existing = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    for kind, columns in tables.items():
        for trigger in ("insert", "update", "delete"):
            if f"{columns[0]}_search_{trigger}" in existing:
                db.execute(f"DROP TRIGGER {columns[0]}_search_{trigger}")
        _search_triggers(db, kind, columns, width)
        _index_all(db, kind, columns, width)


@migration
def m004_change_log(db: Database) -> None:
    """The change log (steps and their changes, see changelog.py), the exports made, the sites and
    exchanges of merging (sites.py, merge.py), and the reference data, which from now on every new
    store gets here rather than from its creator."""
    _run(db, """
    CREATE TABLE steps (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, label TEXT NOT NULL,
        action TEXT NOT NULL DEFAULT 'do',
        target INTEGER REFERENCES steps(id),
        undone INTEGER NOT NULL DEFAULT 0,
        site TEXT,
        merged INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX steps_undoable ON steps(action, undone);
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, uid TEXT NOT NULL, op TEXT NOT NULL, before TEXT, after TEXT);
    CREATE INDEX changes_step ON changes(step_id, kind, uid);
    CREATE INDEX changes_record ON changes(uid, step_id);
    CREATE TABLE exports (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, meeting_uid TEXT NOT NULL, format TEXT NOT NULL,
        profile TEXT NOT NULL, file_name TEXT NOT NULL, last_step INTEGER);
    CREATE INDEX exports_meeting ON exports(meeting_uid, format, id);
    INSERT INTO store_meta (key, value) VALUES ('site_id', lower(hex(randomblob(16)))), ('site_file', '');
    CREATE TABLE exchanges (
        peer TEXT PRIMARY KEY, received_upto INTEGER NOT NULL DEFAULT 0, received_at TEXT,
        sent_upto INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY, step_id INTEGER REFERENCES steps(id), peer TEXT NOT NULL,
        kind TEXT NOT NULL, uid TEXT NOT NULL, field TEXT NOT NULL, mine TEXT, theirs TEXT,
        decided TEXT, decided_step INTEGER REFERENCES steps(id));
    CREATE INDEX conflicts_open ON conflicts(decided, kind, uid);
    """)
    seed(db.conn, utc_now())


@migration
def m005_question_desk(db: Database) -> None:
    """What a meeting's public-session notice sets for questions: the deadline (UTC), the mailboxes
    that receive them (a JSON list) and the subject line they should carry; an index for the desk's
    assignees (read at every change, over a meeting of any size)."""
    _run(db, """
    ALTER TABLE meetings ADD COLUMN question_deadline TEXT;
    ALTER TABLE meetings ADD COLUMN intake_addresses TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE meetings ADD COLUMN subject_line TEXT NOT NULL DEFAULT '';
    CREATE INDEX questions_assignee ON questions(meeting_id, assignee);
    """)


@migration
def m006_officers_brief(db: Database) -> None:
    """The brief an officer writes: the directory of people and their photos, each meeting's
    participants, commitments, partner enforcement figures, cooperation projects and their links;
    an agenda item's brief fields, a submission's report clock and a meeting's book due date.
    The search index is rebuilt with room for sixteen kinds (id * 16 + code)."""
    _run(db, f"""
    CREATE TABLE people ({_IDENTITY},
        name TEXT NOT NULL, pronunciation TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '', side TEXT NOT NULL,
        partner_code TEXT REFERENCES partners(code), biography TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '');
    CREATE INDEX people_name ON people(name COLLATE NOCASE);
    CREATE TABLE person_photos (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE, image BLOB NOT NULL);
    CREATE TABLE participants ({_IDENTITY},
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        role TEXT NOT NULL, position INTEGER NOT NULL,
        UNIQUE (meeting_id, person_id));
    CREATE INDEX participants_person ON participants(person_id);
    CREATE TABLE commitments ({_IDENTITY},
        text TEXT NOT NULL, side TEXT NOT NULL,
        owner_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        due_on TEXT, status TEXT NOT NULL,
        source_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        source_note TEXT NOT NULL DEFAULT '');
    CREATE INDEX commitments_owner ON commitments(owner_person_id);
    CREATE INDEX commitments_source ON commitments(source_meeting_id);
    CREATE TABLE enforcement_figures ({_IDENTITY},
        partner_code TEXT NOT NULL REFERENCES partners(code), year INTEGER NOT NULL,
        indicator TEXT NOT NULL, value REAL, status TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', demo INTEGER NOT NULL DEFAULT 0,
        UNIQUE (partner_code, year, indicator));
    CREATE TABLE projects ({_IDENTITY},
        title TEXT NOT NULL, grantee TEXT NOT NULL DEFAULT '', amount REAL,
        currency TEXT NOT NULL DEFAULT 'USD', start_on TEXT, end_on TEXT, status TEXT NOT NULL,
        partner_code TEXT REFERENCES partners(code), topic_keys TEXT NOT NULL DEFAULT '[]',
        summary TEXT NOT NULL DEFAULT '');
    CREATE INDEX projects_partner ON projects(partner_code);
    ALTER TABLE agenda_items ADD COLUMN points_to_make TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE agenda_items ADD COLUMN points_to_avoid TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE agenda_items ADD COLUMN asks TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE agenda_items ADD COLUMN press_line TEXT NOT NULL DEFAULT '';
    ALTER TABLE agenda_items ADD COLUMN press TEXT NOT NULL DEFAULT 'closed';
    ALTER TABLE agenda_items ADD COLUMN depth TEXT NOT NULL DEFAULT 'full';
    ALTER TABLE agenda_items ADD COLUMN continues_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL;
    ALTER TABLE agenda_items ADD COLUMN lead_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL;
    CREATE INDEX agenda_items_continues ON agenda_items(continues_id);
    CREATE INDEX agenda_items_lead_person ON agenda_items(lead_person_id);
    ALTER TABLE submissions ADD COLUMN accepted_on TEXT;
    ALTER TABLE submissions ADD COLUMN report_due_on TEXT;
    ALTER TABLE submissions ADD COLUMN report_published_on TEXT;
    ALTER TABLE meetings ADD COLUMN book_due_on TEXT;
    CREATE TABLE agenda_speakers (
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        PRIMARY KEY (agenda_item_id, person_id));
    CREATE INDEX agenda_speakers_person ON agenda_speakers(person_id);
    CREATE TABLE agenda_commitments (
        commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        PRIMARY KEY (commitment_id, agenda_item_id));
    CREATE INDEX agenda_commitments_agenda_item ON agenda_commitments(agenda_item_id);
    CREATE TABLE agenda_projects (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        PRIMARY KEY (project_id, agenda_item_id));
    CREATE INDEX agenda_projects_agenda_item ON agenda_projects(agenda_item_id);
    CREATE TABLE project_law_changes (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        law_change_id INTEGER NOT NULL REFERENCES law_changes(id) ON DELETE CASCADE,
        PRIMARY KEY (project_id, law_change_id));
    CREATE INDEX project_law_changes_law_change ON project_law_changes(law_change_id);
    """)
    _rebuild_search(db, M006_SEARCH, WIDTH)



@migration
def m007_change_origins(db: Database) -> None:
    """Where each merged change came from (merge.py): the edit that set each field, and the edits
    the sender had seen of the record; an edit made here needs none (its step says it)."""
    _run(db, "ALTER TABLE changes ADD COLUMN origin TEXT;")

# The search index as m006 built it. A field marked searchable later needs a migration that
# rebuilds the index (its triggers are made here); tests compare this with the registry.
M006_SEARCH = {
    **_M003_SEARCH,
    "agenda_item": ("agenda_items", "title", ("objective", "talking_points", "background", "public_summary", "lead",
                                              "points_to_make", "points_to_avoid", "asks", "press_line")),
    "person": ("people", "name", ("title", "organization", "biography")),
    "commitment": ("commitments", "text", ("source_note",)),
    "project": ("projects", "title", ("grantee", "summary")),
}


@migration
def m008_search_prefixes(db: Database) -> None:
    """The search index made again with prefix indexes of 2 to 6 letters (it had 2 and 3), over the
    same columns (M006_SEARCH; m006's triggers keep it), and merged into one segment.

    The last word typed is searched as a prefix. Without an index of its length, FTS5 merges the
    postings of every word it starts, in full, for each pass of the query: 'labor' typed in a store
    where most questions say it took tens of milliseconds; with one it reads a single list and stops
    at the matches it needs. An index rebuilt by deleting every row (as m006 did) also keeps the old
    segments and their deletion marks until merged: merging them at once halves it and its reads.
    """
    db.execute("DROP TABLE search_index")
    db.execute("""
        CREATE VIRTUAL TABLE search_index USING fts5(
            kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6')
    """)
    for kind, columns in M006_SEARCH.items():
        _index_all(db, kind, columns, WIDTH)
    db.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
