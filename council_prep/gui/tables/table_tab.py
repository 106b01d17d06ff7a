"""A tab with a filter bar, a lazy table of records and the selected record's editor pane."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import Meeting, Record, label
from council_prep.gui.column_fit import ColumnFit
from council_prep.gui.forms import RecordForm
from council_prep.gui.icons import icon
from council_prep.gui.lookups import Lookups
from council_prep.gui.reading.notes_box import NotesBox
from council_prep.gui.session import Session
from council_prep.gui.tables.columns import TableSpec
from council_prep.gui.tables.model import LazyRecordModel
from council_prep.store.changes import Changes

if TYPE_CHECKING:
    from council_prep.notes import Notebook

DEBOUNCE_MS = 150
MAIN_FIELDS = ("title", "identifier", "text")  # the column that names the record


class TableTab(QWidget):
    def __init__(self, session: Session, spec: TableSpec, lookups: Lookups, notebook: "Notebook | None" = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.spec = spec
        self.lookups = lookups
        self.meeting_id: int | None = None
        self.model = LazyRecordModel(getattr(session.store, spec.kind), spec.columns, self)
        self._build_filters()
        self._build_table()
        self.form = RecordForm(spec.fields, lookups)
        self.form.setAccessibleName(f"{spec.noun.capitalize()} details")
        self.form.edited.connect(lambda before, after: session.update(spec.kind, before, after, self.form))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{spec.kind}-splitter")
        self.splitter.addWidget(self.table)
        self.notes_box: NotesBox | None = None
        if notebook is None:
            self.splitter.addWidget(self.form)
        else:
            self.notes_box = NotesBox(notebook, spec.noun)
            pane = QSplitter(Qt.Orientation.Vertical)
            pane.addWidget(self.form)
            pane.addWidget(self.notes_box)
            pane.setStretchFactor(0, 3)
            pane.setStretchFactor(1, 1)
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        session.changed.connect(self._store_changed)
        session.read_only_changed.connect(self._apply_read_only)
        session.clock.day_changed.connect(lambda _today: self._new_day())
        self._read_choices()
        self._apply_read_only(session.read_only)
        if not spec.meeting_scoped:  # a meeting's records wait for set_meeting
            self.reload()

    # Building
    def _combo(self, name: str, everything: str, choices: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(everything, None)
        for data, text in choices:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.reload)
        return combo

    def _build_filters(self) -> None:
        look = self.lookups
        self.partner_filter = self._combo("Partner filter", "All partners",
                                          [(code, p.name) for code, p in look.partners.items()])
        if not self.spec.partner_filter:
            self.partner_filter.hide()
        self.topic_filter = self._combo("Topic filter", "All topics",
                                        [(key, t.label) for key, t in look.topics.items()])
        self.status_filter = self._combo("Status filter", "All statuses",
                                         [(m, label(m)) for m in self.spec.status_enum or ()])
        # Only hidden where the table has no such field: showing a control not yet in a layout would open it
        # as a window of its own.
        if self.spec.status_enum is None:
            self.status_filter.hide()
        if self.spec.topic_field is None:
            self.topic_filter.hide()
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(f"Filter {self.spec.plural} by words  (Ctrl+F)")
        self.text_filter.setAccessibleName("Text filter")
        self.text_filter.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self._filter_typed)
        self.text_filter.textChanged.connect(lambda _text: self._debounce.start())
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Record count")
        self.add_button = QPushButton(icon("add"), f"&New {self.spec.noun}")
        self.add_button.clicked.connect(self.add_record)
        self.delete_button = QPushButton(icon("delete"), "Delete")
        self.delete_button.setToolTip(f"Delete the selected {self.spec.noun} (Del)")
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for widget in (self.partner_filter, self.topic_filter, self.status_filter):
            bar.addWidget(widget)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        self.filter_bar = bar

    def _build_table(self) -> None:
        table = QTableView()
        table.setObjectName(f"{self.spec.kind}-table")
        table.setAccessibleName(self.spec.plural.capitalize())
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the next control
        table.setWordWrap(False)
        # No sort until the user asks: rows come in store order (by id), which needs no sorting.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        main = next(n for n, c in enumerate(self.spec.columns) if c.order_by in MAIN_FIELDS)
        self.columns = ColumnFit(table, main)  # the title (or question) takes what the others leave
        table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current.row()))
        self.table = table

    # Filtering and selection
    def set_meeting(self, meeting: Meeting | None) -> None:
        self.meeting_id = meeting.id if meeting else None
        if self.spec.meeting_scoped:
            self.reload()

    def filters(self) -> dict[str, object]:
        equals: dict[str, object] = {}
        if self.spec.status_enum is not None:
            equals["status"] = self.status_filter.currentData()
        if self.spec.topic_field is not None:
            equals[self.spec.topic_field] = self.topic_filter.currentData()
        if self.spec.partner_filter:
            equals["partner_code"] = self.partner_filter.currentData()
        if self.spec.meeting_scoped:
            equals["meeting_id"] = self.meeting_id if self.meeting_id is not None else -1
        return equals

    def reload(self) -> None:
        """Query again with the current filters, keeping the selected record selected."""
        self.form.commit()
        keep = self.current_id()
        self.model.set_query(text=self.text_filter.text().strip() or None, **self.filters())
        self._show_count()
        # The pane always shows a record when there is one: the one kept, else the first.
        first = self.model.id_at(0)
        if not self.select_record(keep, clear_filters=False) and not self.select_record(first, clear_filters=False):
            self._show(-1)

    def _filter_typed(self) -> None:
        with self.columns.widths_kept():
            self.reload()

    def _show_count(self) -> int:
        total = self.model.rowCount()
        text = self.model.error or f"{total:,} {self.spec.noun if total == 1 else self.spec.plural}"
        if self.spec.attention is not None and not self.model.error:
            text += self.spec.attention(self.session.store, self.session.clock.today())
        self.count_label.setText(text)
        return total

    def _read_choices(self) -> None:
        if self.spec.choices is not None:
            for name, choices in self.spec.choices(self.session.store).items():
                self.form.set_choices(name, choices)

    def _new_day(self) -> None:
        """Flags measured against today (past due, overdue) are drawn again, and counted."""
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1))
        self._show_count()
        if self.form.record is not None:
            self.form.load(self.form.record)

    def _store_changed(self, changes: Changes, initiator: object) -> None:
        """Update the rows a step changed in place; reload the pane if its record changed elsewhere."""
        kind = self.model.table.kind.key
        if self.spec.choices_follow and changes.touches(*self.spec.choices_follow):
            self._read_choices()
        if not changes.touches(kind):
            return
        shown = self.form.record
        row = self.table.currentIndex().row()
        self.model.apply(changes)
        total = self._show_count()
        current = self.table.currentIndex().row()
        if current < 0 and total:  # the record shown is gone: its neighbour takes its place
            self.select_record(self.model.id_at(min(max(row, 0), total - 1)), clear_filters=False)
        elif current < 0:
            self.form.load(None)
        elif shown is not None and shown.uid in changes.uids(kind) and initiator is not self.form:
            self.form.load(self.model.fresh_record(current))

    def current_id(self) -> int | None:
        return self.model.id_at(self.table.currentIndex().row())

    def select_record(self, record_id: int | None, *, clear_filters: bool = True) -> bool:
        """Select `record_id`; when the filters hide it, clear them first (a search jump)."""
        if record_id is None:
            return False
        row = self.model.row_of(record_id)
        if row < 0 and clear_filters:
            self.clear_filters()
            row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        for combo in (self.partner_filter, self.topic_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self.reload()

    def focus_filter(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def _show(self, row: int) -> None:
        """Save what the pane holds, then show the record at `row` as the store has it now."""
        record_id = self.model.id_at(row)
        self.form.commit()
        row = self.model.row_of(record_id) if record_id is not None else -1
        record = self.model.fresh_record(row)
        self.form.load(record)
        if self.notes_box is not None:
            main = next(f.name for f in self.spec.fields if f.name in MAIN_FIELDS)
            self.notes_box.show_record(record.uid if record else None, self.model.table.kind.key,
                                       getattr(record, main) if record else "")

    # Editing
    def add_record(self) -> None:
        assert self.spec.new_record is not None, "a tab without a blank record adds its own way"
        partner = self.partner_filter.currentData() or next(iter(self.lookups.partners), "")
        added = self.session.add(self.spec.kind, self.spec.new_record(self.meeting_id, partner))
        if added is not None:
            self.select_record(added.id)
            text = next(f.name for f in self.spec.fields if f.kind in ("line", "text"))  # the title, the question
            field = self.form.editors[text].widget
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()  # typing replaces the placeholder text

    def delete_selected(self) -> None:
        record: Record | None = self.model.fresh_record(self.table.currentIndex().row())
        if record is not None and self.session.delete(self.spec.kind, record):
            self.table.setFocus()

    def _apply_read_only(self, read_only: bool) -> None:
        self.form.set_read_only(read_only)
        for button in (self.add_button, self.delete_button):  # a reader sees no controls that cannot work
            button.setEnabled(not read_only)
            button.setVisible(not read_only)
