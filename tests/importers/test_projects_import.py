"""Importing cooperation projects: amounts with their currency, dates, status words, topics, links to law
changes by uid or unambiguous title, updates in place, and bad rows refused by row and column."""

from datetime import date
from pathlib import Path

import pytest

from council_prep.domain import LawChange, ProjectStatus
from council_prep.importers import ImportRejected, apply_import, plan_project_import
from council_prep.store import Store
from tests.importers.files import write_csv, write_xlsx

HEADER = ["Project title", "Implementer", "Award amount", "Currency", "Start date", "End date", "Status", "Country",
          "Topics", "Law changes"]


@pytest.fixture
def law_changes(store: Store) -> dict[str, LawChange]:
    made = {
        "peru": LawChange(partner_code="PE", title="Ley 31110 (agrarian regime)"),
        "peru_code": LawChange(partner_code="PE", title="Labor Procedure Code"),
        "colombia_code": LawChange(partner_code="CO", title="Labor Procedure Code"),
    }
    for change in made.values():
        store.law_changes.add(change)
    return made


def projects(store: Store) -> list[tuple]:
    return sorted((p.uid, p.updated_at, p.title, p.amount, p.currency, p.law_change_ids)
                  for p in store.projects.find())


def test_projects_from_a_workbook(store: Store, law_changes: dict[str, LawChange], tmp_path: Path) -> None:
    peru = law_changes["peru"]
    path = write_xlsx(tmp_path / "projects.xlsx", [HEADER, [
        "Strengthening labor inspection in agro-export regions", "International Labour Organization",
        "$4,500,000", "", "2022-10-01", "30 September 2026", "ongoing", "Peru",
        "Labor inspection; Hours of work", f"{peru.uid}\nLabor Procedure Code",
    ], [
        "Union registration and collective bargaining", "Solidarity Center", "EUR 1.2 million", "", date(2023, 1, 15),
        None, "completed", "Colombia", "Freedom of association", "",
    ], [
        "Regional child labor survey", "ILO", 750000, "USD", "", "", "pipeline", "", "", "",
    ]], "Projects")
    plan = plan_project_import(store, path)
    assert plan.problems == []
    apply_import(store, plan)
    agro = store.projects.one(title="Strengthening labor inspection in agro-export regions")
    assert agro is not None
    assert (agro.grantee, agro.amount, agro.currency, agro.start_on, agro.end_on, agro.status, agro.partner_code) == (
        "International Labour Organization", 4_500_000, "USD", date(2022, 10, 1), date(2026, 9, 30),
        ProjectStatus.ACTIVE, "PE")
    assert agro.topic_keys == ["labor_law_enforcement", "hours_of_work"]
    # The title two partners share is Peru's here: the project is Peru's.
    assert agro.law_change_ids == [peru.id, law_changes["peru_code"].id]
    unions = store.projects.one(title="Union registration and collective bargaining")
    assert unions is not None
    assert (unions.amount, unions.currency, unions.status) == (1_200_000, "EUR", ProjectStatus.CLOSED)
    survey = store.projects.one(title="Regional child labor survey")
    assert survey is not None and survey.partner_code is None and survey.status is ProjectStatus.PLANNED

    before = projects(store)
    again = plan_project_import(store, path)
    assert again.counts["unchanged"] == 3 and again.counts["added"] == again.counts["updated"] == 0
    apply_import(store, again)
    assert projects(store) == before


def test_a_corrected_file_updates_the_same_project(store: Store, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "p.csv", "Title,Partner,Amount\nDecent work in maquilas,Honduras,\"$2,000,000\"\n")
    apply_import(store, plan_project_import(store, first))
    uid = store.projects.find()[0].uid
    corrected = write_csv(tmp_path / "p2.csv", "Title,Partner,Amount,End\n"
                                               "Decent work in maquilas,HN,\"$2,250,000\",2027-06-30\n")
    plan = plan_project_import(store, corrected)
    assert plan.counts["updated"] == 1 and plan.counts["added"] == 0
    apply_import(store, plan)
    (project,) = store.projects.find()
    assert (project.uid, project.amount, project.end_on) == (uid, 2_250_000, date(2027, 6, 30))


def test_bad_rows_are_refused_by_row_and_column(store: Store, law_changes: dict[str, LawChange],
                                                tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", (
        "Title,Country,Amount,Currency,Start,End,Law changes\n"
        "Fine project,Peru,\"$100,000\",USD,2022-01-01,2023-01-01,Ley 31110 (agrarian regime)\n"
        "Backwards,Peru,,,2024-01-01,2023-01-01,\n"
        "Ambiguous link,,,,,,Labor Procedure Code\n"
        "Missing link,Peru,,,,,Ley 99999\n"
        "Two currencies,Peru,EUR 5000,USD,,,\n"
        "Nowhere,Atlantis,,,,,\n"
        "Fine project,Peru,\"$100,000\",USD,,,\n"
        ",Peru,12,,,,\n"
    ))
    plan = plan_project_import(store, path)
    assert [p.removeprefix(f"{path} ").split(";")[0] for p in plan.problems] == [
        "row 3, column End: A project cannot end before it starts",
        "row 4, column Law changes: 2 law changes are titled 'Labor Procedure Code' (Peru, Colombia)",
        "row 5, column Law changes: no law change is titled 'Ley 99999'",
        "row 6, column Amount: is in EUR but the Currency column says USD",
        "row 7, column Country: partner 'Atlantis' is unknown",
        "row 8, column Title: the project “Fine project” of Peru is also in row 2",
        "row 9, column Title: must not be empty (this row has other cells filled)",
    ]
    with pytest.raises(ImportRejected):
        apply_import(store, plan)
    assert store.projects.count() == 0


def test_without_a_partner_column_a_title_names_its_one_project(store: Store, tmp_path: Path) -> None:
    apply_import(store, plan_project_import(store, write_csv(tmp_path / "p.csv", (
        "Title,Country,Amount\nSafer mines,Colombia,100\nSafer mines,Peru,200\nDecent work in maquilas,HN,300\n"))))
    path = write_csv(tmp_path / "amounts.csv", "Title,Amount\nDecent work in maquilas,350\n")
    plan = plan_project_import(store, path)
    assert plan.counts["updated"] == 1 and plan.counts["added"] == 0
    apply_import(store, plan)
    maquilas = store.projects.one(title="Decent work in maquilas")
    assert maquilas is not None and (maquilas.partner_code, maquilas.amount) == ("HN", 350)
    shared = write_csv(tmp_path / "shared.csv", "Title,Amount\nSafer mines,250\n")
    assert [p.removeprefix(f"{shared} ") for p in plan_project_import(store, shared).problems] == [
        "row 2, column Title: 2 projects are titled 'Safer mines' (Colombia, Peru); add a Partner column or the uid "
        "of the one meant"]
    assert store.projects.count() == 3
