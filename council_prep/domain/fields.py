"""One description of every field of every record: its label, its Excel header and the other names
an imported file may give it, whether search reads it, and who may see it.

Importers, both exporters, the window's tables, search and the public edition read this module;
nothing else spells a field's label, header or sensitivity.
"""

from dataclasses import dataclass
from enum import StrEnum


class Sensitivity(StrEnum):
    """Who may see a field's value."""

    PUBLIC = "public"  # in every edition
    INTERNAL = "internal"  # never in the public edition
    IDENTITY = "identity"  # names an asker: left out of the public edition when the asker asked for it


@dataclass(frozen=True)
class Field:
    """A field of a record as people see it."""

    name: str  # the record's attribute
    label: str  # in forms, tables and messages
    header: str = ""  # the workbook's column header and the import format's; "" = not in the workbook
    aliases: tuple[str, ...] = ()  # other headers an imported file may use
    # Words that make a longer header (a form's whole sentence) a candidate for this field: groups of
    # equally likely words, the likeliest group first; matched as whole words, accents and case aside
    # (importers.header_meaning).
    hints: tuple[tuple[str, ...], ...] = ()
    searchable: bool = False
    sensitivity: Sensitivity = Sensitivity.PUBLIC

    @property
    def internal(self) -> bool:
        return self.sensitivity is Sensitivity.INTERNAL


INTERNAL, IDENTITY = Sensitivity.INTERNAL, Sensitivity.IDENTITY
_UID = Field("uid", "uid", "uid", ("UUID", "Record uid"))

