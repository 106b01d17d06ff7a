"""Files in the layouts staff receive, written as the tools that make them write them.

Each writer takes its headers as an argument, so a test can change the wording (another form's
sentence, a Spanish form) and show that the import does not depend on these exact headers.
"""

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl

from council_prep.domain import Meeting
from council_prep.store import Store

GOOGLE_HEADERS = ["Timestamp", "Email Address", "Full name", "Organization (optional)",
                  "What question would you like to ask the Labor Affairs Council?",
                  "Keep my name confidential (optional)"]
MICROSOFT_HEADERS = ["ID", "Start time", "Completion time", "Email", "Name", "Which organization do you represent?",
                     "What would you like to ask the Council?"]
EVENTBRITE_HEADERS = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Company", "Ticket Type",
                      "Attendee Status", "Last modified",
                      "Is there a question you would like the Council to address? (optional)"]
OUTLOOK_HEADERS = ["Subject", "Body", "From: (Name)", "From: (Address)", "From: (Type)", "To: (Name)",
                   "To: (Address)", "To: (Type)", "CC: (Name)", "Categories", "Importance", "Sensitivity",
                   "Date", "Received"]


def empty_meeting(store: Store) -> int:
    """A meeting with no questions yet; returns its id."""
    meeting = store.meetings.add(Meeting(agreement_key="cafta-dr", partner_codes=["GT"], title="LAC 2027",
                                         session_date=date(2027, 3, 4)))
    assert meeting.id is not None
    return meeting.id


def write_rows(path: Path, rows: list[list[object]]) -> Path:
    """A CSV file as a spreadsheet program saves it (quotes where needed, CRLF line ends)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def google_forms(path: Path, headers: list[str] = GOOGLE_HEADERS) -> Path:
    """A Google Forms responses CSV: timestamps with the form's zone, one asker asking to stay anonymous."""
    return write_rows(path, [headers,
        ["2027/02/22 8:14:03 AM EST", "ana@sindicato.pe", "Ana Pérez", "SUTEP",
         "How many labor inspectors were hired in 2026?", "No"],
        ["2027/02/23 4:02:51 PM EST", "luis@ong.org", "Luis Gómez", "",
         "Will the Council discuss forced labor in logging, and what data will Peru share?", "Yes"],
        ["2027/02/24 9:30:00 AM PST", "kim@uni.edu", "Kim Park", "State University",
         "What changed in the registration of unions since the last meeting?", ""],
    ])


def microsoft_forms(path: Path, headers: list[str] = MICROSOFT_HEADERS) -> Path:
    """A Microsoft Forms responses workbook: real date cells, "anonymous" where nobody signed in."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(headers)
    sheet.append([1, datetime(2027, 2, 22, 8, 10, 5), datetime(2027, 2, 22, 8, 14, 3), "rosa@cgtp.org.pe",
                  "Rosa Quispe", "CGTP", "What is the timeline for the new occupational safety regulation?"])
    sheet.append([2, datetime(2027, 2, 25, 17, 0), datetime(2027, 2, 25, 17, 3, 30), "anonymous", "anonymous",
                  None, "How are migrant workers protected in agro-export?"])
    book.save(path)
    return path


def eventbrite(path: Path, headers: list[str] = EVENTBRITE_HEADERS) -> Path:
    """An Eventbrite attendee list: most attendees asked nothing."""
    rows: list[list[object]] = [headers]
    for number in range(1, 9):
        rows.append([f"70{number}", "2/20/27 10:0" + str(number), f"Attendee{number}", "Torres",
                     f"a{number}@example.org", "Export Association", "General admission", "Attending", "2/21/27", ""])
    rows[3][-1] = "What is being done about child labor in cocoa?"
    rows[6][-1] = "Will subcontracting rules change?"
    return write_rows(path, rows)


def outlook(path: Path, headers: list[str] = OUTLOOK_HEADERS) -> Path:
    """An Outlook export of the question mailbox: replies with quoted mails and signatures, the same mail
    in two mailboxes, and a mail about something else."""
    fishing = ("Dear Council,\r\n\r\nWhat steps are being taken on forced labor in fishing?\r\n\r\n"
               "Best regards,\r\nAna Pérez\r\n-- \r\nSindicato de Pescadores | +51 1 555 0100\r\n\r\n"
               "-----Original Message-----\r\nFrom: Council Desk <desk@example.gov>\r\n"
               "Sent: Monday, February 22, 2027 8:00 AM\r\nSubject: Public session questions\r\n\r\n"
               "Please send your questions by March 1.")
    wages = ("Is the minimum wage review on the agenda?\r\n\r\n"
             "On Mon, Feb 22, 2027 at 8:00 AM Council Desk <desk@example.gov> wrote:\r\n"
             "> Please send your questions by March 1.")
    rows = [headers,
            _mail(headers, "Public session questions", fishing, "Ana Pérez", "ana@pescadores.pe",
                  "questions@example.gov", "Mon 2/22/2027 9:14 AM"),
            _mail(headers, "Public session questions", fishing, "Ana Pérez", "ana@pescadores.pe",
                  "labor.council@example.gov", "Mon 2/22/2027 9:14 AM"),
            _mail(headers, "RE: Public session questions", wages, "Bo Chen", "bo@ngo.org",
                  "questions@example.gov", "Tue 3/2/2027 6:40 PM"),
            _mail(headers, "Parking at the venue", "Where can I park?", "Dan Roe", "dan@example.org",
                  "questions@example.gov", "Tue 3/2/2027 7:00 PM")]
    return write_rows(path, rows)


def _mail(headers: list[str], subject: str, body: str, name: str, address: str, to: str, received: str) -> list[str]:
    sent = "Mon 2/1/2027 9:00 AM"  # the Date column: when the mail was sent, not when the mailbox got it
    return [subject, body, name, address, "SMTP", "Question mailbox", to, "SMTP", "", "", "Normal", "Normal", sent,
            received]


def zoom_report(path: Path) -> Path:
    """A Zoom webinar Q&A report: a preamble of report and webinar details above the questions."""
    return write_rows(path, [
        ["Question and Answer Report"],
        ["Report Generated:", "3/6/2027 10:00"],
        ["Topic", "Webinar ID", "Actual Start Time", "Actual Duration (minutes)", "# Question"],
        ["Labor Affairs Council public session", "812 3456 7890", "3/5/2027 9:00", "95", "2"],
        [],
        ["Question Details"],
        ["#", "Question", "Asker Name", "Asker Email", "Answer(s)"],
        ["1", "Will the minutes be published?", "Eva Ruiz", "eva@example.org", "Yes, within 30 days."],
        ["2", "Is there a follow-up session?", "Max Lin", "max@example.org", ""],
    ])
