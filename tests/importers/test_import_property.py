"""Whatever a file looks like (header spellings, encodings, dates, uid spellings, text), an imported
confidential asker never reaches the public book or workbook, and every imported question is in the
internal book."""

import csv
import io
import re
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council_prep.book import Profile, assemble_book
from council_prep.domain import Meeting
from council_prep.domain.fields import field
from council_prep.exporters.docx import export_docx
from council_prep.exporters.xlsx import export_xlsx
from council_prep.importers import apply_import, plan_question_import
from council_prep.store import Store
from tests.importers.files import write_xlsx
from tests.importers.zip_parts import zip_text

COLUMNS = ("text", "asker_name", "organization", "asker_email", "received_at", "uid")
CONFIDENTIALITY_HEADERS = ("Confidential", "Confidential?", "Confidential (yes/no)", "Keep my name confidential",
                           "Anonymous?", "Do not publish my name", "¿Confidencial?", "Anónimo", "Withhold name",
                           "No publicar mi nombre")
YES = ("Yes", "yes", "Y", "TRUE", "1", "x", "X", "Sí", "si", "checked", "✓")
NO = ("No", "no", "N", "FALSE", "0", "", "-")
# Letters people write, without those whose pairs look like mojibake (Â Ã Ä Å €) and without separators.
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñÑüÜçÇàèìòùâêîôûëïÿœŒšŠžŽßøØ¿¡«»' "
BEYOND_1252 = "ąęłżŁΩαβ漢字אבג"
# (how the date is written, the zone's offset in hours it names, whether the time of day is written)
DATES: tuple[tuple[str, int | None, bool], ...] = (
    ("%Y-%m-%d", None, False), ("%m/%d/%Y", None, False), ("%d %B %Y %H:%M", None, True),
    ("%B %d, %Y %H:%M EST", -5, True), ("%Y-%m-%dT%H:%M:%S-05:00", -5, True),
    ("%Y-%m-%d %I:%M %p UTC+14", 14, True), ("%Y-%m-%d %H:%M CET", 1, True),
)


@dataclass
class Case:
    """One generated file: its rows (as written) and how to write it."""

    headers: dict[str, str]  # field -> header as written
    order: list[str]
    rows: list[dict[str, object]]
    confidential: list[bool]
    moments: list[datetime]  # what each row's Received cell means
    encoding: str  # "xlsx" or a CSV encoding
    delimiter: str


def spellings(name: str) -> st.SearchStrategy[str]:
    spec = field("question", name)
    return st.sampled_from((spec.header, *spec.aliases)).flatmap(
        lambda h: st.sampled_from((h, h.upper(), h.lower(), f" {h.title()}: ")))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    encoding = draw(st.sampled_from(("xlsx", "utf-8", "utf-8-sig", "cp1252")))
    alphabet = LATIN + (BEYOND_1252 if encoding in ("xlsx", "utf-8", "utf-8-sig") else "")
    words = st.text(alphabet=alphabet, min_size=1, max_size=12).map(str.strip).filter(bool)
    yes = [v for v in YES if encoding != "cp1252" or v != "✓"]
    headers = {name: draw(spellings(name)) for name in COLUMNS}
    headers["confidential"] = draw(st.sampled_from(CONFIDENTIALITY_HEADERS))
    order = draw(st.permutations([*COLUMNS, "confidential"]))
    rows, confidential, moments = [], [], []
    for number in range(draw(st.integers(1, 6))):
        secret = draw(st.booleans())
        moment = draw(st.datetimes(datetime(2000, 1, 1), datetime(2030, 12, 31))).replace(second=0, microsecond=0)
        form, hours, with_time = draw(st.sampled_from(DATES))
        as_cell = encoding == "xlsx" and draw(st.booleans())
        meant = moment if with_time or as_cell else datetime.combine(moment.date(), time())
        moments.append(meant if as_cell or hours is None else meant.replace(tzinfo=timezone(timedelta(hours=hours))))
        uid = str(uuid.uuid4())  # fresh: the examples share one store, where a uid may belong to one record only
        uid = draw(st.sampled_from((uid, uid.upper(), f"{{{uid}}}", f"urn:uuid:{uid}", None)))
        rows.append({
            "text": f"{draw(words)} question {number}?",
            "asker_name": f"{draw(words)} Asker{number}q{draw(st.integers(100, 999))}",
            "organization": f"Org{number}k{draw(st.integers(100, 999))} {draw(words)}",
            "asker_email": f"asker{number}.{draw(st.integers(100, 999))}@example.org",
            "received_at": moment if as_cell else moment.strftime(form),
            "uid": uid,
            "confidential": draw(st.sampled_from(yes if secret else NO)),
        })
        confidential.append(secret)
    return Case(headers, order, rows, confidential, moments, encoding, draw(st.sampled_from((",", ";", "\t"))))


