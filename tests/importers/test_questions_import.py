"""Importing questions: the exported workbook round trip, headers and encodings, duplicates, all or nothing."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from council_prep.book import Profile, assemble_book
from council_prep.cli import main
from council_prep.domain import AskerType, Channel, Question, QuestionStatus, new_uid
from council_prep.exporters.xlsx import export_xlsx
from council_prep.importers import ImportRejected, apply_import, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import LONG_ANSWER, fill_meeting
from tests.importers.files import snapshot, write_csv, write_xlsx


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


def test_round_trip_updates_one_adds_two_and_moves_nothing_else(store: Store, meeting_id: int,
                                                                tmp_path: Path) -> None:
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    before = {q.uid: q for q in store.questions.find()}
    book = openpyxl.load_workbook(path)
    sheet = book["Questions"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "What is the plan on child labor in coffee?")
    row[headers.index("Status")].value = "Withdrawn"
    row[headers.index("Suggested answer")].value = "A new, shorter answer."
    changed_uid = row[headers.index("uid")].value
    sheet.append(["Will inspectors visit coffee farms?", "Maria", "CUT", "trade union", "child labor", "web form",
                  "5 March 2027", "New"])
    sheet.append(["=SUM(A1)", "Max", None, "NGO"])
    sheet.cell(sheet.max_row, 1).data_type = "s"  # typed as text ('=SUM(A1)), not as a formula
    book.save(path)

    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == []
    assert plan.counts == {"added": 2, "updated": 1, "unchanged": len(before) - 1, "duplicate": 0, "rejected": 0}
    apply_import(store, plan)

    after = {q.uid: q for q in store.questions.find()}
    assert after[changed_uid].status is QuestionStatus.WITHDRAWN
    assert after[changed_uid].suggested_answer == "A new, shorter answer."
    assert {uid: q for uid, q in after.items() if uid in before and uid != changed_uid} == {
        uid: q for uid, q in before.items() if uid != changed_uid}
    new = [q for uid, q in after.items() if uid not in before]
    maria = next(q for q in new if q.asker_name == "Maria")
    assert (maria.asker_type, maria.topic_key, maria.channel, maria.received_at) == (
        AskerType.WORKER_ORG, "child_labor", Channel.WEB_FORM, datetime(2027, 3, 5))
    assert next(q for q in new if q.asker_name == "Max").text == "=SUM(A1)"
    again = plan_question_import(store, meeting_id, path)
    assert again.counts["added"] == 0 and again.counts["updated"] == 0


def test_unchanged_round_trip_keeps_long_text_and_hidden_askers(store: Store, meeting_id: int,
                                                                tmp_path: Path) -> None:
    internal = export_xlsx(assemble_book(store, meeting_id), tmp_path / "internal.xlsx")
    public = export_xlsx(assemble_book(store, meeting_id, profile=Profile.PUBLIC), tmp_path / "public.xlsx")
    for path in (internal, public):
        plan = plan_question_import(store, meeting_id, path)
        assert plan.counts["unchanged"] == len(store.questions.find()) and not plan.updated, path
    assert store.questions.one(asker_name="Dr. Lee").suggested_answer == LONG_ANSWER  # type: ignore[union-attr]


def test_one_bad_row_among_good_ones_writes_nothing(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "Asker type", "Received", "Topic"],
        ["Good question one?", "NGO", "2027-03-01", "Minimum wages"],
        ["Good question two?", "Union", None, None],
        ["Bad question?", "Martian", "someday", "Astrology"],
        [None, "NGO", None, None],
    ])
    before = snapshot(store)
    plan = plan_question_import(store, meeting_id, path)
    assert plan.counts == {"added": 2, "updated": 0, "unchanged": 0, "duplicate": 0, "rejected": 1}
    assert plan.skipped == 1  # row 5 asks nothing: left out, not refused
    assert plan.problems == [
        f"{path} row 4, column Asker type: 'Martian' is not one of: Workers' organization, NGO, Employer, "
        "Academic, Government, Public",
        f"{path} row 4, column Received: 'someday' is not a date (write it as 2027-03-05, 3/5/2027 or 5 March 2027)",
        f"{path} row 4, column Topic: topic 'Astrology' is unknown; use one of: " + "; ".join(
            t.label for t in store.topics.find()),
    ]
    with pytest.raises(ImportRejected) as caught:
        apply_import(store, plan)
    assert caught.value.problems == plan.problems
    assert "row 4, column Asker type" in str(caught.value)
    assert snapshot(store) == before


def test_repeated_questions_are_added_once(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "q.csv", (
        "Your question,Full name,Org\n"
        "How many unions were registered in 2026?,Ana Pérez,Sindicato de Trabajadores\n"  # already stored
        "A  brand new   question?,Bo,X\n"
        "a brand new question?,bo,x\n"  # the same, typed differently
        "A brand new question?,Someone else,X\n"  # another asker: kept
    ))
    plan = plan_question_import(store, meeting_id, path)
    assert plan.counts == {"added": 2, "updated": 0, "unchanged": 0, "duplicate": 2, "rejected": 0}


def test_headers_under_a_title_with_aliases_and_extra_columns(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "form.xlsx", [
        ["Questions received through the web form, March 2027"],
        [],
        ["  QUESTION TEXT ", "Name", "Organisation", "Submitted", "Favourite colour", "Type"],
        ["What about hours of work?", "Kim", "KCTU", datetime(2027, 3, 2, 8, 15), "Blue", "union"],
        [None, None, None, None, None, None],
        ["And overtime pay?", "Lee", None, 46450, "Red", "Public"],
    ], title="Form responses")
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == []
    assert plan.ignored_columns == ["Favourite colour"]
    assert [(q.text, q.asker_name, q.organization, q.received_at, q.asker_type) for q in plan.added] == [
        ("What about hours of work?", "Kim", "KCTU", datetime(2027, 3, 2, 8, 15), AskerType.WORKER_ORG),
        ("And overtime pay?", "Lee", "", datetime(2027, 3, 4), AskerType.PUBLIC),
    ]
    assert any("Favourite colour" in line for line in plan.summary())


@pytest.mark.parametrize(("encoding", "separator"), [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"),
                                                     ("cp1252", ",")])
def test_csv_encodings_and_separators(store: Store, meeting_id: int, tmp_path: Path, encoding: str,
                                      separator: str) -> None:
    text = separator.join(["Question", "Asker", "Received"]) + "\r\n" + separator.join(
        ['"¿Qué pasa con la huelga; y el fuero?"', "José Núñez", "05/03/2027"]) + "\r\n"
    plan = plan_question_import(store, meeting_id, write_csv(tmp_path / "q.csv", text, encoding))
    (question,) = plan.added
    assert (question.text, question.asker_name, question.received_at) == (
        "¿Qué pasa con la huelga; y el fuero?", "José Núñez", datetime(2027, 5, 3))


def test_long_text_and_control_characters(store: Store, meeting_id: int, tmp_path: Path) -> None:
    long_text = "Ünïcödé question text. " * 5_000  # 115,000 characters
    path = write_csv(tmp_path / "q.csv", f'Question,Asker\n"{long_text}",A\n"Bell\x07 and\x0b tab\tok",B\n')
    plan = plan_question_import(store, meeting_id, path)
    apply_import(store, plan)
    assert store.questions.one(asker_name="A").text == long_text  # type: ignore[union-attr]
    assert store.questions.one(asker_name="B").text == "Bell and tab\tok"  # type: ignore[union-attr]


def test_uid_rules(store: Store, meeting_id: int, tmp_path: Path) -> None:
    other = store.meetings.add(replace(store.meetings.get(meeting_id), id=None, uid=new_uid()))
    foreign = store.questions.add(Question(meeting_id=other.id, text="Elsewhere?")).uid
    own = store.questions.find(meeting_id=meeting_id)[0].uid
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "uid"], ["Moved?", foreign], ["Twice?", own], ["Twice again?", own], ["Bad uid?", "12345"],
    ])
    plan = plan_question_import(store, meeting_id, path)
    assert [p.split(": ", 1)[0] for p in plan.problems] == [f"{path} row 2, column uid", f"{path} row 4, column uid",
                                                            f"{path} row 5, column uid"]
    assert "another meeting" in plan.problems[0] and "also in row 3" in plan.problems[1]


def test_cli_dry_run_then_import(store_path: Path, store: Store, meeting_id: int, tmp_path: Path) -> None:
    store.close()
    path = write_csv(tmp_path / "q.csv", "Question\nFirst?\nSecond?\n")
    runner = CliRunner()
    base = ["import", "questions", "--store", str(store_path), "--meeting", str(meeting_id), str(path)]
    dry = runner.invoke(main, [*base, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "questions: 2 added, 0 updated" in dry.output and "nothing was written" in dry.output
    with Store.open(store_path) as reopened:
        assert reopened.questions.count() == 9
    done = runner.invoke(main, base)
    assert done.exit_code == 0, done.output
    with Store.open(store_path) as reopened:
        assert reopened.questions.count() == 11
    bad = write_csv(tmp_path / "bad.csv", "Question,Status\nThird?,Lost\n")
    refused = runner.invoke(main, [*base[:-1], str(bad)])
    assert refused.exit_code == 1
    assert f"{bad} row 2, column Status: 'Lost' is not one of: New, Assigned, Answered, Withdrawn" in refused.output
    missing = runner.invoke(main, [*base[:-1], str(tmp_path / "nope.csv")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_rows_added_as_new_questions_share_no_value_that_changes_in_place(store: Store, meeting_id: int,
                                                                         tmp_path: Path) -> None:
    """New questions are copies of one blank: none may hold a list or other value another one would change."""
    path = write_xlsx(tmp_path / "q.xlsx", [["Question"], ["Will inspectors visit farms?"], ["And ports?"]])
    first, second = plan_question_import(store, meeting_id, path).added
    assert first.uid != second.uid
    shared = [name for name, value in vars(first).items()
              if value is vars(second)[name] and not isinstance(value, (str, int, float, bool, type(None), datetime))
              and not isinstance(value, (AskerType, Channel, QuestionStatus))]
    assert shared == []
