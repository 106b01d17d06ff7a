"""How long the workbook export takes for 100,000 questions, against raw openpyxl writing the same cells.

Every run happens in a fresh child process of this script (so each peak memory is its own): one calls
export_xlsx on an in-memory book; the others write the same values to the same sheets with a bare
write-only openpyxl workbook (no tables, validation or charts), once as plain values and once with the
paragraphs as wrapped cells. All build the same book first.

    .venv/bin/python benchmarks/xlsx_export.py [--questions N]
"""

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from council_prep.book import Book, Profile
from council_prep.domain import (
    Agreement,
    AskerType,
    Channel,
    Meeting,
    Partner,
    Question,
    QuestionStatus,
    Topic,
)

TOPICS = ["freedom_of_association", "child_labor", "minimum_wages", "labor_law_enforcement"]


def big_book(questions: int) -> Book:
    """A meeting with `questions` questions of realistic length and variety (no store needed)."""
    topics = {key: Topic(key=key, label=key.replace("_", " ").capitalize()) for key in TOPICS}
    start = datetime(2027, 2, 1, 9, 0)
    records = [
        Question(
            id=n, meeting_id=1, text=f"Question {n}: what is being done about case {n % 977} in the sector? " * 3,
            asker_name=f"Asker {n % 5000}", organization=f"Organization {n % 300}",
            asker_type=list(AskerType)[n % 6], topic_key=TOPICS[n % 4], channel=list(Channel)[n % 4],
            received_at=start + timedelta(minutes=n), status=list(QuestionStatus)[n % 4],
            assignee="J. Smith" if n % 4 == 1 else "", suggested_answer="A suggested answer. " * (n % 5),
        )
        for n in range(1, questions + 1)
    ]
    return Book(
        profile=Profile.INTERNAL, prepared_on=date(2027, 3, 1),
        meeting=Meeting(id=1, agreement_key="cafta-dr", title="Benchmark meeting", session_date=date(2027, 3, 4),
                        partner_codes=["GT"]),
        agreement=Agreement(key="cafta-dr", name="CAFTA-DR"), partners=[Partner(code="GT", name="Guatemala")],
        topics=topics, schedule=[], law_changes=[], submissions=[], questions=records,
    )


def ours(book: Book, output: Path) -> None:
    from council_prep.exporters.xlsx import export_xlsx

    export_xlsx(book, output)


def raw(book: Book, output: Path, *, styled: bool = False) -> None:
    """The same values with bare openpyxl: what streaming the data costs with nothing around it.

    Plain: values as they are (openpyxl picks the types, a leading "=" would become a formula).
    Styled: the same cells the app writes: every value a cell, text typed as text, top-aligned,
    paragraphs wrapped, dates formatted; the styles are shared, as any careful writer would.
    """
    from datetime import date, datetime

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    from council_prep.exporters.xlsx import data_sheets
    from council_prep.exporters.xlsx_cells import Kind

    workbook = Workbook(write_only=True)
    for spec in data_sheets(book):
        sheet = workbook.create_sheet(spec.title)
        sheet.append([c.header for c in spec.columns])
        looks = {}
        for name, alignment, number_format in (("top", Alignment(vertical="top"), None),
                                               ("wrap", Alignment(vertical="top", wrap_text=True), None),
                                               ("date", Alignment(vertical="top"), "yyyy-mm-dd"),
                                               ("datetime", Alignment(vertical="top"), "yyyy-mm-dd hh:mm")):
            prototype = WriteOnlyCell(sheet)
            prototype.alignment = alignment
            if number_format:
                prototype.number_format = number_format
            looks[name] = prototype._style
        getters = [(c.get, c.kind is Kind.LONG) for c in spec.columns]
        for record in spec.records:
            row = []
            for get, long_text in getters:
                value = get(record)
                if not styled or value is None or value == "":
                    row.append(value if value != "" else None)
                    continue
                cell = WriteOnlyCell(sheet)
                if isinstance(value, str):
                    cell._value, cell.data_type = value, "s"
                    look = "wrap" if long_text and len(value) >= 30 else "top"
                else:
                    cell.value = value.replace(tzinfo=None) if isinstance(value, datetime) else value
                    look = "datetime" if isinstance(value, datetime) else "date" if isinstance(value, date) else "top"
                cell._style = looks[look]
                row.append(cell)
            sheet.append(row)
    workbook.create_sheet("Summary").append(["Summary"])
    workbook.save(output)


def child(which: str, questions: int) -> None:
    book = big_book(questions)
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / f"{which}.xlsx"
        started = time.perf_counter()
        if which == "ours":
            ours(book, output)
        else:
            raw(book, output, styled=which == "raw-styled")
        seconds = time.perf_counter() - started
        size = output.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "size_mb": size / 2**20}))


def run(which: str, questions: int, repeat: int = 2) -> dict:
    """The fastest of `repeat` runs, each in a fresh process (other work on the machine only slows runs down)."""
    results = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--child", which, "--questions", str(questions)],
                              capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    return min(results, key=lambda r: r["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--child", choices=["ours", "raw", "raw-styled"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.questions)
        return
    print(f"Python {platform.python_version()} on {platform.machine()}; {args.questions:,} questions")
    base = run("raw", args.questions)
    styled = run("raw-styled", args.questions)
    mine = run("ours", args.questions)
    for name, result in (("raw, plain values", base), ("raw, the same cells", styled), ("export_xlsx", mine)):
        print(f"{name:<24} {result['seconds']:6.2f} s   peak {result['peak_mb']:6.0f} MB   "
              f"file {result['size_mb']:5.1f} MB")
    print(f"ratio to the same cells {mine['seconds'] / styled['seconds']:.2f} (goal <= 1.3), to plain values "
          f"{mine['seconds'] / base['seconds']:.2f}; "
          f"peak {mine['peak_mb']:.0f} MB (goal < 300 MB)")


if __name__ == "__main__":
    main()
