"""The question inside a mail: what the sender wrote, without quoted mails or a signature."""

from pathlib import Path

import pytest

from council_prep.importers import plan_question_import
from council_prep.importers.mail import about, question_in
from council_prep.store import Store
from tests.importers import layouts

DESK = "Council Desk <desk@example.gov>"


@pytest.mark.parametrize(("body", "question"), [
    (f"What about wages?\n\nThanks,\nBo\n\nOn Mon, Feb 22, 2027 at 8:14 AM {DESK} wrote:\n> Send questions",
     "What about wages?"),
    (f"¿Qué medidas hay contra el trabajo forzoso?\n\nEl lun, 22 feb 2027 a las 8:14, {DESK}\nescribió:\n> Envíe",
     "¿Qué medidas hay contra el trabajo forzoso?"),
    (f"How many inspectors?\n\n________________________________\nFrom: {DESK}\n"
     "Sent: Monday, February 22, 2027 8:14 AM\nTo: Ana\nSubject: Public session questions\n\nSend questions",
     "How many inspectors?"),
    ("Will the Council discuss child labor?\n-- \nAna Pérez | Sindicato X | +51 1 555 0100",
     "Will the Council discuss child labor?"),
    ("On the subject of wages, what changed?\nTwo lines -- with dashes -- stay.",
     "On the subject of wages, what changed?\nTwo lines -- with dashes -- stay."),
    ("   ", ""),
])
def test_question_in_a_mail_body(body: str, question: str) -> None:
    assert question_in(body) == question


@pytest.mark.parametrize(("subject", "wanted", "expected"), [
    ("RE: FW: Public Session Questions – Peru", "public session questions", True),
    ("Fwd:   public  session questions", "Public session questions", True),
    ("Parking", "Public session questions", False),
])
def test_subject_line(subject: str, wanted: str, expected: bool) -> None:
    assert about(subject, wanted) is expected


def test_a_mail_marked_private_keeps_its_sender_confidential(store: Store, tmp_path: Path) -> None:
    path = layouts.outlook(tmp_path / "mailbox.csv")
    text = path.read_text(encoding="utf-8").replace("Bo Chen,bo@ngo.org,SMTP,Question mailbox,"
                                                    "questions@example.gov,SMTP,,,Normal,Normal",
                                                    "Bo Chen,bo@ngo.org,SMTP,Question mailbox,"
                                                    "questions@example.gov,SMTP,,,Normal,Private")
    path.write_text(text, encoding="utf-8")
    plan = plan_question_import(store, layouts.empty_meeting(store), path)
    assert [(q.asker_name, q.confidential) for q in plan.added] == [("Ana Pérez", False), ("Bo Chen", True),
                                                                    ("Dan Roe", False)]
