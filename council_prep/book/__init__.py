"""The briefing book: one meeting's content as plain data, assembled from the store."""

from council_prep.book.assemble import assemble_book
from council_prep.book.dates import DateStyle
from council_prep.book.model import (
    SECTION_TITLES,
    WITHHELD,
    Asker,
    Book,
    Group,
    Profile,
    QuestionCounts,
    QuestionThread,
    ScheduledItem,
    Section,
    Withheld,
)

__all__ = [
    "SECTION_TITLES", "WITHHELD", "Asker", "Book", "DateStyle", "Group", "Profile", "QuestionCounts",
    "QuestionThread", "ScheduledItem", "Section", "Withheld", "assemble_book",
]
