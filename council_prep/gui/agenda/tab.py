"""The Agenda tab: the items on the clock (drag or Ctrl+Up/Down to reorder), the budget, the editor."""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import AgendaItem, AgendaStatus, Meeting
from council_prep.gui.agenda.budget import BudgetBar
from council_prep.gui.agenda.model import AgendaModel
from council_prep.gui.brief.agenda_brief import AgendaBrief
from council_prep.gui.column_fit import ColumnFit
from council_prep.gui.forms import FieldSpec, RecordForm
from council_prep.gui.icons import icon
from council_prep.gui.lookups import Lookups
from council_prep.gui.session import Session
from council_prep.gui.wording import counted
from council_prep.store import RecordNotFoundError
from council_prep.store.changes import Changes
from council_prep.store.views import labels

FIELDS = [
    FieldSpec("title", "&Title"),
    FieldSpec("topic_key", "T&opic", "topic"),
    FieldSpec("lead", "&Lead"),
    FieldSpec("minutes", "&Minutes", "minutes"),
    FieldSpec("status", "&Status", "enum", AgendaStatus),
    FieldSpec("objective", "O&bjective", "text"),
    FieldSpec("talking_points", "Talking &points", "points"),
    FieldSpec("background", "Back&ground", "text"),
    FieldSpec("law_change_ids", "Law changes", "links"),
    FieldSpec("submission_ids", "Submissions", "links"),
]


class AgendaTab(QWidget):
    def __init__(self, session: Session, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lookups = lookups
        self.meeting: Meeting | None = None
        self.model = AgendaModel(lookups, self)
        self.model.move_requested.connect(self.move_item)
        self.view = self._build_view()
        self.budget = BudgetBar()
        self.heading = QLabel()
        self.heading.setAccessibleName("Session")
        self.add_button = QPushButton(icon("add"), "&Add item")
        self.add_button.clicked.connect(self.add_item)
        self.delete_button = QPushButton(icon("delete"), "Delete item")
        self.delete_button.setToolTip("Delete the selected agenda item (Del)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_action = self._action("Move item &up", "up", "Ctrl+Up", -1)
        self.down_action = self._action("Move item do&wn", "down", "Ctrl+Down", +1)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.budget)
        self.brief = AgendaBrief(session.store)
        self.form = RecordForm(FIELDS + self.brief.fields(), lookups)
        self.form.setAccessibleName("Agenda item details")
        self.form.edited.connect(lambda before, after: session.update("agenda", before, after, self.form))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agenda-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        session.changed.connect(self._store_changed)
        session.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only(session.read_only)

    def _build_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("agenda-table")
        view.setAccessibleName("Agenda items")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDragDropOverwriteMode(False)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDropIndicatorShown(True)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)  # Tab leaves the table for the next control
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        view.horizontalHeader().setHighlightSections(False)
        self.columns = ColumnFit(view, main=2)  # the item's title takes what the others leave
        view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show(current.row()))
        return view

    def _action(self, text: str, icon_name: str, shortcut: str, step: int) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.move_selected(step))
        self.view.addAction(action)
        return action

    # Showing
    def set_meeting(self, meeting: Meeting | None) -> None:
        self.form.commit()
        self.meeting = meeting
        self._read_link_choices()
        self.reload()

    def _read_link_choices(self) -> None:
        """The law changes and submissions of the meeting's partners offered as links; people and earlier items."""
        self.brief.fill(self.form, self.meeting)
        if self.meeting is None:
            return
        store, codes = self.session.store, self.meeting.partner_codes
        self.form.set_choices("law_change_ids", [
            (change_id, f"{code} · {title}") for code in codes
            for change_id, title in labels(store.law_changes, "title", partner_code=code)])
        self.form.set_choices("submission_ids", [
            choice for code in codes for choice in labels(store.submissions, "identifier", partner_code=code)])

    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        meeting = self.meeting
        items = self.session.store.agenda.for_meeting(meeting.id) if meeting else []
        leads = self.session.store.people.get_many([i.lead_person_id for i in items if i.lead_person_id])
        self.model.set_items(meeting, items, {p.id: p.name for p in leads})
        if meeting is None:
            self.heading.setText("No meeting selected")
            self.form.load(None)
            return
        ends = self.model.slots[-1].ends if items else meeting.start_time
        self.heading.setText(f"<b>{meeting.session_date:%A %d %B %Y}</b>, from {meeting.start_time:%H:%M} · "
                             f"{counted(len(items), 'item')}")
        self.budget.show_budget(meeting.length_minutes, [i.minutes for i in items], f"{ends:%H:%M}")
        if not self.select_item(keep):
            self.select_item(items[0].id if items else None)
        if not items:
            self.form.load(None)

    def current_id(self) -> int | None:
        row = self.view.currentIndex().row()
        return self.model.items[row].id if 0 <= row < len(self.model.items) else None

    def select_item(self, item_id: int | None) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.model.index(row, 2)
        same_row = self.view.currentIndex().row() == row  # else currentRowChanged shows the item
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        if same_row:
            self._show(row)
        return True

    def _show(self, row: int) -> None:
        items = self.model.items
        item_id = items[row].id if 0 <= row < len(items) else None
        self.form.commit()
        try:
            self.form.load(self.session.store.agenda.get(item_id) if item_id is not None else None)
        except RecordNotFoundError:
            self.form.load(None)

    def _store_changed(self, changes: Changes, initiator: object) -> None:
        """Follow a step: link choices when law changes or submissions came, went or were renamed;
        the agenda, its clock and its pane when items or the meeting changed."""
        if changes.touches("law_change", "submission", "person", "commitment", "meeting"):
            self._read_link_choices()
        if changes.touches("meeting") and self.meeting is not None:
            self.meeting = self.session.store.meetings.find_uid(self.meeting.uid)
        if changes.touches("agenda_item", "meeting", "person"):
            self.reload()

    # Editing
    def move_item(self, item_id: int, position: int) -> None:
        """Move an item to 1-based `position` as one undoable step."""
        items = self.model.items
        moved = next(i for i in items if i.id == item_id)
        after = [i for i in items if i.id != item_id]
        after.insert(max(0, min(position - 1, len(after))), moved)
        if self.meeting is None or [i.id for i in after] == [i.id for i in items]:
            return
        if self.session.write(None, lambda: self.session.store.agenda.move(item_id, position)) is not None:
            self.reload(keep=item_id)

    def move_selected(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < len(self.model.items) and 0 <= row + step < len(self.model.items):
            self.move_item(self.model.items[row].id, row + step + 1)  # type: ignore[arg-type]

    def add_item(self) -> None:
        if self.meeting is None:
            return
        item = AgendaItem(meeting_id=self.meeting.id, title="New agenda item", minutes=15)
        added = self.session.add("agenda", item)
        if added is not None:
            self.reload(keep=added.id)
            title = self.form.editors["title"].widget
            title.setFocus(Qt.FocusReason.OtherFocusReason)
            title.selectAll()  # typing replaces "New agenda item"

    def delete_selected(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        row = self.view.currentIndex().row()
        record = self.session.store.agenda.get(item_id)
        if self.session.delete("agenda", record) and self.model.items:
            self.select_item(self.model.items[min(row, len(self.model.items) - 1)].id)

    def _apply_read_only(self, read_only: bool) -> None:
        self.form.set_read_only(read_only)
        for widget in (self.add_button, self.delete_button):  # a reader sees no controls that cannot work
            widget.setEnabled(not read_only)
            widget.setVisible(not read_only)
        for action in (self.up_action, self.down_action):
            action.setEnabled(not read_only)
        self.view.setDragEnabled(not read_only)
