"""`council-prep import indicators|projects` as a user runs them: the plan, --dry-run, the write, a second
run that changes nothing, and a bad file refused with exit 1 naming file, row and column."""

from pathlib import Path

from council_prep.store import Store
from tests.cli.running import run
from tests.importers.files import write_csv

FIGURES = ("Country,Year,No. of inspectors,Labor inspectorate funding (USD),Violations found,Scope\n"
           "Mexico,2023,\"1,024\",\"$22,500,000\",Unavailable,Federal only\n"
           "Peru,2023,1012,USD 9.8 million,15230,\n")


def new_store(path: Path) -> Path:
    with Store.open(path):
        pass
    return path


def test_indicators_dry_run_import_and_again(tmp_path: Path) -> None:
    store = new_store(tmp_path / "store.db")
    source = write_csv(tmp_path / "figures.csv", FIGURES)
    dry = run("import", "indicators", "--store", str(store), str(source), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"{source}: enforcement figures: 6 added, 0 updated, 0 unchanged" in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    with Store.open(store) as opened:
        assert opened.enforcement.count() == 0

    done = run("import", "indicators", "--store", str(store), str(source))
    assert done.returncode == 0, done.stderr
    assert f"Imported into {store}." in done.stdout
    again = run("import", "indicators", "--store", str(store), str(source))
    assert again.returncode == 0, again.stderr
    assert "enforcement figures: 0 added, 0 updated, 6 unchanged" in again.stdout
    with Store.open(store) as opened:
        assert opened.enforcement.count() == 6
        assert opened.can_undo()[1] == "Import enforcement figures from figures.csv"  # type: ignore[index]


def test_indicators_bad_file_exits_1_naming_row_and_column(tmp_path: Path) -> None:
    store = new_store(tmp_path / "store.db")
    source = write_csv(tmp_path / "figures.csv", FIGURES.replace("Peru,2023", "Peru,3025"))
    refused = run("import", "indicators", "--store", str(store), str(source))
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert f"{source} row 3, column Year: 3025 is not a plausible year" in refused.stderr
    assert "nothing was written" in refused.stderr
    with Store.open(store) as opened:
        assert opened.enforcement.count() == 0


def test_projects_import_and_missing_file(tmp_path: Path) -> None:
    store = new_store(tmp_path / "store.db")
    source = write_csv(tmp_path / "projects.csv", "Title,Grantee,Amount,Start,End,Country\n"
                                                  "Safer mines,ILO,\"$3,000,000\",2023-01-01,2026-12-31,Colombia\n")
    done = run("import", "projects", "--store", str(store), str(source))
    assert done.returncode == 0, done.stderr
    assert "projects: 1 added" in done.stdout
    with Store.open(store) as opened:
        (project,) = opened.projects.find()
        assert (project.title, project.amount, project.partner_code) == ("Safer mines", 3_000_000, "CO")
    missing = run("import", "projects", "--store", str(store), str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
