"""Importing enforcement figures: the wide and the long layout, unavailable figures, money, yes/no and scope,
updates in place, and every kind of bad row refused by row and column with the store unchanged."""

from pathlib import Path

import pytest

from council_prep.domain import EnforcementFigure, FigureStatus
from council_prep.importers import ImportRejected, apply_import, plan_figure_import
from council_prep.store import Store
from tests.importers.files import write_csv, write_xlsx

WIDE_HEADER = ["Country", "Year", "Labor inspectorate funding (USD)", "No. of inspectors",
               "Sufficient to enforce laws according to ILO", "Inspectors authorized to assess penalties",
               "Number of labor inspections conducted", "Violations found", "Fines imposed (USD)",
               "Penalties collected", "Convictions", "Scope", "Source"]
MEXICO_2022 = ["Mexico", 2022, "$15,400,000", 520, "No", "Yes", "120,350", "N/A", "USD 2.5 million",
               "Unavailable", "—", "Federal only", "STPS, Informe de labores 2022"]
PERU_2022 = ["Peru", "2022", 9_800_000, "1,012", "no", "yes", 45_320, 12_000, "$310,000.50", "", 3, "",
             "SUNAFIL annual report"]


def wide_file(tmp_path: Path, *rows: list[object], header: list[str] = WIDE_HEADER) -> Path:
    """A workbook as an analyst keeps it: a title, a blank line, then the table."""
    return write_xlsx(tmp_path / "enforcement.xlsx",
                      [["Labor law enforcement by partner (invented figures)"], [], header, *rows], "Figures")


def figure(store: Store, partner: str, year: int, indicator: str) -> EnforcementFigure:
    found = store.enforcement.one(partner_code=partner, year=year, indicator=indicator)
    assert found is not None, (partner, year, indicator)
    return found


def stored(store: Store) -> list[tuple]:
    return sorted((f.uid, f.updated_at, f.partner_code, f.year, f.indicator, f.value, f.status, f.scope)
                  for f in store.enforcement.find())


def test_wide_workbook_is_imported_and_read_back(store: Store, tmp_path: Path) -> None:
    path = wide_file(tmp_path, MEXICO_2022, PERU_2022)
    plan = plan_figure_import(store, path)
    assert plan.problems == []
    assert plan.counts["added"] == 17  # 9 figures of Mexico, 8 of Peru (its empty cell is no figure)
    apply_import(store, plan)

    assert figure(store, "MX", 2022, "inspectorate_funding").value == 15_400_000
    assert figure(store, "MX", 2022, "inspectors").value == 520
    assert figure(store, "MX", 2022, "inspectors_meet_ilo").value == 0
    assert figure(store, "MX", 2022, "inspectors_assess_penalties").value == 1
    assert figure(store, "MX", 2022, "inspections").value == 120_350
    assert figure(store, "MX", 2022, "penalties_imposed").value == 2_500_000
    for name in ("violations_found", "penalties_collected", "convictions"):
        gone = figure(store, "MX", 2022, name)
        assert (gone.value, gone.status) == (None, FigureStatus.UNAVAILABLE)
    assert {f.scope for f in store.enforcement.find(partner_code="MX")} == {"Federal only"}
    assert figure(store, "PE", 2022, "penalties_imposed").value == 310_000.5
    assert figure(store, "PE", 2022, "inspectors").value == 1_012
    assert store.enforcement.one(partner_code="PE", year=2022, indicator="penalties_collected") is None
    assert not any(f.demo for f in store.enforcement.find())


def test_import_is_one_step_and_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = wide_file(tmp_path, MEXICO_2022, PERU_2022)
    apply_import(store, plan_figure_import(store, path))
    assert store.can_undo()[1] == "Import enforcement figures from enforcement.xlsx"  # type: ignore[index]
    before = stored(store)
    again = plan_figure_import(store, path)
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 17, "duplicate": 0, "rejected": 0}
    apply_import(store, again)
    assert stored(store) == before
    store.undo()  # the import of the first file, whole
    assert store.enforcement.count() == 0


