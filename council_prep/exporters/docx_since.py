"""The page that opens a book made after an earlier one: what changed since, counted and listed."""

from collections.abc import Callable

from council_prep.book import Book
from council_prep.exporters.docx_writer import Writer

_MOST = 25  # a long list is cut here, with a line saying how many more


def changes_since(w: Writer, book: Book, _tick: Callable[[], None]) -> None:
    """A book made after an earlier one of its edition opens with what changed since; the first has no such page."""
    since = book.changes_since
    if since is None:
        return
    when = book.date(since.since.astimezone().date())
    w.heading(f"Changes since the book of {when}", 1)
    if not since.count:
        w.text(f"Nothing in this book has changed since the book of {when} ({since.file_name}).")
        return
    w.text(f"{since.count} change{'s' if since.count != 1 else ''} since the book of {when} ({since.file_name}).")
    sections: list[tuple[str, list[str]]] = [
        ("Agenda items added", since.items_added),
        ("Agenda items removed", since.items_removed),
        ("Agenda items moved", [f"{title} (from position {old} to {new})" for title, old, new in since.items_moved]),
        ("Agenda items re-worded", [f"{r.title}: {', '.join(r.fields).lower()}" for r in since.items_reworded]),
        ("New law changes", since.law_changes_new),
        ("Law changes with a new status", [f"{title}: {old} → {new}" for title, old, new in since.law_changes_status]),
        ("New questions", since.questions_new),
        ("Questions answered", since.questions_answered),
    ]
    for title, lines in sections:
        if not lines:
            continue
        w.heading(f"{title} ({len(lines)})", 2)
        w.bullets(lines[:_MOST])
        if len(lines) > _MOST:
            w.note(f"… and {len(lines) - _MOST} more.")
