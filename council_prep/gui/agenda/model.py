"""The meeting's agenda as a table on the running clock; rows are dragged to a new position.

A drop does not move rows itself: it asks for the move (`move_requested`), which becomes an
undoable command; the model then shows the store's new order.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from council_prep.domain import AgendaItem, Meeting, label
from council_prep.domain.schedule import Slot, running_clock
from council_prep.gui.lookups import Lookups

MIME_TYPE = "application/x-council-prep-agenda-item"
COLUMNS = ("#", "Time", "Item", "Topic", "Lead", "Minutes", "Status")
Index = QModelIndex | QPersistentModelIndex
# Looked up once: the view asks for every cell and role on each paint.
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled


class AgendaModel(QAbstractTableModel):
    move_requested = Signal(int, int)  # agenda item id, new 1-based position

    def __init__(self, lookups: Lookups, parent=None):
        super().__init__(parent)
        self.lookups = lookups
        self.items: list[AgendaItem] = []
        self.slots: list[Slot] = []
        self.cells: list[tuple[str, ...]] = []
        self.leads: dict[int, str] = {}

    def set_items(self, meeting: Meeting | None, items: list[AgendaItem], leads: dict[int, str] | None = None) -> None:
        """Show `items`; `leads` names the people of the directory who lead them (by person id)."""
        self.beginResetModel()
        self.items = items
        self.leads = leads or {}
        self.slots = running_clock(meeting.start_time, [i.minutes for i in items]) if meeting else []
        self.cells = [self._cells(item, slot) for item, slot in zip(items, self.slots, strict=True)]
        self.endResetModel()

    def _cells(self, item: AgendaItem, slot: Slot) -> tuple[str, ...]:
        """The row's texts, made once per reload rather than on every paint."""
        return (str(item.position), f"{slot.starts:%H:%M}–{slot.ends:%H:%M}", item.title,
                self.lookups.topic(item.topic_key), self.leads.get(item.lead_person_id, item.lead),  # type: ignore[arg-type]
                str(item.minutes), label(item.status))

    def row_of(self, item_id: int | None) -> int:
        return next((row for row, item in enumerate(self.items) if item.id == item_id), -1)

    # Display
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == DISPLAY:
            return self.cells[index.row()][index.column()]
        if role == TOOLTIP and index.column() == 2:
            item = self.items[index.row()]
            return item.objective or item.title
        if role == ALIGNMENT and index.column() in (0, 5):
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    # Drag and drop
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return ITEM_FLAGS

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(self.items[rows[0]].id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """Drop before `row` (or onto `parent`'s row, or at the end); asks for the move."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        source = self.row_of(item_id)
        if source < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        target = row if row <= source else row - 1  # removing the item first shifts later rows up
        if target != source:
            self.move_requested.emit(item_id, target + 1)
        return True