def test_long_csv_updates_a_stored_figure_in_place(store: Store, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "long.csv", (
        "Partner;Year;Indicator;Value;Source;Scope;Note\n"
        "Guatemala;2021;No. of inspectors;418;MINTRAB;;\n"
        "GT;2021;Labor inspectorate funding;US$ 6.1 million;MINTRAB;;\n"
        "gt;2021;Inspectors may assess penalties;Yes;Decree 7-2017;;restored in 2017\n"
        "Guatemala;2021;Unannounced inspections;Not available;;;\n"
    ))
    apply_import(store, plan_figure_import(store, first))
    assert store.enforcement.count() == 4
    assert figure(store, "GT", 2021, "inspectorate_funding").value == 6_100_000
    assert figure(store, "GT", 2021, "inspectors_assess_penalties").note == "restored in 2017"
    assert figure(store, "GT", 2021, "unannounced_inspections").status is FigureStatus.UNAVAILABLE
    uid = figure(store, "GT", 2021, "inspectors").uid

    corrected = write_csv(tmp_path / "corrected.csv", (
        "Partner,Year,Indicator,Value,Scope\n"
        "Guatemala,2021,Number of labor inspectors,\"1,418\",3 of 22 departments\n"
    ))
    plan = plan_figure_import(store, corrected)
    assert plan.counts["updated"] == 1 and plan.counts["added"] == 0
    apply_import(store, plan)
    updated = figure(store, "GT", 2021, "inspectors")
    assert (updated.uid, updated.value, updated.scope, updated.source) == (uid, 1_418, "3 of 22 departments", "MINTRAB")
    assert store.enforcement.count() == 4


def test_a_real_figure_replaces_a_demo_one(store: Store, tmp_path: Path) -> None:
    store.enforcement.add(EnforcementFigure(partner_code="PE", year=2020, indicator="convictions", value=2,
                                                    demo=True))
    path = write_csv(tmp_path / "real.csv", "Partner,Year,Convictions\nPeru,2020,2\n")
    apply_import(store, plan_figure_import(store, path))
    assert figure(store, "PE", 2020, "convictions").demo is False


def with_row(row: list[object], index: int, value: object) -> list[object]:
    changed = list(row)
    changed[index] = value
    return changed


@pytest.mark.parametrize(("rows", "header", "expected"), [
    ([with_row(MEXICO_2022, 3, "52O")], WIDE_HEADER,
     "row 5, column No. of inspectors: '52O' is not a number; a count is a whole number such as 1,250"),
    ([with_row(MEXICO_2022, 1, 3025)], WIDE_HEADER,
     "row 5, column Year: 3025 is not a plausible year for a figure"),
    ([with_row(MEXICO_2022, 0, "Atlantis")], WIDE_HEADER,
     "row 5, column Country: partner 'Atlantis' is unknown"),
    ([MEXICO_2022], [*WIDE_HEADER[:-1], "Inspector morale"],
     "row 3, column Inspector morale: not a known indicator; name it as one of: Labor inspectorate funding (USD)"),
    ([MEXICO_2022, with_row(MEXICO_2022, 3, 530)], WIDE_HEADER,
     "row 6, column Year: Mexico 2022 is also in row 5; each partner and year may appear once"),
    ([with_row(MEXICO_2022, 2, "€15,400,000")], WIDE_HEADER,
     "row 5, column Labor inspectorate funding (USD): '€15,400,000' is in EUR, not USD; convert it to USD"),
    ([with_row(MEXICO_2022, 4, "sometimes")], WIDE_HEADER,
     "row 5, column Sufficient to enforce laws according to ILO: 'sometimes' is not yes or no"),
], ids=["letter-in-count", "year-3025", "unknown-partner", "unknown-indicator-column", "repeated-row",
        "other-currency", "not-yes-or-no"])