_FIELDS: dict[str, tuple[Field, ...]] = {
    "meeting": (
        Field("agreement_key", "Agreement", "Agreement"),
        Field("title", "Title", "Title", searchable=True),
        Field("session_date", "Session date", "Session date"),
        Field("partner_codes", "Partners", "Partners"),
        Field("start_time", "Starts at", "Starts at"),
        Field("length_minutes", "Length (minutes)", "Length"),
        Field("public_session_date", "Public session", "Public session"),
        Field("location", "Location", "Location"),
        Field("status", "Status", "Status"),
        Field("handling_marking", "Handling marking", "Handling", sensitivity=INTERNAL),
        Field("question_deadline", "Question deadline", "Question deadline"),
        Field("intake_addresses", "Question mailboxes", "Question mailboxes"),
        Field("subject_line", "Subject line for questions", "Subject line"),
        Field("book_due_on", "Book due", "Book due", ("Book due on", "Book deadline"), sensitivity=INTERNAL),
        _UID,
    ),
    "agenda_item": (
        Field("meeting_id", "Meeting"),
        Field("position", "Position", "#"),
        Field("title", "Title", "Item", ("Title", "Agenda item"), searchable=True),
        Field("topic_key", "Topic", "Topic", ("Subject", "Theme")),
        Field("minutes", "Minutes", "Minutes", ("Time", "Duration")),
        Field("status", "Status", "Status", sensitivity=INTERNAL),
        Field("objective", "Objective", "Objective", searchable=True, sensitivity=INTERNAL),
        Field("talking_points", "Talking points", "Talking points", searchable=True, sensitivity=INTERNAL),
        Field("background", "Background", "Background", searchable=True, sensitivity=INTERNAL),
        Field("public_summary", "Public summary", "Public summary", searchable=True),
        Field("lead", "Lead", "Lead", ("Speaker", "Led by"), searchable=True),
        Field("law_change_ids", "Law changes", "Law changes"),
        Field("submission_ids", "Submissions", "Submissions"),
        Field("depth", "Brief depth", "Depth", ("Brief depth",), sensitivity=INTERNAL),
        Field("press", "Press", "Press", ("Press status",), sensitivity=INTERNAL),
        Field("points_to_make", "Points to make", "Points to make", ("Key points",), searchable=True,
              sensitivity=INTERNAL),
        Field("points_to_avoid", "Points to avoid", "Points to avoid", ("Defensive points", "Avoid"),
              searchable=True, sensitivity=INTERNAL),
        Field("asks", "Likely asks and our response", "Asks", ("Likely asks",), searchable=True,
              sensitivity=INTERNAL),
        Field("press_line", "Press line", "Press line", ("Press lines",), searchable=True, sensitivity=INTERNAL),
        Field("continues_id", "Continues", "Continues", ("Follows up",), sensitivity=INTERNAL),
        Field("lead_person_id", "Lead (directory)", "Lead person", sensitivity=INTERNAL),
        Field("speaker_ids", "Speakers", "Speakers", sensitivity=INTERNAL),
        _UID,
    ),
    "law_change": (
        Field("partner_code", "Partner", "Partner", ("Country", "Partner country", "Country code", "Partner code")),
        Field("title", "Title of the instrument", "Title",
              ("Instrument", "Name of the instrument", "Law", "Title of the instrument"), searchable=True),
        Field("instrument_type", "Instrument type", "Instrument type", ("Type", "Kind", "Instrument kind")),
        Field("status", "Status", "Status", ("Stage", "State")),
        Field("introduced_on", "Introduced", "Introduced", ("Date introduced", "Introduced on", "Proposed on")),
        Field("adopted_on", "Adopted", "Adopted", ("Date adopted", "Adopted on", "Enacted", "Passed")),
        Field("effective_on", "Effective", "Effective",
              ("Effective date", "Effective on", "In force since", "Entry into force")),
        Field("topic_keys", "Topics", "Topics", ("Topic", "Subjects", "Themes")),
        Field("summary", "Summary", "Summary", ("Description", "Abstract"), searchable=True),
        Field("source_citation", "Source", "Source", ("Citation", "Source citation", "Official gazette"),
              searchable=True),
        Field("source_url", "Source URL", "Source URL", ("URL", "Link", "Web address")),
        Field("assessment", "Assessment", "Assessment", ("Analysis", "Evaluation"), searchable=True,
              sensitivity=INTERNAL),
        Field("follow_up", "Follow-up", "Follow-up", ("Follow up", "Next steps", "Action"), searchable=True,
              sensitivity=INTERNAL),
        _UID,
    ),
    "submission": (
        Field("identifier", "Identifier", "Identifier", ("Submission", "Number"), searchable=True),
        Field("partner_code", "Partner", "Partner", ("Country",)),
        Field("agreement_key", "Agreement", "Agreement"),
        Field("date_filed", "Filed", "Filed", ("Date filed", "Filed on")),
        Field("submitters", "Submitters", "Submitters", ("Submitted by", "Petitioners"), searchable=True),
        Field("topic_keys", "Topics", "Topics", ("Topic",)),
        Field("status", "Status", "Status"),
        Field("status_note", "Status note", "Status note", ("Note",), searchable=True),
        Field("summary", "Summary", "Summary", ("Description",), searchable=True),
        Field("accepted_on", "Accepted", "Accepted", ("Accepted on", "Date accepted", "Acceptance date")),
        Field("report_due_on", "Report due", "Report due", ("Report due on", "Due")),
        Field("report_published_on", "Report published", "Report published",
              ("Published", "Report issued", "Date of report")),
        _UID,
    ),
    "question": (
        Field("meeting_id", "Meeting"),
        Field("text", "Question", "Question", ("Question text", "Your question", "Questions", "Text",
                                               "Question asked"), searchable=True,
              hints=(("question", "pregunta", "ask", "preguntar", "consulta", "inquiry"),)),
        Field("asker_name", "Asker", "Asker", ("Name", "Full name", "Asker name", "Your name", "Submitted by",
                                               "From"), searchable=True, sensitivity=IDENTITY,
              hints=(("full name", "nombre completo", "your name", "su nombre"),
                     ("name", "nombre", "sender", "remitente"))),
        Field("organization", "Organization", "Organization", ("Org", "Organisation", "Organization name",
                                                               "Affiliation", "Your organization"),
              searchable=True, sensitivity=IDENTITY,
              hints=(("organization", "organizacion", "organisation", "company", "affiliation", "afiliacion",
                      "institution", "institucion", "empresa", "entidad"),)),
        Field("asker_email", "E-mail", "E-mail", ("Email", "Email address", "E-mail address", "Mail",
                                                  "Your email"), searchable=True, sensitivity=IDENTITY,
              hints=(("email", "e mail", "correo", "sender address", "mail"),)),
        Field("asker_type", "Asker type", "Asker type", ("Type", "Organization type", "Type of organization",
                                                         "Category", "Stakeholder type")),
        Field("topic_key", "Topic", "Topic", ("Subject", "Theme", "Issue")),
        Field("channel", "Channel", "Channel", ("Received via", "Source", "How received")),
        Field("received_at", "Received", "Received", ("Submitted", "Date", "Received at", "Date received",
                                                      "Timestamp", "Submitted at", "Date submitted"),
              hints=(("completion time", "hora de finalizacion"),
                     ("timestamp", "marca temporal", "submitted", "received", "recibido", "enviado"),
                     ("date", "fecha"), ("start time", "hora de inicio"))),
        Field("status", "Status", "Status", ("State",)),
        Field("assignee", "Assignee", "Assignee", ("Assigned to", "Owner"), searchable=True,
              sensitivity=INTERNAL),
        Field("suggested_answer", "Suggested answer", "Suggested answer",
              ("Answer", "Draft answer", "Response", "Proposed answer"), searchable=True,
              sensitivity=INTERNAL),
        Field("confidential", "Confidential", "Confidential",
              ("Withhold name", "Keep name confidential", "Anonymous")),
        Field("duplicate_of", "Duplicate of", "Duplicate of", ("Duplicate",)),
        _UID,
    ),
    "person": (
        Field("name", "Name", "Name", ("Full name", "Person"), searchable=True),
        Field("pronunciation", "Pronunciation", "Pronunciation", ("Pronounced", "Phonetic"),
              sensitivity=INTERNAL),
        Field("title", "Title", "Title", ("Position", "Job title"), searchable=True),
        Field("organization", "Organization", "Organization", ("Organisation", "Ministry", "Agency", "Institution"),
              searchable=True),
        Field("side", "Side", "Side", ("Delegation", "Government")),
        Field("partner_code", "Country", "Country", ("Partner", "Country code")),
        Field("biography", "Biography", "Biography", ("Bio", "Biographical note"), searchable=True,
              sensitivity=INTERNAL),
        Field("email", "E-mail", "E-mail", ("Email", "Email address"), sensitivity=INTERNAL),
        _UID,
    ),
    "participant": (
        Field("meeting_id", "Meeting"),
        Field("person_id", "Person", "Person", ("Name",)),
        Field("role", "Role", "Role", ("Function",)),
        Field("position", "Order", "#"),
        _UID,
    ),
    "commitment": (
        Field("text", "Commitment", "Commitment", ("Text", "Undertaking", "Action"), searchable=True),
        Field("side", "Side", "Side", ("Owner side", "Party")),
        Field("owner_person_id", "Owner", "Owner", ("Responsible", "Person")),
        Field("due_on", "Due", "Due", ("Due date", "Deadline", "By")),
        Field("status", "Status", "Status", ("State",), sensitivity=INTERNAL),
        Field("source_meeting_id", "Made at", "Meeting", ("Source meeting",)),
        Field("source_note", "Source", "Source", ("Source note", "Reference"), searchable=True),
        Field("agenda_item_ids", "Agenda items", "Agenda items"),
        _UID,
    ),
    "enforcement_figure": (
        Field("partner_code", "Partner", "Partner", ("Country", "Country code", "Partner code")),
        Field("year", "Year", "Year", ("Fiscal year", "Period")),
        Field("indicator", "Figure", "Indicator", ("Figure", "Measure", "Metric")),
        Field("value", "Value", "Value", ("Amount", "Number", "Figure value")),
        Field("status", "Status", "Status", ("Availability",)),
        Field("scope", "Scope", "Scope", ("Coverage", "Applies to")),
        Field("source", "Source", "Source", ("Source of data", "Citation")),
        Field("note", "Note", "Note", ("Notes", "Comment"), sensitivity=INTERNAL),
        Field("demo", "Demonstration data", "Demo", ("Demo data",)),
        _UID,
    ),
    "project": (
        Field("title", "Title", "Title", ("Project", "Project title", "Name"), searchable=True),
        Field("grantee", "Grantee", "Grantee", ("Implementer", "Implementing organization", "Awardee"),
              searchable=True),
        Field("amount", "Amount", "Amount", ("Award amount", "Funding", "Budget")),
        Field("currency", "Currency", "Currency", ("Cur",)),
        Field("start_on", "Start", "Start", ("Start date", "Starts", "Begins")),
        Field("end_on", "End", "End", ("End date", "Ends")),
        Field("status", "Status", "Status", ("State",)),
        Field("partner_code", "Partner", "Partner", ("Country", "Country code")),
        Field("topic_keys", "Topics", "Topics", ("Topic", "Themes")),
        Field("summary", "Summary", "Summary", ("Description", "Objectives"), searchable=True),
        Field("agenda_item_ids", "Agenda items", "Agenda items"),
        Field("law_change_ids", "Law changes", "Law changes"),
        _UID,
    ),
}
# Two columns that together hold a field, joined with a space (first and last name).
JOINED_PARTS: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("question", "asker_name"): (("first name", "given name", "nombre", "nombres", "prenom"),
                            ("last name", "surname", "family name", "apellido", "apellidos", "nom de famille")),
}
_BY_NAME = {kind: {f.name: f for f in fields} for kind, fields in _FIELDS.items()}


def fields_of(kind: str) -> tuple[Field, ...]:
    """The described fields of a kind of record ("question"), in the order people see them."""
    return _FIELDS.get(kind, ())


def field(kind: str, name: str) -> Field:
    """One field's description; KeyError names the kind and field when it is not described."""
    try:
        return _BY_NAME[kind][name]
    except KeyError:
        raise KeyError(f"no field {name!r} is described for {kind!r}") from None


def label_of(kind: str, name: str) -> str:
    """The field's label, or its name in words when it is not described (identity, timestamps)."""
    described = _BY_NAME.get(kind, {}).get(name)
    return described.label if described else name.replace("_", " ").capitalize()


def names_with(kind: str, sensitivity: Sensitivity) -> tuple[str, ...]:
    """Names of a kind's fields of that sensitivity, e.g. what the public edition leaves out."""
    return tuple(f.name for f in fields_of(kind) if f.sensitivity is sensitivity)


def searchable(kind: str) -> tuple[str, ...]:
    return tuple(f.name for f in fields_of(kind) if f.searchable)
