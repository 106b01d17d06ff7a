"""`council-prep history`: the change log read from the command line."""

import json
from pathlib import Path

from click.testing import CliRunner

from council_prep.cli import main
from council_prep.domain import AgendaItem
from council_prep.store import Store


def test_history_lists_each_change_with_its_step_and_fields(store_path: Path):
    with Store.open(store_path) as store:
        meeting = store.meetings.find()[0] if store.meetings.count() else None
        assert meeting is None
        from council_prep.demo import load_demo
        load_demo(store)
        item = store.agenda.find()[0]
        item.objective = "Agree on a timeline for the inspection reform"
        store.agenda.update(item, label="Edit objective of item 1")
        store.agenda.delete(store.agenda.find()[1].id)
    runner = CliRunner()
    result = runner.invoke(main, ["history", "--store", str(store_path), "--kind", "agenda_item"])
    assert result.exit_code == 0, result.output
    assert "Edit objective of item 1: update agenda item" in result.output
    assert "Objective: '" in result.output and "-> 'Agree on a timeline for the inspection reform'" in result.output
    assert "delete agenda item" in result.output
    as_json = json.loads(runner.invoke(main, ["history", "--store", str(store_path), "--json",
                                              "--uid", item.uid]).output)
    assert [c["op"] for c in as_json] == ["add", "update"]
    assert as_json[1]["after"]["objective"] == "Agree on a timeline for the inspection reform"
    future = runner.invoke(main, ["history", "--store", str(store_path), "--since", "2100-01-01"])
    assert future.exit_code == 0 and future.output.strip() == "No changes."


def test_history_refuses_a_date_it_cannot_read(store_path: Path):
    Store.open(store_path).close()
    result = CliRunner().invoke(main, ["history", "--store", str(store_path), "--since", "Friday-ish"])
    assert result.exit_code == 2 and "'Friday-ish' is not a date" in result.output


def test_exports_are_recorded_with_the_log_position(store_path: Path):
    with Store.open(store_path) as store:
        from council_prep.demo import load_demo
        load_demo(store)
        meeting = store.meetings.find()[0]
        assert store.last_export(meeting.uid) is None
        store.record_export(meeting.uid, "docx", "internal", "book.docx")
        export = store.last_export(meeting.uid, ("docx",))
        assert export.file_name == "book.docx" and store.steps_after(export.last_step) == 0
        store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Late addition"))
        assert store.steps_after(export.last_step) == 1
        assert store.can_undo()[1] == "Add agenda item “Late addition”"  # recording an export is no step
