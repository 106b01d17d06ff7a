"""The workbook's brief sheets: Participants, Commitments, Enforcement and Projects, read back with openpyxl
and LibreOffice; the Enforcement and Projects sheets imported again change nothing; the public edition
carries none of their internal fields."""

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from council_prep.book import Profile, assemble_book
from council_prep.domain import (
    Commitment,
    EnforcementFigure,
    FigureStatus,
    Meeting,
    Participant,
    ParticipantRole,
    Person,
    Project,
    ProjectStatus,
    Side,
)
from council_prep.exporters.xlsx import export_xlsx
from council_prep.importers import apply_import, plan_figure_import, plan_project_import
from council_prep.store import Store
from tests.exporters.test_xlsx_editions import xml_text
from tests.exporters.xlsx_data import fill_meeting
from tests.helpers.office import sheets_as_csv

BIOGRAPHY = "Labor inspector for twelve years before she led the union registry; confidential remark."
NOTE = "Reliability doubtful: the ministry changed its counting method."


def fill_brief(store: Store) -> int:
    """The meeting of fill_meeting with people, an earlier council's commitment, figures and a project."""
    meeting_id = fill_meeting(store)
    earlier = store.meetings.add(Meeting(agreement_key="cafta-dr", partner_codes=["GT"],
                                         title="CAFTA-DR Council, 2025", session_date=date(2025, 6, 2)))
    ana = store.people.add(Person(name="Ana Lucía Morales", pronunciation="AH-nah loo-SEE-ah mo-RAH-les",
                                  title="Vice Minister of Labor", side=Side.PARTNER, partner_code="GT",
                                  organization="Ministerio de Trabajo y Previsión Social", biography=BIOGRAPHY,
                                  email="amorales@example.gt"))
    john = store.people.add(Person(name="John Carter", title="Deputy Undersecretary", side=Side.US,
                                   organization="U.S. Department of Labor"))
    for position, (person, role) in enumerate([(john, ParticipantRole.HEAD), (ana, ParticipantRole.HEAD)], 1):
        store.participants.add(Participant(meeting_id=meeting_id, person_id=person.id, role=role, position=position))
    store.commitments.add(Commitment(text="Publish inspection statistics every quarter", side=Side.PARTNER,
                                     owner_person_id=ana.id, due_on=date(2026, 1, 31), source_meeting_id=earlier.id,
                                     source_note="Joint statement, para 4"))
    figures = [("inspectors", 2022, 418.0, "3 of 22 departments"), ("inspectorate_funding", 2022, 6_100_000.0, ""),
               ("violations_found", 2022, None, ""), ("inspectors", 2023, 430.0, ""),
               ("inspectors_meet_ilo", 2023, 0.0, "")]
    for key, year, value, scope in figures:
        store.enforcement.add(EnforcementFigure(
            partner_code="GT", year=year, indicator=key, value=value, scope=scope, source="MINTRAB",
            status=FigureStatus.REPORTED if value is not None else FigureStatus.UNAVAILABLE,
            note=NOTE if year == 2023 and key == "inspectors" else "", demo=year == 2022))
    decree = store.law_changes.one(partner_code="GT")
    store.projects.add(Project(title="Strengthening labor inspection in Guatemala", grantee="ILO", amount=4_500_000,
                               partner_code="GT", status=ProjectStatus.ACTIVE, start_on=date(2023, 1, 1),
                               topic_keys=["labor_law_enforcement"], law_change_ids=[decree.id]))  # type: ignore[union-attr]
    return meeting_id


