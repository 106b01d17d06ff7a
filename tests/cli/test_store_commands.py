"""The headless commands, run as a user runs them: a real process, exit codes and messages."""

import json
import stat
from pathlib import Path

import click

from council_prep import __version__
from council_prep.store import SCHEMA_VERSION, Store
from tests.cli.running import assert_clean_failure, run
from tests.helpers.sqlite import execute_raw


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"council-prep, version {__version__}"


def test_demo_then_meetings_json_check_and_backup(tmp_path: Path):
    store = tmp_path / "d.db"
    created = run("demo", "--store", str(store))
    assert created.returncode == 0, created.stderr
    assert "3 meetings" in created.stdout
    listed = run("meetings", "--store", str(store), "--json")
    assert listed.returncode == 0, listed.stderr
    meetings = json.loads(listed.stdout)
    assert len(meetings) >= 3
    assert {"id", "uid", "title", "session_date", "public_session_date", "status"} <= set(meetings[0])
    assert len({m["agreement"] for m in meetings}) >= 3
    assert run("check", "--store", str(store)).stdout.strip() == f"{store}: OK"
    copy = tmp_path / "copy.db"
    assert run("backup", "--store", str(store), "-o", str(copy)).returncode == 0
    assert run("check", "--store", str(copy)).returncode == 0
    with Store.open(copy, read_only=True) as original_copy, Store.open(store, read_only=True) as original:
        assert original_copy.questions.count() == original.questions.count() >= 80


def test_store_from_environment_and_table_output(tmp_path: Path):
    store = tmp_path / "env.db"
    run("demo", "--store", str(store))
    result = run("meetings", env={"COUNCIL_PREP_STORE": str(store)})
    assert result.returncode == 0
    assert len(result.stdout.strip().splitlines()) >= 3


def test_demo_refuses_a_store_with_data(tmp_path: Path):
    store = tmp_path / "d.db"
    run("demo", "--store", str(store))
    assert_clean_failure(run("demo", "--store", str(store)), 1, str(store), "already holds data")


def test_missing_option_is_a_usage_error():
    result = run("meetings")
    assert result.returncode == 2 and "Missing option '--store'" in result.stderr


def test_foreign_file_is_refused(tmp_path: Path):
    text_file = tmp_path / "notes.db"
    text_file.write_text("These are my meeting notes, not a database.\n" * 100)
    assert_clean_failure(run("meetings", "--store", str(text_file)), 1, str(text_file), "not a council-prep store")


def test_other_sqlite_database_is_refused(tmp_path: Path):
    other = tmp_path / "other.db"
    execute_raw(other, "CREATE TABLE recipes (name TEXT)")
    assert_clean_failure(run("check", "--store", str(other)), 1, "an SQLite database, but not a council-prep store")


def test_truncated_store_is_refused(tmp_path: Path):
    store = tmp_path / "d.db"
    run("demo", "--store", str(store))
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 3])
    for command in ("check", "meetings"):
        assert_clean_failure(run(command, "--store", str(store)), 1, str(store), "the store is damaged",
                             "restore it from a backup")


def test_newer_store_is_refused(tmp_path: Path):
    store = tmp_path / "new.db"
    Store.open(store).close()
    execute_raw(store, f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    assert_clean_failure(run("meetings", "--store", str(store)), 1, "newer version of council-prep")


def test_read_only_file_is_refused_for_writing_but_readable(tmp_path: Path):
    store = tmp_path / "ro.db"
    run("demo", "--store", str(store))
    Store.open(store).close()  # leave no WAL behind
    store.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert_clean_failure(run("demo", "--store", str(store)), 1, str(store), "read-only")
        assert run("meetings", "--store", str(store)).returncode == 0
    finally:
        store.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_missing_folder_is_refused(tmp_path: Path):
    store = tmp_path / "no" / "such" / "folder" / "d.db"
    assert_clean_failure(run("demo", "--store", str(store)), 1, "does not exist")
    assert not store.parent.exists()


def test_backup_to_missing_folder_is_refused(tmp_path: Path):
    store = tmp_path / "d.db"
    run("demo", "--store", str(store))
    assert_clean_failure(run("backup", "--store", str(store), "-o", str(tmp_path / "nope" / "b.db")), 1,
                         "does not exist")


def test_window_without_display_says_so_in_one_line(tmp_path: Path):
    result = run("--store", str(tmp_path / "x.db"))
    assert_clean_failure(result, 1, "no display found", "--help")
    assert not (tmp_path / "x.db").exists()


def test_every_command_has_help_with_an_example():
    from click.testing import CliRunner

    from council_prep.cli import main

    runner = CliRunner()
    context = click.Context(main)
    names = main.list_commands(context)
    assert {"demo", "meetings", "check", "backup", "export", "import"} <= set(names)
    for name in names:
        command = main.get_command(context, name)
        assert command is not None and command.name == name
        subcommands = getattr(command, "commands", {name: command})
        for sub in subcommands.values():
            assert sub.help, f"{name} {sub.name} has no help"
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "demo" in result.output and "export" in result.output
    assert "Example:" in runner.invoke(main, ["demo", "--help"]).output
