"""Exchanging changes between laptops: `pack` of the changed questions and `merge` of that package
into the store they came from a copy of, each beside sqlite3 doing the same rows."""

import shutil
from pathlib import Path

from common import APP, PYTHON, RAW, Row, Spread, environment, interleaved, run
from data import large_store


def _laptop(folder: Path, office: Path, changed: int) -> tuple[Path, str]:
    """A copy of the office store on which `changed` questions were assigned, in one step; and the
    moment before that step (what the package is made since)."""
    from datetime import UTC, datetime

    from council_prep.store import Store

    since = datetime.now(UTC).isoformat()
    laptop = folder / "laptop.db"
    shutil.copyfile(office, laptop)
    with Store.open(laptop) as store:
        ids = store.questions.select_ids()[:changed]
        with store.transaction("Assign the questions"):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                store.conn.execute(f"UPDATE questions SET status = 'assigned', assignee = 'Desk officer' "
                                   f"WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
    return laptop, since


def measure(folder: Path, questions: int, changed: int, rounds: int) -> tuple[dict, list[Row]]:
    office = large_store(folder / "office.db", questions, 0)
    laptop, since = _laptop(folder, office, changed)
    env = environment(folder)
    copies = iter(range(10_000))

    def fresh_office() -> Path:
        target = folder / f"office-{next(copies)}.db"
        shutil.copyfile(office, target)
        return target

    package = folder / "laptop.cpx"
    packs = interleaved({"app": lambda: run([*APP, "pack", "--store", str(laptop), "--since", since,
                                             "-o", str(package)], env),
                         "raw": lambda: run([PYTHON, str(RAW / "pack.py"), str(laptop), str(folder / "raw.cpx"),
                                             since], env)}, rounds)
    merges = interleaved({"app": lambda: run([*APP, "merge", "--store", str(fresh_office()), str(package)], env),
                          "raw": lambda: run([PYTHON, str(RAW / "merge_package.py"), str(fresh_office()),
                                              str(package)], env)}, rounds)
    pack_app, pack_raw = (Spread.of([r.seconds for r in packs[k]]) for k in ("app", "raw"))
    merge_app, merge_raw = (Spread.of([r.seconds for r in merges[k]]) for k in ("app", "raw"))
    what = f"{changed:,} changed questions, store of {questions:,}"
    return ({"merge_10k_s": merge_app.median, "pack_10k_s": pack_app.median},
            [Row(f"pack: {what}", f"council-prep pack {pack_app.text('s', 2)}",
                 f"sqlite3 copy of the log {pack_raw.text('s', 2)}", f"{pack_app.median / pack_raw.median:.2f}×"),
             Row(f"merge: {what}", f"council-prep merge {merge_app.text('s', 2)}",
                 f"sqlite3 UPDATE by uid {merge_raw.text('s', 2)}",
                 f"{merge_app.median / merge_raw.median:.2f}×")])
