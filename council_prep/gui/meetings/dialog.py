"""The meeting dialog: validates as the user types, explains what is wrong, and allows OK only when right."""

from datetime import date

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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
        self.session_date = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.start_time = QTimeEdit(displayFormat="HH:mm")
        self.length = QSpinBox(minimum=0, maximum=24 * 60, singleStep=15, suffix=" min")
        self.has_public = QCheckBox("&Public session on")
        self.public_date = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.location = QLineEdit()
        self.status = QComboBox()
        for status in MeetingStatus:
            self.status.addItem(label(status), status)
        self.marking = QComboBox(editable=True)
        self.marking.addItems(MARKINGS)
        self.marking.lineEdit().setPlaceholderText("None")
        self.problems = QLabel(objectName="problems", wordWrap=True)
        self.problems.setAccessibleName("Problems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._fill(meeting)
        for signal in (self.title.textChanged, self.session_date.dateChanged, self.public_date.dateChanged,
                       self.length.valueChanged, self.location.textChanged, self.marking.currentTextChanged,
                       self.has_public.toggled, self.partners.itemChanged, self.start_time.timeChanged):
            signal.connect(self.validate)
        self.agreement.currentIndexChanged.connect(self._agreement_changed)
        self.validate()
        mnemonics.assign(self)

    def _lay_out(self) -> None:
        form = QFormLayout()
        public = QHBoxLayout()
        public.addWidget(self.has_public)
        public.addWidget(self.public_date, 1)
        rows = [("&Title", self.title), ("&Agreement", self.agreement), ("Pa&rtners", self.partners),
                ("Government &session", self.session_date), ("Start ti&me", self.start_time),
                ("Session &length", self.length), ("Public session", public), ("L&ocation", self.location),
                ("Stat&us", self.status), ("&Handling marking", self.marking)]
        for text, field in rows:
            form.addRow(text, field)
            if isinstance(field, QWidget):
                field.setAccessibleName(plain(text))
        self.public_date.setAccessibleName("Public session date")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _fill(self, meeting: Meeting | None) -> None:
        today = date.today()
        self.title.setText(meeting.title if meeting else "")
        key = meeting.agreement_key if meeting else next(iter(self.lookups.agreements), "")
        self.agreement.setCurrentIndex(max(0, self.agreement.findData(key)))
        self._fill_partners(meeting.partner_codes if meeting else [])
        session = meeting.session_date if meeting else today
        self.session_date.setDate(QDate(session.year, session.month, session.day))
        start = meeting.start_time if meeting else None
        self.start_time.setTime(QTime(start.hour, start.minute) if start else QTime(9, 0))
        self.length.setValue(meeting.length_minutes if meeting else 360)
        public = meeting.public_session_date if meeting else None
        self.has_public.setChecked(public is not None or meeting is None)
        shown = public or session
        self.public_date.setDate(QDate(shown.year, shown.month, shown.day).addDays(0 if public else 1))
        self.location.setText(meeting.location if meeting else "")
        self.status.setCurrentIndex(self.status.findData(meeting.status if meeting else MeetingStatus.PLANNING))
        self.marking.setCurrentText(meeting.handling_marking if meeting else "")

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
        self._fill_partners(self.partner_codes())
        self.validate()

    def partner_codes(self) -> list[str]:
        items = (self.partners.item(row) for row in range(self.partners.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def meeting(self) -> Meeting:
        """The meeting as the dialog shows it (same id and uid when editing)."""
        base = self.original
        values = dict(
            agreement_key=self.agreement.currentData() or "", title=self.title.text(),
            session_date=self.session_date.date().toPython(), partner_codes=self.partner_codes(),
            start_time=self.start_time.time().toPython(), length_minutes=self.length.value(),
            public_session_date=self.public_date.date().toPython() if self.has_public.isChecked() else None,
            location=self.location.text(), status=self.status.currentData(),
            handling_marking=self.marking.currentText().strip(),
        )
        if base is None:
            return Meeting(**values)
        return Meeting(id=base.id, uid=base.uid, created_at=base.created_at, updated_at=base.updated_at, **values)

    def validate(self) -> bool:
        """Show every problem in words and allow OK only when there are none."""
        self.public_date.setEnabled(self.has_public.isChecked())
        problems = self.meeting().problems()
        self.problems.setText("\n".join(f"⚠ {p.message}" for p in problems))
        self.problems.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return not problems