def rows(sheet) -> list[dict[str, object]]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_internal_workbook_has_the_brief_sheets(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_brief(store)
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    book = openpyxl.load_workbook(path)
    assert {"Participants", "Commitments", "Enforcement", "Projects"} <= set(book.sheetnames)

    enforcement = book["Enforcement"]
    table = rows(enforcement)
    assert [(r["Partner"], r["Year"]) for r in table] == [("Guatemala", 2022), ("Guatemala", 2023)]
    first, second = table
    assert first["Number of labor inspectors"] == 418 and first["Violations found"] == "Unavailable"
    assert first["Labor inspectorate funding (USD)"] == 6_100_000
    assert first["Demo"] == "Yes" and second["Demo"] == "No"
    assert second["Inspectors meet the ILO's recommendation"] == "No"
    assert first["Scope"] == "Number of labor inspectors: 3 of 22 departments"
    assert second["Note"] == f"Number of labor inspectors: {NOTE}" and first["Source"] == "MINTRAB"
    assert enforcement["D2"].number_format == "#,##0"

    (project,) = rows(book["Projects"])
    assert (project["Title"], project["Amount"], project["Partner"], project["Law changes"]) == (
        "Strengthening labor inspection in Guatemala", 4_500_000, "Guatemala", "Decree 7-2017 on union registration")
    (commitment,) = rows(book["Commitments"])
    assert (commitment["Owner"], commitment["Past due"], commitment["Meeting"], commitment["Source"]) == (
        "Ana Lucía Morales", "Yes", "CAFTA-DR Council, 2025", "Joint statement, para 4")
    seated = rows(book["Participants"])
    assert [(s["Delegation"], s["Name"], s["Role"]) for s in seated] == [
        ("United States", "John Carter", "Head of delegation"),
        ("Guatemala", "Ana Lucía Morales", "Head of delegation")]
    assert seated[1]["Biography"] == BIOGRAPHY
    for name in ("Participants", "Commitments", "Enforcement", "Projects"):  # they print as the other sheets do
        sheet = book[name]
        assert (sheet.page_setup.orientation, sheet.page_setup.fitToWidth, sheet.print_title_rows) == (
            "landscape", 1, "$1:$1"), name
        printed = len(sheet[1]) - (sheet.cell(1, len(sheet[1])).value == "uid")
        assert sheet.print_area == f"'{name}'!$A$1:${sheet.cell(1, printed).column_letter}${sheet.max_row}", name


def test_no_empty_brief_sheet(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_meeting(store)  # nothing for a brief sheet: no people, commitments, figures or projects
    book = openpyxl.load_workbook(export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx"))
    assert not {"Participants", "Commitments", "Enforcement", "Projects"} & set(book.sheetnames)


def test_enforcement_and_projects_sheets_import_back_unchanged(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_brief(store)
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    figures = plan_figure_import(store, path)
    assert figures.problems == []
    assert figures.counts["unchanged"] == 5 and figures.counts["added"] == figures.counts["updated"] == 0
    workbook = openpyxl.load_workbook(path)
    for name in workbook.sheetnames:
        if name != "Projects":
            del workbook[name]
    workbook.save(tmp_path / "projects.xlsx")
    projects = plan_project_import(store, tmp_path / "projects.xlsx")
    assert projects.problems == [] and projects.counts["unchanged"] == 1
    apply_import(store, projects)
    assert store.projects.count() == 1


def test_public_workbook_carries_no_internal_field(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_brief(store)
    path = export_xlsx(assemble_book(store, meeting_id, profile=Profile.PUBLIC), tmp_path / "public.xlsx")
    text = xml_text(path)
    for secret in (BIOGRAPHY, NOTE, "AH-nah loo-SEE-ah", "amorales@example.gt", "Past due", "Pronunciation"):
        assert secret not in text


@pytest.mark.slow
def test_libreoffice_opens_the_brief_sheets(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_brief(store)
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    sheets = sheets_as_csv(path, tmp_path / "csv")
    with sheets["Enforcement"].open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0][:3] == ["Partner", "Year", "Labor inspectorate funding (USD)"]
    assert table[1][:5] == ["Guatemala", "2022", "6100000", "418", ""]
    assert "Unavailable" in table[1]
    with sheets["Participants"].open(encoding="utf-8") as handle:
        assert "Ana Lucía Morales" in handle.read()
