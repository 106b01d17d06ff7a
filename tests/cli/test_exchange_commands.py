"""`pack`, `merge` and `conflicts` on the command line: exit 3 while conflicts wait."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from council_prep.cli import main
from council_prep.demo import load_demo
from council_prep.domain import LawChangeStatus
from council_prep.store import Store


def test_pack_merge_and_decide_a_conflict(tmp_path: Path):
    office, laptop = tmp_path / "office.db", tmp_path / "laptop.db"
    with Store.open(office) as store:
        load_demo(store)
    shutil.copy(office, laptop)
    for path, status in ((office, LawChangeStatus.ADOPTED), (laptop, LawChangeStatus.REPEALED)):
        with Store.open(path) as store:
            change = store.law_changes.one(title=store.law_changes.find()[0].title)
            change.status = status
            change.follow_up = f"Checked on the {path.stem}" if path == laptop else change.follow_up
            store.law_changes.update(change)
    runner = CliRunner()
    packed = runner.invoke(main, ["pack", "--store", str(laptop), "-o", str(tmp_path / "laptop.cpx")])
    assert packed.exit_code == 0 and "2 steps from site" in packed.output  # the demo, then the edit
    dry = runner.invoke(main, ["merge", "--store", str(office), str(tmp_path / "laptop.cpx"), "--dry-run"])
    assert dry.exit_code == 0 and dry.output.startswith("Would merge laptop.cpx")
    merged = runner.invoke(main, ["merge", "--store", str(office), str(tmp_path / "laptop.cpx")])
    assert merged.exit_code == 3, merged.output
    assert "updated: 1 (1 law change)" in merged.output and "conflicts: 1" in merged.output
    assert "status: here 'adopted', theirs 'repealed'" in merged.output
    listed = json.loads(runner.invoke(main, ["conflicts", "--store", str(office), "--json"]).output)
    assert [(c["field"], c["mine"], c["theirs"]) for c in listed] == [("status", "adopted", "repealed")]
    decided = runner.invoke(main, ["conflicts", "--store", str(office), "--decide", str(listed[0]["id"]), "theirs"])
    assert decided.exit_code == 0 and "No conflicts wait" in decided.output
    with Store.open(office) as store:
        change = store.law_changes.find()[0]
        assert change.status is LawChangeStatus.REPEALED and change.follow_up == "Checked on the laptop"
    again = runner.invoke(main, ["merge", "--store", str(office), str(tmp_path / "laptop.cpx")])
    assert again.exit_code == 0 and "updated: 0" in again.output


def test_a_file_that_is_no_package_is_one_line(tmp_path: Path):
    office = tmp_path / "office.db"
    Store.open(office).close()
    (tmp_path / "notes.cpx").write_text("not a package")
    result = CliRunner().invoke(main, ["merge", "--store", str(office), str(tmp_path / "notes.cpx")])
    assert result.exit_code == 1
    assert result.output.strip().endswith("not a council-prep package, or a damaged one (file is not a database)")
