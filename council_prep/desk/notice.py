"""The text of a public-session notice from a meeting's data, for the officer to adapt: what the
Federal Register notice says of the session and of how questions reach the council."""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from council_prep.book.dates import format_date
from council_prep.domain import Meeting
from council_prep.errors import CouncilPrepError
from council_prep.store import Store

# Notices state deadlines in Washington time; the UTC time is given beside it.
NOTICE_ZONE = "America/New_York"


class NoticeError(CouncilPrepError):
    """The meeting lacks something the notice must state."""


def notice_text(store: Store, meeting_id: int) -> str:
    """The notice of the meeting's public session; NoticeError names everything it still lacks."""
    meeting = store.meetings.get(meeting_id)
    _require(meeting)
    agreement = store.agreements.one(key=meeting.agreement_key)
    agreement_name = agreement.name if agreement else meeting.agreement_key
    body = (agreement.labor_body if agreement else "") or "Labor Affairs Council"
    partners = _joined([p.name for code in meeting.partner_codes if (p := store.partners.one(code=code))] or
                       meeting.partner_codes, "and")
    addresses = _joined(meeting.intake_addresses, "or")
    deadline = meeting.question_deadline
    assert deadline is not None and meeting.public_session_date is not None  # _require saw to it
    return "\n".join([
        f"{body}: notice of a public session",
        "",
        f"The {body} established under the labor chapter of the {agreement_name} will meet "
        f"on {format_date(meeting.session_date)} ({meeting.location}) to review the implementation of "
        f"the chapter with {partners}. A public session will follow on "
        f"{format_date(meeting.public_session_date)}, at which the council will answer questions from the public.",
        "",
        "Questions for the public session",
        "",
        f"Questions must be received by {_moment(deadline)}. Send them by e-mail to {addresses}, with the "
        f'subject line "{meeting.subject_line}". Give your name and, if you write for one, your organization; '
        "say so if you do not want your name to be made public. Questions received after the deadline are "
        "kept, and answered as time allows.",
        "",
    ])


def _require(meeting: Meeting) -> None:
    lacking = [what for what, missing in (
        ("a public session date", meeting.public_session_date is None),
        ("a location", not meeting.location.strip()),
        ("a question deadline", meeting.question_deadline is None),
        ("the addresses that receive questions", not meeting.intake_addresses),
        ("a subject line for questions", not meeting.subject_line.strip()),
    ) if missing]
    if lacking:
        raise NoticeError(f"meeting {meeting.id} ({meeting.title}) lacks {_joined(lacking, 'and')} for its notice; "
                          "set them in the meeting's dialog")


def _moment(deadline: datetime) -> str:
    """'5:00 p.m. EST (22:00 UTC) on February 22, 2027' (the day as in Washington)."""
    utc = f"{deadline:%H:%M} UTC"
    try:
        local = deadline.astimezone(ZoneInfo(NOTICE_ZONE))
    except ZoneInfoNotFoundError:  # no time zone data on this machine: UTC alone is still exact
        return f"{utc} on {format_date(deadline)}"
    hour = f"{local:%I:%M}".lstrip("0") + (" a.m." if local.hour < 12 else " p.m.")
    return f"{hour} {local:%Z} ({utc}) on {format_date(local)}"


def _joined(items: list[str], conjunction: str) -> str:
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"
