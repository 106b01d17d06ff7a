"""The files staff really receive, imported into a real store and read back: form responses, an
attendee list, a mailbox's export and a webinar's Q&A report, in English and Spanish wording."""

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from council_prep.domain import Channel, Question
from council_prep.importers import (
    ImportRejected,
    MappingUncertain,
    UnreadableFileError,
    apply_import,
    choose_columns,
    plan_question_import,
    propose_mapping,
)
from council_prep.store import Store
from tests.importers import layouts
from tests.importers.files import snapshot

EST, PST = timezone(timedelta(hours=-5)), timezone(timedelta(hours=-8))


@pytest.fixture
def meeting_id(store: Store) -> int:
    return layouts.empty_meeting(store)


def imported(store: Store, meeting_id: int, path: Path, **options: object) -> list[Question]:
    """Import the file for real, then read the meeting's questions back from the store, oldest first."""
    plan = plan_question_import(store, meeting_id, path, **options)  # type: ignore[arg-type]
    assert plan.problems == []
    apply_import(store, plan)
    return sorted(store.questions.find(meeting_id=meeting_id), key=lambda q: q.id or 0)


def test_google_forms_responses(store: Store, meeting_id: int, tmp_path: Path) -> None:
    questions = imported(store, meeting_id, layouts.google_forms(tmp_path / "Responses.csv"))
    assert [(q.text, q.asker_name, q.asker_email, q.organization, q.confidential) for q in questions] == [
        ("How many labor inspectors were hired in 2026?", "Ana Pérez", "ana@sindicato.pe", "SUTEP", False),
        ("Will the Council discuss forced labor in logging, and what data will Peru share?", "Luis Gómez",
         "luis@ong.org", "", True),
        ("What changed in the registration of unions since the last meeting?", "Kim Park", "kim@uni.edu",
         "State University", False),
    ]
    assert [q.received_at for q in questions] == [datetime(2027, 2, 22, 8, 14, 3, tzinfo=EST),
                                                  datetime(2027, 2, 23, 16, 2, 51, tzinfo=EST),
                                                  datetime(2027, 2, 24, 9, 30, tzinfo=PST)]


def test_microsoft_forms_workbook(store: Store, meeting_id: int, tmp_path: Path) -> None:
    questions = imported(store, meeting_id, layouts.microsoft_forms(tmp_path / "Council questions.xlsx"))
    assert [(q.text, q.asker_name, q.asker_email, q.organization, q.received_at) for q in questions] == [
        ("What is the timeline for the new occupational safety regulation?", "Rosa Quispe", "rosa@cgtp.org.pe",
         "CGTP", datetime(2027, 2, 22, 8, 14, 3)),  # the completion time, not the start time
        ("How are migrant workers protected in agro-export?", "", "", "", datetime(2027, 2, 25, 17, 3, 30)),
    ]


def test_eventbrite_attendees_who_asked_nothing_are_skipped_and_counted(store: Store, meeting_id: int,
                                                                       tmp_path: Path) -> None:
    path = layouts.eventbrite(tmp_path / "attendees.csv")
    plan = plan_question_import(store, meeting_id, path)
    assert (len(plan.added), plan.skipped, plan.rejected) == (2, 6, 0)
    assert f"{path}: 6 rows skipped (no question: 6)" in plan.summary()
    questions = imported(store, meeting_id, path)
    assert [(q.text, q.asker_name, q.organization, q.received_at) for q in questions] == [
        ("What is being done about child labor in cocoa?", "Attendee3 Torres", "Export Association",
         datetime(2027, 2, 20, 10, 3)),
        ("Will subcontracting rules change?", "Attendee6 Torres", "Export Association", datetime(2027, 2, 20, 10, 6)),
    ]


