from datetime import date

import pytest

from council_prep.domain import AgendaItem, LawChange, Meeting, Question, QuestionStatus, ValidationError
from council_prep.domain.schedule import over_budget, running_clock
from council_prep.domain.text import clean, folded, is_right_to_left


def meeting(**changes) -> Meeting:
    values = dict(agreement_key="us-peru-tpa", title="Seventh meeting", session_date=date(2027, 3, 4),
                  partner_codes=["PE"])
    return Meeting(**(values | changes))


def messages(record) -> list[str]:
    return [p.message for p in record.problems()]


def test_valid_meeting_has_no_problems():
    assert meeting(public_session_date=date(2027, 3, 5)).problems() == []


def test_public_session_before_government_session_is_explained():
    found = meeting(public_session_date=date(2027, 3, 3)).problems()
    assert [(p.field, p.message) for p in found] == [
        ("public_session_date", "Public session date must not be before the government session date")
    ]


def test_minutes_allotted_out_of_range():
    assert messages(AgendaItem(title="Opening", minutes=0)) == ["Minutes allotted must be between 1 and 600"]
    assert messages(AgendaItem(title="Opening", minutes=601)) == ["Minutes allotted must be between 1 and 600"]
    assert messages(AgendaItem(title="Opening", minutes=600)) == []


def test_validate_raises_with_every_problem():
    with pytest.raises(ValidationError) as caught:
        meeting(title=" ", partner_codes=[], length_minutes=0).validate()
    fields = {p.field for p in caught.value.problems}
    assert fields == {"title", "partner_codes", "length_minutes"}
    assert "Meeting title must not be empty" in str(caught.value)


def test_law_change_dates_in_order_and_url_checked():
    change = LawChange(partner_code="PE", title="Decree", introduced_on=date(2025, 5, 1),
                       adopted_on=date(2025, 4, 1), source_url="ftp://example")
    assert messages(change) == [
        "Date adopted must not be before the date introduced",
        "Source URL must start with http:// or https://",
    ]


def test_unknown_enum_value_lists_allowed_ones():
    question = Question(text="Why?", status="maybe")  # type: ignore[arg-type]
    assert messages(question) == ["Question status 'maybe' is not one of: new, assigned, answered, withdrawn"]


def test_assigned_question_needs_assignee():
    assert messages(Question(text="Why?", status=QuestionStatus.ASSIGNED)) == ["An assigned question needs an assignee"]


def test_text_is_cleaned_of_control_characters_but_keeps_scripts():
    question = Question(text="Bell\x07 and NUL\x00 — ¿Qué? 노동 العمال 🙂\r\nnext")
    assert question.text == "Bell and NUL — ¿Qué? 노동 العمال 🙂\nnext"
    assert clean("a\x0bb") == "ab"


def test_every_ascii_character_is_cleaned_as_before():
    """Printable ASCII is answered without the scans; each other ASCII character still goes through them."""
    for code in range(128):
        char = chr(code)
        kept = "\n" if char == "\r" else char if char.isprintable() or char in "\t\n" else ""
        assert clean(f"a{char}b") == f"a{kept}b", repr(char)


def test_folded_text_ignores_case_and_spacing():
    assert folded("  What  about\n Child labor? ") == folded("what about child LABOR?")


def test_right_to_left_detection():
    assert is_right_to_left("  ما هي حقوق العمال؟")
    assert not is_right_to_left("Workers: ما هي")
    assert not is_right_to_left("12345")


def test_running_clock_and_budget():
    from datetime import time

    slots = running_clock(time(9, 0), [15, 45, 30])
    assert [(s.starts.strftime("%H:%M"), s.ends.strftime("%H:%M")) for s in slots] == [
        ("09:00", "09:15"), ("09:15", "10:00"), ("10:00", "10:30")]
    assert over_budget(60, [15, 45, 30]) == 30
    assert over_budget(120, [15, 45, 30]) == 0


def test_plain_strings_of_valid_choices_become_members():
    from council_prep.domain import LawChangeStatus

    change = LawChange(partner_code="PE", title="Decree", status="in_force")  # type: ignore[arg-type]
    assert change.status is LawChangeStatus.IN_FORCE and change.problems() == []
