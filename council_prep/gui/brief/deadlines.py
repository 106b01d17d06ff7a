"""Deadlines in words, the same everywhere: "Book due in 5 days", "Report overdue by 2 days"."""

from datetime import date

from council_prep.domain import Commitment, Record, Submission
from council_prep.gui.wording import counted


def countdown(what: str, due: date, today: date) -> str:
    """`what` due in N days, today, or overdue by N days ("Due in 2 days" when `what` is empty)."""
    days = (due - today).days
    if days > 1:
        words = f"due in {counted(days, 'day')}"
    elif days == 1:
        words = "due tomorrow"
    elif days == 0:
        words = "due today"
    else:
        words = f"overdue by {counted(-days, 'day')}"
    return f"{what} {words}" if what else words[0].upper() + words[1:]


def commitment_flag(record: Record, today: date) -> str:
    """'Past due by 3 days' for a commitment still open after its date; else nothing."""
    assert isinstance(record, Commitment)
    if record.due_on is None or not record.past_due(today):
        return ""
    return f"Past due by {counted((today - record.due_on).days, 'day')}"


def explain_commitment(record: Record | None, today: date) -> tuple[str, bool]:
    """Under a commitment's due date: how it stands today (missed or not)."""
    if not isinstance(record, Commitment) or record.due_on is None:
        return "", False
    flag = commitment_flag(record, today)
    if flag:
        return flag, True
    return (countdown("", record.due_on, today) if record.status.is_pending and record.due_on >= today
            else ""), False


def explain_report(record: Record | None, today: date) -> tuple[str, bool]:
    """Under a submission's report due date: the default when left empty, and whether the report is late."""
    if not isinstance(record, Submission):
        return "", False
    due = record.report_due()
    if due is None:
        return "", False
    default = "" if record.report_due_on else f"{due:%Y-%m-%d}, 180 days after acceptance. "
    if record.report_published_on:
        return f"{default}Report published {record.report_published_on:%Y-%m-%d}.", False
    if record.report_overdue(today):
        return f"{default}{countdown('Report', due, today)}.", True
    return f"{default}{countdown('Report', due, today)}.", False