def test_bad_rows_are_refused_by_row_and_column(store: Store, tmp_path: Path, rows: list[list[object]],
                                                header: list[str], expected: str) -> None:
    apply_import(store, plan_figure_import(store, wide_file(tmp_path, PERU_2022)))  # figures already stored
    before = stored(store)
    path = wide_file(tmp_path, PERU_2022, *rows, header=header)
    with pytest.raises(ImportRejected) as refused:
        plan = plan_figure_import(store, path)
        apply_import(store, plan)
    assert len(refused.value.problems) == 1, refused.value.problems
    assert refused.value.problems[0].startswith(f"{path} {expected}"), refused.value.problems
    assert stored(store) == before


def test_long_layout_problems(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "long.csv", (
        "Partner,Year,Indicator,Value\n"
        "Peru,2021,Inspector morale,4\n"
        "Peru,2021,Convictions,\n"
        "Peru,2021,Convictions,3\n"
        "Peru,2021,Convictions,4\n"
        "Peru,2021,Prosecutions,-2\n"
    ))
    plan = plan_figure_import(store, path)
    assert [p.removeprefix(f"{path} ").split(";")[0] for p in plan.problems] == [
        "row 2, column Indicator: indicator 'Inspector morale' is unknown",
        "row 3, column Value: must not be empty (this row has other cells filled)",
        "row 5, column Value: Peru 2021, Convictions is also in row 4",
        "row 6, column Value: '-2' is negative",
    ]
    with pytest.raises(ImportRejected):
        apply_import(store, plan)
    assert store.enforcement.count() == 0


def test_both_layouts_at_once_are_refused(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "mixed.csv", "Partner,Year,Indicator,Value,Convictions\nPeru,2021,Prosecutions,4,3\n")
    with pytest.raises(ImportRejected, match="use one layout"):
        plan_figure_import(store, path)


def test_years_before_the_first_the_record_takes_are_refused(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "old.csv", "Partner,Year,Convictions\nPeru,FY1985,2\nPeru,FY2020,3\n")
    plan = plan_figure_import(store, path)
    assert [p.removeprefix(f"{path} ") for p in plan.problems] == [
        "row 2, column Year: Year must be between 1990 and 2100"]


def test_a_formula_or_an_error_cell_is_refused(store: Store, tmp_path: Path) -> None:
    path = wide_file(tmp_path, with_row(with_row(MEXICO_2022, 3, "=500+20"), 6, "#N/A"))
    problems = [p.removeprefix(f"{path} ") for p in plan_figure_import(store, path).problems]
    assert problems == [
        "row 4, column No. of inspectors: holds a formula (=500+20); replace it by its value "
        "(copy, then paste as values)",
        "row 4, column Number of labor inspections conducted: shows the error #N/A; correct or clear the cell",
    ]


def test_a_stale_plan_never_doubles_a_figure(store: Store, tmp_path: Path) -> None:
    path = wide_file(tmp_path, MEXICO_2022)
    first, second = plan_figure_import(store, path), plan_figure_import(store, path)
    apply_import(store, first)
    with pytest.raises(ImportRejected, match="the store changed while the file was being checked"):
        apply_import(store, second)
    assert store.enforcement.count() == 9


def test_a_status_column_may_say_unavailable_in_the_long_layout(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "status.csv", "Partner,Year,Indicator,Value,Status\n"
                                              "Peru,2021,Prosecutions,,Not available\n"
                                              "Peru,2021,Convictions,4,Unavailable\n"
                                              "Peru,2021,Inspections,9,Oops\n")
    assert [p.removeprefix(f"{path} ") for p in plan_figure_import(store, path).problems] == [
        "row 3, column Value: holds a figure, but the Status column says unavailable; keep one",
        "row 4, column Status: 'Oops' is not one of: Reported, Unavailable",
    ]
    fine = write_csv(tmp_path / "fine.csv", "Partner,Year,Indicator,Value,Status\nPeru,2021,Prosecutions,,n/a\n")
    apply_import(store, plan_figure_import(store, fine))
    assert figure(store, "PE", 2021, "prosecutions").status is FigureStatus.UNAVAILABLE
    wide = write_csv(tmp_path / "wide.csv", "Partner,Year,Convictions,Status\nPeru,2021,4,Reported\n")
    with pytest.raises(ImportRejected, match="column Status: belongs to the layout with one figure a row"):
        plan_figure_import(store, wide)
