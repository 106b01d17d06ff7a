"""The Questions tab as a desk: fast entry above a triage table with counts per status, more filters,
several rows selected at once for bulk edits, a context menu, and duplicates folded under their original."""

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import AskerType, Meeting, Question, QuestionStatus, label
from council_prep.gui.desk.entry import EntryForm
from council_prep.gui.desk.triage import Triage
from council_prep.gui.icons import icon
from council_prep.gui.lookups import Lookups
from council_prep.gui.session import Session
from council_prep.gui.tables.columns import TableSpec
from council_prep.gui.tables.model import Column
from council_prep.gui.tables.table_tab import TableTab
from council_prep.store.changes import Changes
from council_prep.store.views import distinct_values, duplicate_counts, narrow_questions

if TYPE_CHECKING:
    from council_prep.notes import Notebook


class QuestionsTab(TableTab):
    def __init__(self, session: Session, spec: TableSpec, lookups: Lookups, notebook: "Notebook | None" = None,
                 parent: QWidget | None = None):
        spec = replace(spec, columns=self._desk_columns(spec.columns))
        super().__init__(session, spec, lookups, notebook, parent)
        self.meeting: Meeting | None = None
        self.asked_by: dict[int, int] = {}  # original id -> how many are folded under it
        self.model.narrow = self._narrow
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.triage = Triage(self, session, lookups)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.triage.show_selection())
        self.entry = EntryForm(session, lookups)
        self.entry.saved.connect(lambda question: self.select_record(question.id))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.entry)
        column.addLayout(self._counts_bar())
        column.addWidget(self.table, 1)
        column.addLayout(self.triage.bar)
        self.splitter.insertWidget(0, left)
        self.splitter.setStretchFactor(0, 3)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, self._more_filters())
        self.triage.show_selection()

    # Columns: a lock on confidential askers, late ones flagged, "asked by N" on an original
    def _desk_columns(self, columns: list[Column]) -> list[Column]:
        def received(q: Question) -> str:
            when = q.received_at.strftime("%Y-%m-%d %H:%M") if q.received_at else ""
            return f"{when}  ⚑ late" if self.is_late(q) else when

        def asker(q: Question) -> str:
            return q.asker_name + ("  (confidential)" if q.confidential else "")

        def status(q: Question) -> str:
            shown = label(q.status)
            if q.duplicate_of:
                return f"{shown} · duplicate"
            others = self.asked_by.get(q.id or 0, 0)
            return f"{shown} · asked by {others + 1}" if others else shown

        lock = icon("lock")
        shows = {"received_at": received, "asker_name": asker, "status": status}
        return [replace(c, show=shows.get(c.order_by, c.show),
                        decorate=(lambda q: lock if q.confidential else None) if c.order_by == "asker_name" else None)
                for c in columns]

    def is_late(self, question: Question) -> bool:
        return False

    # Filters beyond the status and topic
    def _more_filters(self) -> QHBoxLayout:
        self.assignee_filter = self._combo("Assignee filter", "Anyone assigned", [])
        self.asker_type_filter = self._combo("Asker type filter", "All asker types",
                                             [(kind, label(kind)) for kind in AskerType])
        self.confidential_filter = self._combo("Confidential filter", "Confidential or not",
                                               [(True, "Confidential askers"), (False, "Public askers")])
        self.answer_filter = self._combo("Answer filter", "With or without answer",
                                         [(True, "With an answer"), (False, "Without an answer")])
        self.late_filter = QCheckBox("Late onl&y")
        self.late_filter.setToolTip("Only questions received after the meeting's question deadline")
        self.folded_filter = QCheckBox("Show fol&ded duplicates")
        self.folded_filter.setToolTip("List questions folded under another as rows of their own too")
        for box in (self.late_filter, self.folded_filter):
            box.toggled.connect(self.reload)
        bar = QHBoxLayout()
        for widget in (self.assignee_filter, self.asker_type_filter, self.confidential_filter, self.answer_filter,
                       self.late_filter, self.folded_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def filters(self) -> dict[str, object]:
        equals = super().filters()
        equals.update(assignee=self.assignee_filter.currentData(), asker_type=self.asker_type_filter.currentData(),
                      confidential=self.confidential_filter.currentData())
        return equals

    def _narrow(self, ids: list[int]) -> list[int]:
        late = self.late_filter.isChecked()
        deadline = self.deadline_text() if late else None
        if late and deadline is None:
            return []  # no deadline: nothing is late
        return narrow_questions(self.session.store.questions, ids, roots_only=not self.folded_filter.isChecked(),
                                answered=self.answer_filter.currentData(), received_after=deadline)

    def deadline_text(self) -> str | None:
        return None

    def clear_filters(self) -> None:
        for combo in (self.assignee_filter, self.asker_type_filter, self.confidential_filter, self.answer_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.late_filter, self.folded_filter):
            box.blockSignals(True)
            box.setChecked(box is self.folded_filter)  # a search jump may land on a folded question
            box.blockSignals(False)
        super().clear_filters()

    # Counts per status, each a button that filters by its status
    def _counts_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.count_buttons: dict[QuestionStatus, QToolButton] = {}
        for status in QuestionStatus:
            button = QToolButton()
            button.setAutoRaise(True)
            button.setToolTip(f"Show only {label(status).lower()} questions")
            button.clicked.connect(lambda _c=False, s=status: self._show_status(s))
            self.count_buttons[status] = button
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _show_status(self, status: QuestionStatus) -> None:
        index = self.status_filter.findData(status)
        self.status_filter.setCurrentIndex(0 if index == self.status_filter.currentIndex() else index)

    def _show_counts(self) -> None:
        table = self.session.store.questions
        meeting_id = self.meeting_id if self.meeting_id is not None else -1
        for status, button in self.count_buttons.items():
            count = table.count_of(meeting_id=meeting_id, status=status)
            button.setText(f"{label(status)} {count}")
            button.setAccessibleName(f"{label(status)}: {count} questions")

    # Meeting and store changes
    def set_meeting(self, meeting: Meeting | None) -> None:
        self.meeting = meeting
        self.entry.set_meeting(meeting.id if meeting else None)
        super().set_meeting(meeting)

    def reload(self) -> None:
        self._read_facts()
        super().reload()

    def _read_facts(self) -> None:
        """What the rows show beyond their own record: how many are folded under each, the assignees."""
        meeting_id = self.meeting_id if self.meeting_id is not None else -1
        table = self.session.store.questions
        self.asked_by = duplicate_counts(table, meeting_id=meeting_id)
        self._show_counts()
        names = distinct_values(table, "assignee")
        self.triage.fill_assignees(names)
        chosen = self.assignee_filter.currentData()
        self.assignee_filter.blockSignals(True)
        self.assignee_filter.clear()
        self.assignee_filter.addItem("Anyone assigned", None)
        for name in names:
            self.assignee_filter.addItem(name, name)
        self.assignee_filter.setCurrentIndex(max(self.assignee_filter.findData(chosen), 0))
        self.assignee_filter.blockSignals(False)

    def _store_changed(self, changes: Changes, initiator: object) -> None:
        if changes.touches("question"):
            self._read_facts()
        if changes.touches("meeting") and self.meeting is not None:
            self.meeting = self.session.store.meetings.get(self.meeting.id)  # its deadline may have moved
        super()._store_changed(changes, initiator)
        if changes.touches("question"):
            self.model.layoutChanged.emit()  # "asked by" and "late" are drawn from facts beyond the row

    # Selection and bulk actions
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = self.model.ids()
        return [ids[row] for row in rows if row < len(ids)]

    def delete_selected(self) -> None:
        if self.triage.delete():
            self.table.setFocus()

    def _context_menu(self, point: QPoint) -> QMenu:
        menu = self.triage.context_menu()
        menu.popup(self.table.viewport().mapToGlobal(point))
        return menu

    def duplicate_actions(self, menu: QMenu) -> None:
        """Folding and unfolding, offered by the context menu (see the duplicates pane)."""
