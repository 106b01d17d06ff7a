"""Mail exported from a question mailbox (Outlook's CSV export): which columns hold what, the
question inside a mail's body, and whether a mail is about the meeting (its subject line).

The body of a reply or a forward carries the earlier mails and a signature; only what the
asker wrote is the question. mail-parser-reply splits a body at the headers mail programs
write ("-----Original Message-----", "On … wrote:", "From: … Sent: …", in several languages)
and leaves out signatures.
"""

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from council_prep.domain.text import folded

if TYPE_CHECKING:
    from mailparser_reply import EmailReplyParser

LAYOUT = "Outlook mail export"
LANGUAGES = ["en", "es", "fr", "de"]
SUBJECT = "subject"  # not a field of a question: the column that says whether a mail is about the meeting
# Each field of a mail export, by its header's words (accents and punctuation aside), English then Spanish.
_COLUMNS = {
    "text": ("body", "cuerpo", "message", "mensaje"),
    "asker_name": ("from name", "de nombre", "sender name"),
    "asker_email": ("from address", "de direccion", "sender address", "sender email"),
    "received_at": ("received", "recibido", "date", "fecha", "sent", "enviado"),
    "confidential": ("sensitivity", "confidencialidad", "sensibilidad"),
    SUBJECT: ("subject", "asunto"),
}
_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|rv|tr|aw|wg)\s*:\s*)+", re.IGNORECASE)
_SIGNATURE = re.compile(r"\n-- ?\n.*\Z", re.DOTALL)
# The line above a quoted mail in the languages the library does not know well ("El … escribió:").
_QUOTE_HEADER = re.compile(r"^[ \t]*(On|El|Le|Am|Em)\s[^\n]{0,300}(?:\n[^\n]{0,200})?"
                           r"\b(wrote|escribió|escribio|a écrit|schrieb|escreveu)\s*:[ \t]*$", re.MULTILINE)


def recognise(headers: dict[int, str]) -> dict[str, int] | None:
    """Field -> column of a mail export, given each column's header in plain words; None when the
    row is not one (it needs a body column and the sender)."""
    first: dict[str, int] = {}
    for col, header in headers.items():
        first.setdefault(header, col)
    found: dict[str, int] = {}
    for name, spellings in _COLUMNS.items():  # the likeliest spelling first: Received before Date
        col = next((first[spelling] for spelling in spellings if spelling in first), None)
        if col is not None:
            found[name] = col
    if "text" in found and ("asker_name" in found or "asker_email" in found):
        return found
    return None


@lru_cache(maxsize=1)
def _parser() -> "EmailReplyParser":
    from mailparser_reply import EmailReplyParser

    return EmailReplyParser(languages=LANGUAGES)


def question_in(body: str) -> str:
    """What the sender wrote: the body without the quoted mails below it and without a signature."""
    if not body.strip():
        return ""
    quoted = _QUOTE_HEADER.search(body)
    if quoted and body[:quoted.start()].strip():
        body = body[:quoted.start()]
    replies = _parser().read(text=body).replies
    text = replies[0].body if replies else body
    return _SIGNATURE.sub("", "\n" + text.strip()).strip()


def about(subject: str, wanted: str) -> bool:
    """True when a mail's subject carries the subject line asked for, whatever "RE:"/"FW:" and case."""
    return folded(wanted) in folded(_REPLY_PREFIX.sub("", subject))


def kept_private(sensitivity: str) -> str:
    """A mail marked Private or Confidential asks that its sender stay confidential; Normal and Personal do not."""
    return "yes" if folded(sensitivity) in _PRIVATE else "no"


_PRIVATE = {"private", "confidential", "privado", "privada", "confidencial"}
# How a mail export's cells are read before they become a question's fields.
CELLS = {"text": question_in, "confidential": kept_private}
