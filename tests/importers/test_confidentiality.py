"""The asker's choice to stay confidential survives any wording of its column and any repeat of a question."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from council_prep.book import Profile, assemble_book
from council_prep.cli import main
from council_prep.exporters.xlsx import export_xlsx
from council_prep.importers import ImportRejected, apply_import, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import write_csv, write_xlsx
from tests.importers.zip_parts import zip_text


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


@pytest.mark.parametrize("header", ["Confidential?", "Confidential (yes/no)", "Keep my name confidential",
                                    "Anonymous?", "Do not publish my name", "¿Confidencial?", "Anónimo",
                                    "No publicar mi nombre", "Withhold my name", "CONFIDENTIAL:"])
def test_any_wording_of_the_choice_is_read_and_the_public_workbook_hides_the_asker(
        store: Store, meeting_id: int, tmp_path: Path, header: str) -> None:
    path = write_xlsx(tmp_path / "form.xlsx", [["Question", "Name", "Organization", header],
                                                ["Who inspects the farms?", "Rosa Quispe", "Sindicato Rural", "Yes"],
                                                ["And the mines?", "Open Asker", "Public Org", "No"]])
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [] and header not in plan.ignored_columns
    assert [q.confidential for q in plan.added] == [True, False]
    apply_import(store, plan)
    public = zip_text(export_xlsx(assemble_book(store, meeting_id, profile=Profile.PUBLIC), tmp_path / "p.xlsx"))
    assert "Rosa Quispe" not in public and "Sindicato Rural" not in public
    assert "Open Asker" in public


@pytest.mark.parametrize(("headers", "message"), [
    (["Question", "Name", "May we publish your name?"], "column May we publish your name?: yes here might mean"),
    (["Question", "Name", "Confidential", "Anonymous (yes/no)"],
     "the columns Confidential, Anonymous (yes/no) all look like"),
    (["Question", "Name", "Confidential", "Anonymous?"], "column Anonymous?: means the same as column Confidential"),
    (["Question", "Name", "Keep my name confidential", "Do not publish my name"], "keep only one of them"),
])
def test_a_choice_that_cannot_be_read_for_sure_is_refused_naming_the_column(
        store: Store, meeting_id: int, tmp_path: Path, headers: list[str], message: str) -> None:
    path = write_xlsx(tmp_path / "form.xlsx", [headers, ["Who inspects?", "Rosa", "Yes", "Yes"][:len(headers)]])
    with pytest.raises(ImportRejected) as caught:
        plan_question_import(store, meeting_id, path)
    assert message in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(("value", "confidential"), [
    ("yes", True), ("Sí", True), ("si", True), ("X", True), ("✓", True), ("checked", True), ("TRUE", True),
    ("1", True), ("no", False), ("0", False), ("", False), ("false", False),
])
def test_yes_and_no_as_forms_write_them(store: Store, meeting_id: int, tmp_path: Path, value: str,
                                        confidential: bool) -> None:
    path = write_csv(tmp_path / "q.csv", f"Question,Asker,Confidential?\nWho?,Rosa,{value}\n")
    (question,) = plan_question_import(store, meeting_id, path).added
    assert question.confidential is confidential


@pytest.mark.parametrize(("header", "ignored"), [("Public session", True), ("Private sector?", True),
                                                 ("Email (we will not share it)", False), ("Notes", True)])
def test_other_columns_are_not_taken_for_the_choice(store: Store, meeting_id: int, tmp_path: Path,
                                                    header: str, ignored: bool) -> None:
    path = write_csv(tmp_path / "q.csv", f'Question,Asker,"{header}"\nWho?,Rosa,Anything at all\n')
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [] and not plan.added[0].confidential
    # An e-mail column, however worded, is read as the e-mail address; the others are left out.
    assert plan.ignored_columns == ([header] if ignored else [])
    assert plan.added[0].asker_email == ("" if ignored else "Anything at all")


def test_an_unreadable_choice_is_an_error_never_a_no(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "q.csv", "Question,Asker,Keep my name confidential\nWho?,Rosa,maybe\n")
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [f"{path} row 2, column Keep my name confidential: 'maybe' is not yes or no"]


def test_a_resent_question_that_asks_for_confidentiality_makes_the_asker_confidential(
        store_path: Path, store: Store, meeting_id: int, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "first.csv", "Question,Asker,Organization\n"
                                              "Will inspectors visit?,Rosa Quispe,Sindicato Rural\n"
                                              "What about mines?,Eva Mamani,Mineros\n")
    apply_import(store, plan_question_import(store, meeting_id, first))
    again = write_csv(tmp_path / "again.csv", "Question,Asker,Organization,Confidential\n"
                                              "Will inspectors visit?,Rosa Quispe,Sindicato Rural,Yes\n"
                                              "What about mines?,Eva Mamani,Mineros,Yes\n"
                                              "What about mines?,Eva Mamani,Mineros,No\n")
    store.close()
    done = CliRunner().invoke(main, ["import", "questions", "--store", str(store_path), "--meeting",
                                     str(meeting_id), str(again)])
    assert done.exit_code == 0, done.output
    assert "0 added, 2 updated (2 askers now kept confidential), 0 unchanged, 1 duplicate" in done.output
    with Store.open(store_path) as reopened:
        assert reopened.questions.one(asker_name="Rosa Quispe").confidential  # type: ignore[union-attr]
        assert reopened.questions.one(asker_name="Eva Mamani").confidential  # type: ignore[union-attr]
        public = zip_text(export_xlsx(assemble_book(reopened, meeting_id, profile=Profile.PUBLIC),
                                      tmp_path / "public.xlsx"))
    assert "Rosa Quispe" not in public and "Mineros" not in public


def test_no_import_makes_a_confidential_asker_public(store: Store, meeting_id: int, tmp_path: Path) -> None:
    hidden = store.questions.one(asker_name="Confidential Person")
    assert hidden is not None and hidden.confidential
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "Asker", "Organization", "Confidential", "uid"],
        [hidden.text, hidden.asker_name, hidden.organization, "No", hidden.uid.upper()],
        [hidden.text, hidden.asker_name, hidden.organization, "No", None]])
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [] and plan.counts["added"] == 0
    assert any("row 2, column Confidential: the asker stays confidential" in note for note in plan.notes)
    apply_import(store, plan)
    assert store.questions.get(hidden.id).confidential  # type: ignore[arg-type]
