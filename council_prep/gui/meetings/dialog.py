"""The meeting dialog: validates as the user types, explains what is wrong, and allows OK only when right."""

import re
from datetime import date, datetime, timedelta

from dateutil import tz
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import Meeting, MeetingStatus, label
from council_prep.gui import mnemonics
from council_prep.gui.forms import plain
from council_prep.gui.lookups import Lookups

DATE_HINT = "YYYY-MM-DD"
DEADLINE_HINT = "YYYY-MM-DD HH:MM"
# Zones a notice states its deadline in (the Federal Register's "5 p.m. Eastern Time" first).
DEADLINE_ZONES = [("Eastern Time", "America/New_York"), ("Central Time", "America/Chicago"),
                  ("Mountain Time", "America/Denver"), ("Pacific Time", "America/Los_Angeles"), ("UTC", "UTC")]
MARKINGS = ["", "SENSITIVE BUT UNCLASSIFIED", "FOR OFFICIAL USE ONLY", "CONTROLLED UNCLASSIFIED INFORMATION"]


class MeetingDialog(QDialog):
    """Edits a copy of a meeting; `meeting()` gives the result once accepted."""

    def __init__(self, lookups: Lookups, meeting: Meeting | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lookups = lookups
        self.original = meeting
        self.setWindowTitle("Edit meeting" if meeting else "New meeting")
        self.setObjectName("meeting-dialog")
        self.setMinimumWidth(560)
        self.title = QLineEdit()
        self.agreement = QComboBox()
        for key, agreement in lookups.agreements.items():
            self.agreement.addItem(agreement.display_name, key)
            self.agreement.setItemData(self.agreement.count() - 1, agreement.name, Qt.ItemDataRole.ToolTipRole)
        self.partners = QListWidget()
        self.partners.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        # Dates are typed whole, as ISO dates: a QDateEdit reads typed digits section by section
        # and turned 2027-06-15 into another date.
        self.session_date = QLineEdit(placeholderText=DATE_HINT)
        self.start_time = QTimeEdit(displayFormat="HH:mm")
        self.length = QSpinBox(minimum=0, maximum=24 * 60, singleStep=15, suffix=" min")
        self.has_public = QCheckBox("&Public session on")
        self.public_date = QLineEdit(placeholderText=DATE_HINT)
        self.location = QLineEdit()
        self.book_due = QLineEdit(placeholderText=f"{DATE_HINT} (optional)")
        self.book_due.setToolTip("The date by which the book must reach the delegation; the window counts down to it")
        self.status = QComboBox()
        for status in MeetingStatus:
            self.status.addItem(label(status), status)
        self.marking = QComboBox(editable=True)
        self.marking.addItems(MARKINGS)
        self.marking.lineEdit().setPlaceholderText("None")
        self.deadline = QLineEdit(placeholderText=DEADLINE_HINT + "  (none)")
        self.deadline_zone = QComboBox()
        self.deadline_zone.setAccessibleName("Deadline time zone")
        for name, zone in DEADLINE_ZONES:
            self.deadline_zone.addItem(name, zone)
        self.intake = QLineEdit(placeholderText="questions@example.gov; labor-council@example.gov")
        self.intake.setToolTip("The mailboxes the notice names for questions, separated by ; or ,")
        self.subject_line = QLineEdit()
        self.subject_line.setToolTip("The subject line the notice asks question mail to carry")
        self.problems = QLabel(objectName="problems", wordWrap=True)
        self.problems.setAccessibleName("Problems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._fill(meeting)
        self._session_shown = self.typed_date(self.session_date)
        self.session_date.textChanged.connect(self._session_date_changed)
        for signal in (self.title.textChanged, self.session_date.textChanged, self.public_date.textChanged,
                       self.length.valueChanged, self.location.textChanged, self.book_due.textChanged,
                       self.marking.currentTextChanged,
                       self.has_public.toggled, self.partners.itemChanged, self.start_time.timeChanged,
                       self.deadline.textChanged, self.deadline_zone.currentIndexChanged, self.intake.textChanged,
                       self.subject_line.textChanged):
            signal.connect(self.validate)
        self.agreement.currentIndexChanged.connect(self._agreement_changed)
        self.validate()
        mnemonics.assign(self)

    def _lay_out(self) -> None:
        form = QFormLayout()
        public = QHBoxLayout()
        public.addWidget(self.has_public)
        public.addWidget(self.public_date, 1)
        deadline = QHBoxLayout()
        deadline.addWidget(self.deadline, 1)
        deadline.addWidget(self.deadline_zone)
        rows = [("&Title", self.title), ("&Agreement", self.agreement), ("Pa&rtners", self.partners),
                ("Government &session", self.session_date), ("Start ti&me", self.start_time),
                ("Session &length", self.length), ("Public session", public), ("L&ocation", self.location),
                ("&Book due", self.book_due),
                ("Stat&us", self.status), ("&Handling marking", self.marking),
                ("Question &deadline", deadline), ("&Intake mailboxes", self.intake),
                ("Subject line", self.subject_line)]
        for text, field in rows:
            form.addRow(text, field)
            if isinstance(field, QWidget):
                field.setAccessibleName(plain(text))
        self.public_date.setAccessibleName("Public session date")
        self.deadline.setAccessibleName("Question deadline")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _fill(self, meeting: Meeting | None) -> None:
        today = date.today()
        self.title.setText(meeting.title if meeting else "")
        key = meeting.agreement_key if meeting else self._first_agreement_with_partners()
        self.agreement.setCurrentIndex(max(0, self.agreement.findData(key)))
        self._defaulted = [] if meeting else self._default_partners(key)
        self._fill_partners(meeting.partner_codes if meeting else self._defaulted)
        session = meeting.session_date if meeting else today
        self.session_date.setText(session.isoformat())
        start = meeting.start_time if meeting else None
        self.start_time.setTime(QTime(start.hour, start.minute) if start else QTime(9, 0))
        self.length.setValue(meeting.length_minutes if meeting else 360)
        public = meeting.public_session_date if meeting else None
        self.has_public.setChecked(public is not None or meeting is None)
        self.public_date.setText((public or session + timedelta(days=1)).isoformat())
        self.location.setText(meeting.location if meeting else "")
        self.book_due.setText(meeting.book_due_on.isoformat() if meeting and meeting.book_due_on else "")
        self.status.setCurrentIndex(self.status.findData(meeting.status if meeting else MeetingStatus.PLANNING))
        self.marking.setCurrentText(meeting.handling_marking if meeting else "")
        deadline = meeting.question_deadline if meeting else None
        zone = tz.gettz(self.deadline_zone.currentData())
        self.deadline.setText(deadline.astimezone(zone).strftime("%Y-%m-%d %H:%M") if deadline else "")
        self.intake.setText("; ".join(meeting.intake_addresses) if meeting else "")
        self.subject_line.setText(meeting.subject_line if meeting else "")

    def _partners_of(self, agreement_key: str) -> list[str]:
        return [code for code, p in self.lookups.partners.items() if agreement_key in p.agreement_keys]

    def _default_partners(self, agreement_key: str) -> list[str]:
        """An agreement with one partner (most FTAs) has it chosen already."""
        partners = self._partners_of(agreement_key)
        return partners if len(partners) == 1 else []

    def _first_agreement_with_partners(self) -> str:
        """A new meeting starts on an agreement that has partners (a preference program may have none yet)."""
        keys = list(self.lookups.agreements)
        return next((k for k in keys if self._partners_of(k)), keys[0] if keys else "")

    @staticmethod
    def typed_date(field: QLineEdit) -> date | None:
        try:
            return date.fromisoformat(field.text().strip())
        except ValueError:
            return None

    def typed_deadline(self) -> datetime | None:
        """The deadline typed, in the zone chosen beside it (None when empty or not a date and time)."""
        text = self.deadline.text().strip()
        try:
            moment = datetime.strptime(text, "%Y-%m-%d %H:%M")
        except ValueError:
            return None
        return moment.replace(tzinfo=tz.gettz(self.deadline_zone.currentData()))

    def _session_date_changed(self) -> None:
        """The public session follows the government session: it keeps its distance in days."""
        new, old, public = self.typed_date(self.session_date), self._session_shown, self.typed_date(self.public_date)
        if new is None:
            return
        if old is not None and public is not None:
            self.public_date.setText((public + (new - old)).isoformat())
        self._session_shown = new

    def _fill_partners(self, checked: list[str]) -> None:
        """The agreement's partners, checkable; partners already chosen stay listed."""
        key = self.agreement.currentData()
        self.partners.blockSignals(True)
        self.partners.clear()
        for code, partner in self.lookups.partners.items():
            if key in partner.agreement_keys or code in checked:
                item = QListWidgetItem(f"{partner.name} ({code})")
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked)
                self.partners.addItem(item)
        self.partners.blockSignals(False)

    def _agreement_changed(self) -> None:
        checked = self.partner_codes()
        if self._defaulted and checked == self._defaulted:  # chosen by us, not by the user: follow the agreement
            self._defaulted = checked = self._default_partners(self.agreement.currentData())
        self._fill_partners(checked)
        self.validate()

    def partner_codes(self) -> list[str]:
        items = (self.partners.item(row) for row in range(self.partners.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def meeting(self) -> Meeting:
        """The meeting as the dialog shows it (same id and uid when editing)."""
        base = self.original
        values = dict(
            agreement_key=self.agreement.currentData() or "", title=self.title.text(),
            session_date=self.typed_date(self.session_date), partner_codes=self.partner_codes(),
            start_time=self.start_time.time().toPython(), length_minutes=self.length.value(),
            public_session_date=self.typed_date(self.public_date) if self.has_public.isChecked() else None,
            location=self.location.text(), status=self.status.currentData(),
            book_due_on=self.typed_date(self.book_due),
            handling_marking=self.marking.currentText().strip(),
            question_deadline=self.typed_deadline(),
            intake_addresses=[a.strip() for a in re.split(r"[;,\s]+", self.intake.text()) if a.strip()],
            subject_line=self.subject_line.text().strip(),
        )
        if base is None:
            return Meeting(**values)
        return Meeting(id=base.id, uid=base.uid, created_at=base.created_at, updated_at=base.updated_at, **values)

    def validate(self) -> bool:
        """Show every problem in words and allow OK only when there are none."""
        self.public_date.setEnabled(self.has_public.isChecked())
        problems = [p.message for p in self.meeting().problems()]
        for field, name in ((self.session_date, "Government session"), (self.public_date, "Public session")):
            if field.isEnabled() and self.typed_date(field) is None:
                problems.insert(0, f"{name}: '{field.text()}' is not a date ({DATE_HINT})")
        if self.book_due.text().strip() and self.typed_date(self.book_due) is None:
            problems.insert(0, f"Book due: '{self.book_due.text()}' is not a date ({DATE_HINT}), or leave it empty")
        if self.deadline.text().strip() and self.typed_deadline() is None:
            problems.insert(0, f"Question deadline: '{self.deadline.text()}' is not a date and time ({DEADLINE_HINT})")
        self.problems.setText("\n".join(f"⚠ {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return not problems