def write(case: Case, folder: Path) -> Path:
    table = [[case.headers[name] for name in case.order],
             *[[row[name] for name in case.order] for row in case.rows]]
    if case.encoding == "xlsx":
        return write_xlsx(folder / "questions.xlsx", table, title="Form responses")
    text = io.StringIO()
    csv.writer(text, delimiter=case.delimiter, lineterminator="\r\n").writerows(
        [["" if v is None else v for v in row] for row in table])
    path = folder / "questions.csv"
    path.write_bytes(text.getvalue().encode(case.encoding))
    return path


@pytest.fixture(scope="module")
def shared_store() -> Iterator[tuple[Store, Path]]:
    """One store for every example (each gets its own meeting): opening a store per example is slow."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "store.db") as store:
        yield store, Path(folder)


def plain(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


@settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(case=cases())
def test_no_confidential_asker_leaks_and_no_question_is_lost(shared_store: tuple[Store, Path], case: Case) -> None:
    store, root = shared_store
    meeting = store.meetings.add(Meeting(agreement_key="cafta-dr", partner_codes=["GT"], title="Council",
                                         session_date=date(2027, 3, 4), start_time=time(9)))
    folder = Path(tempfile.mkdtemp(dir=root))
    path = write(case, folder)
    plan = plan_question_import(store, meeting.id, path)  # type: ignore[arg-type]
    assert plan.problems == [] and plan.counts["added"] == len(case.rows), (plan.problems, plan.summary())
    apply_import(store, plan)

    public = assemble_book(store, meeting.id, profile=Profile.PUBLIC)  # type: ignore[arg-type]
    parts = [zip_text(export_docx(public, folder / "public.docx")), zip_text(export_xlsx(public,
                                                                                        folder / "public.xlsx"))]
    texts = parts + [plain(part) for part in parts]
    for row, secret in zip(case.rows, case.confidential, strict=True):
        for name in ("asker_name", "organization", "asker_email"):
            value = str(row[name])
            found = any(value.casefold() in text.casefold() for text in texts)
            if secret:
                assert not found, f"the confidential {name} {value!r} is in the public edition"
            elif name != "asker_email":  # e-mail addresses are never exported
                assert found, f"the public {name} {value!r} is missing: this check would miss a leak"

    internal = assemble_book(store, meeting.id)  # type: ignore[arg-type]
    in_book = {q.text for group in internal.question_threads_by_topic() for thread in group.items
               for q in (thread.question, *thread.duplicates)}
    assert in_book == {row["text"] for row in case.rows}
    stored = {q.text: q for q in store.questions.find(meeting_id=meeting.id)}
    for row, secret, moment in zip(case.rows, case.confidential, case.moments, strict=True):
        question = stored[str(row["text"])]
        assert question.confidential is secret
        if row["uid"]:
            assert question.uid == str(uuid.UUID(str(row["uid"])))
        assert question.received_at == moment and question.received_at.utcoffset() == moment.utcoffset(), (
            row["received_at"], question.received_at, moment)
