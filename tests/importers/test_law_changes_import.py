"""Importing law changes: by partner name or code, several topics, the workbook round trip, CLI."""

from datetime import date
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from council_prep.book import assemble_book
from council_prep.cli import main
from council_prep.domain import InstrumentType, LawChangeStatus
from council_prep.exporters.xlsx import export_xlsx
from council_prep.importers import apply_import, plan_law_change_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import snapshot, write_csv


def test_law_changes_from_csv(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "changes.csv", (
        "Country;Instrument;Type;Stage;Date adopted;Topics;Link\n"
        "Peru;Ley 31110 (agrarian regime);Act;enacted;31 December 2020;\"Minimum wages; hours of work\";"
        "https://example.org/31110\n"
        "pe;ley 31110  (agrarian regime);;;;;\n"  # the same law again
        "Colombia;Decree 1072;decreto;in force;2015-05-26;;\n"
    ), encoding="cp1252")
    plan = plan_law_change_import(store, path)
    assert plan.problems == []
    assert plan.counts == {"added": 2, "updated": 0, "unchanged": 0, "duplicate": 1, "rejected": 0}
    apply_import(store, plan)
    peru = store.law_changes.one(partner_code="PE")
    assert peru is not None
    assert (peru.instrument_type, peru.status, peru.adopted_on, peru.topic_keys, peru.source_url) == (
        InstrumentType.LAW, LawChangeStatus.ADOPTED, date(2020, 12, 31), ["minimum_wages", "hours_of_work"],
        "https://example.org/31110")


def test_partner_and_title_are_required_and_checked(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", "Partner,Title,Summary,Effective,Adopted\n"
                                        ",Some law,,,\nAtlantis,Sea law,,,\nPeru,,Only a summary,,\n"
                                        "Peru,Backwards law,,2020-01-01,2021-01-01\n")
    before = snapshot(store)
    plan = plan_law_change_import(store, path)
    assert [p.removeprefix(f"{path} ") for p in plan.problems] == [
        "row 2, column Partner: must not be empty (this row has other cells filled)",
        "row 3, column Partner: partner 'Atlantis' is unknown; use a country name or code such as Canada, Mexico, "
        "Costa Rica, Dominican Republic, El Salvador, Guatemala",
        "row 4, column Title: must not be empty (this row has other cells filled)",
        "row 5, column Effective: Effective date must not be before the date adopted",
    ]
    assert snapshot(store) == before


def test_workbook_round_trip_and_cli(store_path: Path, store: Store, tmp_path: Path) -> None:
    meeting_id = fill_meeting(store)
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Law changes"]
    sheet["D2"] = "Repealed"
    sheet.append(["Honduras", "Acuerdo Ejecutivo STSS-001", "Regulation", "Proposed"])
    book.save(path)
    store.close()
    result = CliRunner().invoke(main, ["import", "law-changes", "--store", str(store_path), str(path)])
    assert result.exit_code == 0, result.output
    assert "law changes: 1 added, 1 updated, 1 unchanged, 0 duplicate, 0 rejected" in result.output
    with Store.open(store_path) as reopened:
        assert reopened.law_changes.one(partner_code="GT").status is LawChangeStatus.REPEALED  # type: ignore[union-attr]
        assert reopened.law_changes.count() == 3