def test_outlook_mail_export(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = layouts.outlook(tmp_path / "mailbox.csv")
    plan = plan_question_import(store, meeting_id, path, subject="public session QUESTIONS")
    assert (len(plan.added), plan.duplicates, plan.skipped) == (2, 1, 1)  # the same mail in two mailboxes
    assert plan.skip_reasons == {"another subject": 1}
    questions = imported(store, meeting_id, path, subject="public session QUESTIONS")
    assert [(q.text, q.asker_name, q.asker_email, q.channel, q.received_at) for q in questions] == [
        ("Dear Council,\n\nWhat steps are being taken on forced labor in fishing?", "Ana Pérez", "ana@pescadores.pe",
         Channel.EMAIL, datetime(2027, 2, 22, 9, 14)),
        ("Is the minimum wage review on the agenda?", "Bo Chen", "bo@ngo.org", Channel.EMAIL,
         datetime(2027, 3, 2, 18, 40)),
    ]
    again = plan_question_import(store, meeting_id, path, subject="Public session questions")
    assert (len(again.added), again.duplicates) == (0, 3)


def test_outlook_export_without_a_subject_line_keeps_every_mail(store: Store, meeting_id: int,
                                                                tmp_path: Path) -> None:
    plan = plan_question_import(store, meeting_id, layouts.outlook(tmp_path / "mailbox.csv"))
    assert (len(plan.added), plan.skipped) == (3, 0)
    assert "Topic ←" not in plan.columns_read  # the subject is not read as the topic


def test_zoom_report_preamble_is_skipped(store: Store, meeting_id: int, tmp_path: Path) -> None:
    questions = imported(store, meeting_id, layouts.zoom_report(tmp_path / "qa.csv"))
    assert [(q.text, q.asker_name, q.asker_email) for q in questions] == [
        ("Will the minutes be published?", "Eva Ruiz", "eva@example.org"),
        ("Is there a follow-up session?", "Max Lin", "max@example.org"),
    ]


@pytest.mark.parametrize("headers", [
    ["Marca temporal", "Dirección de correo electrónico", "Nombre completo", "Organización (opcional)",
     "¿Qué pregunta desea plantear al Consejo de Asuntos Laborales?", "Mantener mi nombre confidencial"],
    ["Submitted at", "Your e-mail", "Your name", "Affiliation", "Please type the question you want answered",
     "Anonymous?"],
])
def test_other_wording_of_a_form(store: Store, meeting_id: int, tmp_path: Path, headers: list[str]) -> None:
    questions = imported(store, meeting_id, layouts.google_forms(tmp_path / "respuestas.csv", headers))
    assert [(q.asker_name, q.asker_email, q.organization, q.confidential) for q in questions] == [
        ("Ana Pérez", "ana@sindicato.pe", "SUTEP", False), ("Luis Gómez", "luis@ong.org", "", True),
        ("Kim Park", "kim@uni.edu", "State University", False)]
    assert questions[0].text == "How many labor inspectors were hired in 2026?"
    assert questions[0].received_at == datetime(2027, 2, 22, 8, 14, 3, tzinfo=EST)


def test_spanish_attendee_list_joins_first_and_last_name(store: Store, meeting_id: int, tmp_path: Path) -> None:
    headers = ["Pedido n.º", "Fecha del pedido", "Nombre", "Apellidos", "Correo electrónico",
               "Nombre de la organización", "Tipo de entrada", "Estado", "Última modificación",
               "Pregunta para el Consejo (opcional)"]
    questions = imported(store, meeting_id, layouts.eventbrite(tmp_path / "asistentes.csv", headers))
    assert [(q.asker_name, q.asker_email, q.organization) for q in questions] == [
        ("Attendee3 Torres", "a3@example.org", "Export Association"),
        ("Attendee6 Torres", "a6@example.org", "Export Association")]


def test_spanish_mail_export(store: Store, meeting_id: int, tmp_path: Path) -> None:
    headers = ["Asunto", "Cuerpo", "De: (nombre)", "De: (dirección)", "De: (tipo)", "Para: (nombre)",
               "Para: (dirección)", "Para: (tipo)", "CC: (nombre)", "Categorías", "Importancia", "Confidencialidad",
               "Fecha", "Recibido"]
    plan = plan_question_import(store, meeting_id, layouts.outlook(tmp_path / "buzon.csv", headers),
                                subject="Public session questions")
    assert [(q.asker_name, q.asker_email, q.received_at) for q in plan.added] == [
        ("Ana Pérez", "ana@pescadores.pe", datetime(2027, 2, 22, 9, 14)),
        ("Bo Chen", "bo@ngo.org", datetime(2027, 3, 2, 18, 40))]


def test_an_ambiguous_question_column_asks_for_a_choice(store: Store, meeting_id: int, tmp_path: Path) -> None:
    headers = ["Timestamp", "Name", "What question would you like to ask the Council?",
               "Any questions about logistics (travel, interpretation)?"]
    path = layouts.write_rows(tmp_path / "two.csv", [headers, ["2/22/27 8:20", "Ana", "On wages?", "Parking?"]])
    before = snapshot(store)
    with pytest.raises(MappingUncertain) as caught:
        plan_question_import(store, meeting_id, path)
    assert str(caught.value) == (
        f"{path} row 1: the Question could be in column “What question would you like to ask the Council?” or "
        "“Any questions about logistics (travel, interpretation)?”; choose the columns")
    proposal = propose_mapping(path)
    assert not proposal.mapping.certain and proposal.uncertain == {"text": [2, 3]}
    assert proposal.preview == [["2/22/27 8:20", "Ana", "On wages?", "Parking?"]]
    chosen = choose_columns(proposal, [("text", headers[2])])
    assert chosen.certain
    (question,) = imported(store, meeting_id, path, mapping=chosen)
    assert (question.text, question.asker_name) == ("On wages?", "Ana")
    assert len(snapshot(store)) == len(before) + 1


def test_a_file_with_no_question_column_names_what_could_be_one(store: Store, meeting_id: int,
                                                               tmp_path: Path) -> None:
    path = layouts.write_rows(tmp_path / "plain.csv", [["Name", "Email", "Comments to the Council"],
                                                       ["Ana", "ana@x.org", "Please publish the agenda early."]])
    with pytest.raises(MappingUncertain, match="no column is clearly the Question; it could be column "
                                               "“Comments to the Council”"):
        plan_question_import(store, meeting_id, path)


def test_a_changed_drop_down_is_what_gets_imported(store: Store, meeting_id: int, tmp_path: Path) -> None:
    proposal = propose_mapping(layouts.google_forms(tmp_path / "Responses.csv"))
    mapping = proposal.mapping
    assert mapping.field_at(3) == "organization"
    mapping.assign(3, None)  # the person sets the Organization column to "(not imported)"
    mapping.assign(2, "asker_name")
    questions = imported(store, meeting_id, proposal.path, mapping=mapping)
    assert {q.organization for q in questions} == {""}
    plan = plan_question_import(store, meeting_id, proposal.path, mapping=mapping)
    assert "Organization (optional)" in plan.ignored_columns


def test_signature_names_a_header_set(tmp_path: Path) -> None:
    one = propose_mapping(layouts.google_forms(tmp_path / "a.csv"))
    same = propose_mapping(layouts.write_rows(tmp_path / "b.csv", [layouts.GOOGLE_HEADERS, ["x"] * 6]))
    other = propose_mapping(layouts.eventbrite(tmp_path / "c.csv"))
    assert one.signature == same.signature != other.signature
    assert one.headers == layouts.GOOGLE_HEADERS and len(one.preview) == 3


def test_hostile_timestamps_name_row_and_column(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = layouts.write_rows(tmp_path / "bad.csv", [layouts.GOOGLE_HEADERS,
        ["2027/02/22 8:14:03 AM XYZ", "a@x.org", "Secret Asker", "", "One?", "Yes"],
        ["2/30/27 8:20", "b@x.org", "B", "", "Two?", ""],
        ["45000.5", "c@x.org", "C", "", "Three?", ""],
        ["2027/02/22 8:14:03 AM EST", "d@x.org", "D", "", "Four?", ""],
        ["99/99/9999 99:99", "e@x.org", "E", "", "Five?", ""],
    ])
    before = snapshot(store)
    plan = plan_question_import(store, meeting_id, path)
    assert [p.split(": ", 1)[0] for p in plan.problems] == [f"{path} row {n}, column Timestamp" for n in (2, 3, 4, 6)]
    assert "time zone is not one council-prep knows" in plan.problems[0]
    assert all("Secret Asker" not in p for p in plan.problems)  # a confidential asker is never named
    with pytest.raises(ImportRejected):
        apply_import(store, plan)
    assert snapshot(store) == before


def test_questions_after_the_deadline_are_kept_and_counted(store: Store, meeting_id: int, tmp_path: Path) -> None:
    meeting = store.meetings.get(meeting_id)
    meeting.question_deadline = datetime(2027, 2, 23, 12, 0, tzinfo=UTC)
    store.meetings.update(meeting)
    path = layouts.google_forms(tmp_path / "Responses.csv")
    plan = plan_question_import(store, meeting_id, path)
    assert (len(plan.added), plan.late) == (3, 2)  # 23 Feb 16:02 EST and 24 Feb: after noon UTC on 23 Feb
    assert f"{path}: 2 received after the question deadline (kept, marked late)" in plan.summary()


def test_two_columns_with_the_same_meaning_ask_for_a_choice(store: Store, meeting_id: int, tmp_path: Path) -> None:
    headers = ["Email", "Name", "Your email", "Your question"]  # the form's login address and a question for one
    path = layouts.write_rows(tmp_path / "ms.csv", [headers, ["anonymous", "anonymous", "ana@x.org", "Why?"]])
    with pytest.raises(MappingUncertain, match="the E-mail could be in column “Email” or “Your email”"):
        plan_question_import(store, meeting_id, path)
    chosen = choose_columns(propose_mapping(path), [("email", "Your email")])
    (question,) = imported(store, meeting_id, path, mapping=chosen)
    assert (question.asker_email, question.asker_name) == ("ana@x.org", "")


def test_a_mail_export_offers_the_subject_as_a_choice(tmp_path: Path) -> None:
    proposal = propose_mapping(layouts.outlook(tmp_path / "mailbox.csv"))
    assert proposal.mapping.layout == "Outlook mail export"
    assert proposal.mapping.field_at(0) == "subject" and ("subject", "Subject (mails about the meeting)") in \
        proposal.choices
    assert "subject" not in dict(propose_mapping(layouts.google_forms(tmp_path / "form.csv")).choices)


def test_choosing_two_name_columns_joins_them(store: Store, meeting_id: int, tmp_path: Path) -> None:
    headers = ["Given", "Family", "Contact", "Your question"]
    path = layouts.write_rows(tmp_path / "names.csv", [headers, ["Ana", "Pérez", "ana@x.org", "Why?"]])
    proposal = propose_mapping(path)
    chosen = choose_columns(proposal, [("asker", "Given"), ("asker", "family"), ("E-mail", "Contact")])
    (question,) = imported(store, meeting_id, path, mapping=chosen)
    assert (question.asker_name, question.asker_email) == ("Ana Pérez", "ana@x.org")
    with pytest.raises(UnreadableFileError, match="'email' is chosen twice; only the asker"):
        choose_columns(proposal, [("email", "Contact"), ("email", "Given")])
    left_out = choose_columns(proposal, [("asker", "Given"), ("asker", "")])  # "asker=" leaves the asker out
    assert "asker_name" not in left_out.columns and left_out.column("text") == 3


def test_the_same_mail_is_one_question_however_its_sender_is_named(store: Store, meeting_id: int,
                                                                   tmp_path: Path) -> None:
    store.questions.add(Question(meeting_id=meeting_id, text="Is the minimum wage review on the agenda?",
                                 asker_name="Bo Chen"))  # typed in by hand before the mailbox was exported
    path = layouts.outlook(tmp_path / "mailbox.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[2][2] = "ana@pescadores.pe"  # the second mailbox names the sender by address
    layouts.write_rows(path, rows)
    plan = plan_question_import(store, meeting_id, path, subject="Public session questions")
    assert [q.asker_name for q in plan.added] == ["Ana Pérez"]
    assert plan.duplicates == 2  # the copy in the second mailbox, and Bo Chen's mail already typed in


def test_a_yes_or_no_column_is_not_taken_for_the_question(store: Store, meeting_id: int, tmp_path: Path) -> None:
    headers = ["Timestamp", "Full name", "Would you like to ask a question live during the session?",
               "What question would you like the Council to answer?"]
    path = layouts.write_rows(tmp_path / "form.csv", [headers, ["2/22/27 8:20", "Ana", "Yes", ""],
                                                      ["2/22/27 9:20", "Bo", "No", "Why so late?"]])
    (question,) = imported(store, meeting_id, path)
    assert (question.text, question.asker_name) == ("Why so late?", "Bo")
    assert propose_mapping(path).mapping.certain


def test_the_meetings_subject_line_filters_a_mail_export(store: Store, meeting_id: int, tmp_path: Path) -> None:
    meeting = store.meetings.get(meeting_id)
    meeting.subject_line = "Public Session Questions"
    store.meetings.update(meeting)
    plan = plan_question_import(store, meeting_id, layouts.outlook(tmp_path / "mailbox.csv"))
    assert (len(plan.added), plan.duplicates, plan.skip_reasons) == (2, 1, {"another subject": 1})
    everything = plan_question_import(store, meeting_id, tmp_path / "mailbox.csv", subject="")
    assert (len(everything.added), everything.skipped) == (3, 0)  # an empty --subject keeps every mail
