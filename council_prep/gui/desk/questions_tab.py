"""The Questions tab as a desk: fast entry above a triage table with counts per status, more filters,
several rows selected at once for bulk edits, a context menu, and duplicates folded under their original."""

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from council_prep.desk.topics import suggest_topic
from council_prep.domain import AskerType, Meeting, Question, QuestionStatus, label
from council_prep.gui.desk.duplicates import DuplicatesPane
from council_prep.gui.desk.entry import EntryForm
from council_prep.gui.desk.triage import Triage
from council_prep.gui.lookups import Lookups
from council_prep.gui.session import Session
from council_prep.gui.settings import Settings
from council_prep.gui.tables.columns import TableSpec
from council_prep.gui.tables.model import Column
from council_prep.gui.tables.table_tab import TableTab
from council_prep.store.changes import Changes
from council_prep.store.views import answered_ids, counts_by, distinct_values

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from council_prep.gui.desk.import_dialog import ImportDialog
    from council_prep.notes import Notebook

IMPORTABLE = (".csv", ".xlsx")


class QuestionsTab(TableTab):
    def __init__(self, session: Session, spec: TableSpec, lookups: Lookups, settings: Settings,
                 notebook: "Notebook | None" = None, parent: QWidget | None = None):
        spec = replace(spec, columns=self._desk_columns(spec.columns))
        super().__init__(session, spec, lookups, notebook, parent)
        self.settings = settings
        self.setAcceptDrops(True)
        self.meeting: Meeting | None = None
        self.asked_by: Counter[int] = Counter()  # original id -> how many are folded under it
        self.folded: set[int] = set()  # ids of the questions folded under another
        self.model.narrow = self._narrow
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.triage = Triage(self, session, lookups)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.triage.show_selection())
        self.entry = EntryForm(session, lookups)
        self.entry.saved.connect(self._entered)
        triage = QWidget()
        column = QVBoxLayout(triage)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._counts_bar())
        column.addWidget(self.table, 1)
        column.addLayout(self.triage.bar)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("questions-left-splitter")
        left.addWidget(self.entry)
        left.addWidget(triage)
        left.setStretchFactor(1, 1)
        left.setCollapsible(1, False)
        self.splitter.insertWidget(0, left)
        self.splitter.setStretchFactor(0, 3)
        self.duplicates = DuplicatesPane(session)
        self.duplicates.fold_requested.connect(self.fold_under)
        self.duplicates.unfold_requested.connect(self.unfold)
        # The details and the duplicates share the right side: each needs the height on a small screen.
        self.side = QTabWidget()
        self.side.setObjectName("questions-side")
        self.side.setAccessibleName("Question details and duplicates")
        self.side.setDocumentMode(True)
        self.side.addTab(self.splitter.widget(1), "Details")
        self.side.addTab(self.duplicates, "Duplicates")
        self.duplicates.summary.connect(lambda text: self.side.setTabText(1, text))
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 2)
        self.entry.text_paused.connect(self._typed)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, self._more_filters())
        self.triage.show_selection()
        session.read_only_changed.connect(self._show_desk_controls)
        self._show_desk_controls(session.read_only)

    def _show_desk_controls(self, read_only: bool) -> None:
        """A reader sees no entry form and no bulk edits: nothing there could be saved."""
        self.entry.setVisible(not read_only)
        for index in range(self.triage.bar.count()):
            widget = self.triage.bar.itemAt(index).widget()
            if widget is not None and widget is not self.triage.selected_label:
                widget.setVisible(not read_only)

    # Columns: a lock on confidential askers, late ones flagged, "asked by N" on an original
    def _desk_columns(self, columns: list[Column]) -> list[Column]:
        def received(q: Question) -> str:
            when = q.received_at.strftime("%Y-%m-%d %H:%M") if q.received_at else ""
            return f"late · {when}" if self.is_late(q) else when  # first: a narrow column still shows it

        def asker(q: Question) -> str:
            return q.asker_name + ("  (confidential)" if q.confidential else "")

        def askers(q: Question) -> str:
            """How many asked it: the original and the questions folded under it ("" when one)."""
            others = self.asked_by.get(q.id or 0, 0)
            return str(others + 1) if others and not q.duplicate_of else ""

        def status(q: Question) -> str:
            return label(q.status) + (f" · duplicate of {q.duplicate_of}" if q.duplicate_of else "")

        icons = {"asker_name": lambda q: "lock" if q.confidential else None,
                 "received_at": lambda q: "warning" if self.is_late(q) else None}
        shows = {"received_at": received, "asker_name": asker, "status": status}
        desk = [replace(c, show=shows.get(c.order_by, c.show),
                        icon=icons.get(c.order_by, c.icon))
                for c in columns]
        after_text = next(n for n, c in enumerate(desk) if c.order_by == "text") + 1
        asked_by = Column("Askers", "duplicate_of", askers, align_right=True)
        return [*desk[:after_text], asked_by, *desk[after_text:]]

    def is_late(self, question: Question) -> bool:
        return self.meeting is not None and question.late(self.meeting.question_deadline)

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
        table = self.session.store.questions
        if self.late_filter.isChecked():
            late = set(table.late_ids(self.meeting_id)) if self.meeting_id is not None else set()
            ids = [i for i in ids if i in late]
        if not self.folded_filter.isChecked() and self.folded:
            ids = [i for i in ids if i not in self.folded]
        answered = self.answer_filter.currentData()
        return ids if answered is None else answered_ids(table, ids, answered=answered)

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
        meeting_id = self.meeting_id if self.meeting_id is not None else -1
        counts = counts_by(self.session.store.questions, "status", meeting_id=meeting_id)
        for status, button in self.count_buttons.items():
            count = counts.get(status.value, 0)
            button.setText(f"{label(status)} {count}")
            button.setAccessibleName(f"{label(status)}: {count} questions")

    # Meeting and store changes
    def set_meeting(self, meeting: Meeting | None) -> None:
        self.meeting = meeting
        self.entry.set_meeting(meeting.id if meeting else None)
        self.duplicates.meeting_id = meeting.id if meeting else None
        self.meeting_id = meeting.id if meeting else None
        # What rows show beyond their record changes with the meeting or the store, not with a filter
        # typed: read here and on store changes, so filtering 400,000 questions reads only the query.
        self._read_facts()
        super().set_meeting(meeting)

    def _read_facts(self) -> None:
        """What the rows show beyond their own record: how many are folded under each, the assignees."""
        meeting_id = self.meeting_id if self.meeting_id is not None else -1
        table = self.session.store.questions
        links = table.duplicate_links(meeting_id)
        self.folded = {question_id for question_id, _ in links}
        self.asked_by = Counter(original for _, original in links)
        askers = next(n for n, c in enumerate(self.model.columns) if c.title == "Askers")
        self.table.setColumnHidden(askers, not self.asked_by)  # a column of blanks until a question is folded
        self._show_counts()
        names = distinct_values(table, "assignee", meeting_id=meeting_id)
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
        super()._store_changed(changes, initiator)
        if changes.touches("question"):
            self.model.layoutChanged.emit()  # "asked by" and "late" are drawn from facts beyond the row
            if not self.duplicates.typed:
                self.duplicates.show_record(self.current_question())

    def add_record(self) -> None:
        """New question: the cursor goes into the entry form, with nothing in it to type over."""
        self.entry.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # Selection and bulk actions
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in map(self.model.id_at, rows) if i is not None]

    def delete_selected(self) -> None:
        if self.triage.delete():
            self.table.setFocus()

    def _context_menu(self, point: QPoint) -> QMenu:
        menu = self.triage.context_menu()
        menu.popup(self.table.viewport().mapToGlobal(point))
        return menu

    def current_question(self) -> Question | None:
        record = self.model.fresh_record(self.table.currentIndex().row())
        return record if isinstance(record, Question) else None

    def _show(self, row: int) -> None:
        super()._show(row)
        self.duplicates.show_record(self.current_question())

    def _entered(self, question: Question) -> None:
        """A question saved from the entry form: selected in the table, its group in the pane."""
        stored = self.session.store.questions.get(question.id)  # type: ignore[arg-type]
        self.select_record(stored.duplicate_of or stored.id, clear_filters=False)
        self.duplicates.show_record(self.current_question())

    def _typed(self, text: str) -> None:
        """Typing paused in the entry form: questions like it, and a topic from its words."""
        if text.strip():
            self.duplicates.show_typed(text)
            if self.duplicates.matches.count():
                self.side.setCurrentWidget(self.duplicates)  # a likely duplicate is worth a look before saving
        else:
            self.duplicates.show_record(self.current_question())
        suggestion = suggest_topic(text, self.lookups.topics.values())
        self.entry.show_topic(suggestion.topic_key if suggestion else None,
                              list(suggestion.words) if suggestion else [])

    # Folding
    def fold_under(self, original_id: int) -> bool:
        """Fold what the duplicates pane compares (the question typed, else the selected one) under `original_id`."""
        if self.duplicates.record is None:
            return self.entry.save(duplicate_of=original_id) is not None
        return self.fold([self.duplicates.record.id], original_id)  # type: ignore[list-item]

    def fold(self, ids: list[int], original_id: int) -> bool:
        """Mark each of `ids` a duplicate of `original_id`, as one step; a loop is refused with its reason."""
        table = self.session.store.questions
        label = (f"Mark question {ids[0]} as a duplicate of question {original_id}" if len(ids) == 1
                 else f"Mark {len(ids)} questions as duplicates of question {original_id}")
        return self.session.write(label, lambda: [table.mark_duplicate(i, original_id) for i in ids],
                                  self) is not None

    def unfold(self, question_id: int) -> bool:
        table = self.session.store.questions
        return self.session.write(None, lambda: table.unfold(question_id), self) is not None

    def duplicate_actions(self, menu: QMenu) -> None:
        """Fold the selected rows under the current one; unfold the selected duplicates."""
        current = self.current_id()
        others = [i for i in self.selected_ids() if i != current]
        fold = menu.addAction(f"&Mark {len(others)} as duplicate of question {current}" if others and current
                              else "&Mark as duplicate of… (select the original last)")
        fold.setEnabled(bool(others and current))
        fold.triggered.connect(lambda: self.fold(others, current))  # type: ignore[arg-type]
        folded = [q.id for q in self.session.store.questions.get_many(self.selected_ids()) if q.duplicate_of]
        unfold = menu.addAction(f"&Unfold {len(folded)}" if folded else "&Unfold")
        unfold.setEnabled(bool(folded))
        unfold.triggered.connect(lambda: self.session.write(
            f"Unfold {len(folded)} questions", lambda: [self.session.store.questions.unfold(i) for i in folded],
            self))

    # Importing a file: File > Import questions…, or a file dropped on the tab
    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Import questions", str(Path.home()),
                                              "Spreadsheets and CSV files (*.xlsx *.csv);;All files (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> "ImportDialog | None":
        """Show the file's columns, then what importing it would do; a file that cannot be read says why."""
        from council_prep.errors import CouncilPrepError
        from council_prep.gui import messages
        from council_prep.gui.desk.import_dialog import ImportDialog
        from council_prep.importers import propose_mapping

        if self.meeting_id is None or self.session.read_only:
            messages.inform(self, "Import questions", "Choose a meeting in a store open for editing first.",
                            name="import-refused")
            return None
        try:
            proposal = propose_mapping(path)
        except CouncilPrepError as exc:
            messages.error(self, "Cannot import", str(exc), name="import-failed")
            return None
        dialog = ImportDialog(self.session, self.settings, self.meeting_id, proposal, self)
        dialog.open()
        return dialog

    def _dropped_file(self, event: "QDragEnterEvent | QDropEvent") -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and paths[0].suffix.lower() in IMPORTABLE else None

    def dragEnterEvent(self, event: "QDragEnterEvent") -> None:
        if self._dropped_file(event) is not None and not self.session.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: "QDropEvent") -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)
