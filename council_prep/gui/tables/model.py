"""A table model that holds only ids and fetches rows a page at a time as they come into view.

Opening a store of 100,000 questions costs one `select_ids` query; rows are read with
`get_many` in pages of PAGE ids when the view first asks for them.
"""

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from council_prep.domain import Record
from council_prep.gui.icons import icon
from council_prep.store import RecordNotFoundError, StoreError
from council_prep.store.changes import Changes
from council_prep.store.tables import RecordTable

PAGE = 200
MAX_PAGES = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles data() answers, as the plain ints Qt passes: a view asks each cell for about ten roles as it
# sizes and paints it, and comparing Python enum members for each made data() the table's main cost.
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT, _DECORATION = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.DecorationRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _DECORATION, int(ID_ROLE)})
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its heading, the field it sorts by, and how a record shows in it."""

    title: str
    order_by: str
    show: Callable[[Record], str]
    align_right: bool = False
    icon: Callable[[Record], str | None] | None = None  # the name of an icon beside the text (a warning, a lock)


class LazyRecordModel(QAbstractTableModel):
    def __init__(self, table: RecordTable, columns: list[Column], parent=None):
        super().__init__(parent)
        self.table = table
        self.columns = columns
        self._alignments = [_alignment(column) for column in columns]
        # Ids as machine integers in one buffer: a list of 400,000 Python ints took many milliseconds to
        # free when a filter typed replaced it with a few.
        self._ids: array[int] = array("q")
        self._pages: OrderedDict[int, dict[int, Record]] = OrderedDict()
        self._filters: dict[str, Any] = {}
        self._text: str | None = None
        self._order = ("id", False)  # store order until the user sorts
        self.error: str | None = None
        # Filters the store's equalities cannot say (late, answered): ids in, the ids kept out, order unchanged.
        self.narrow: Callable[[list[int]], list[int]] | None = None

    # Querying
    def set_query(self, *, text: str | None = None, **equals: Any) -> None:
        self._text = text or None
        self._filters = equals
        self.refresh()

    def refresh(self) -> None:
        """Re-read the ids (after an edit, a filter or a sort); cached rows are dropped."""
        self.beginResetModel()
        try:
            self._ids = self._select()
            self.error = None
        except StoreError as exc:
            self._ids, self.error = array("q"), str(exc)
        self._pages.clear()
        self.endResetModel()

    def apply(self, changes: Changes) -> None:
        """Show what a step changed in place: rows that came or went (or moved under the sort and
        filters) are laid out again, changed rows repainted; selection and scroll stay as they were."""
        kind = self.table.kind.key
        if not changes.touches(kind):
            return
        try:
            ids = self._select()
        except StoreError as exc:
            self.error = str(exc)
            return
        updated = changes.uids(kind)
        if ids != self._ids:
            self.layoutAboutToBeChanged.emit()
            new_rows = {record_id: row for row, record_id in enumerate(ids)}
            moved_from = self.persistentIndexList()
            moved_to = [self.index(new_rows[self._ids[i.row()]], i.column()) if self._ids[i.row()] in new_rows
                        else QModelIndex() for i in moved_from]
            self._ids = ids
            self._pages.clear()
            self.changePersistentIndexList(moved_from, moved_to)
            self.layoutChanged.emit()
            return
        for page, rows in list(self._pages.items()):
            stale = [record_id for record_id, record in rows.items() if record.uid in updated]
            if not stale:
                continue
            fresh = {r.id: r for r in self.table.get_many(stale)}
            for record_id in stale:
                rows[record_id] = fresh.get(record_id, rows[record_id])  # type: ignore[index]
                row = self.row_of(record_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            self._pages[page] = rows

    def _select(self) -> "array[int]":
        order_by, descending = self._order
        ids = self.table.select_ids(text=self._text, order_by=order_by, descending=descending, **self._filters)
        return array("q", self.narrow(ids) if self.narrow is not None else ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (-1: store order) through the store, which re-reads the ids."""
        wanted = (self.columns[column].order_by, order == Qt.SortOrder.DescendingOrder) if column >= 0 \
            else ("id", False)
        if wanted != self._order:
            self._order = wanted
            self.refresh()

    def ids(self) -> list[int]:
        """A copy of every id shown, in order (at 400,000 rows a copy takes milliseconds: see id_at)."""
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        """The id shown at `row`, None outside the rows."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def loaded_pages(self) -> list[int]:
        """Pages of rows read so far, least recently used first."""
        return list(self._pages)

    def record(self, row: int) -> Record | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            cached = self._load(page)
        else:
            self._pages.move_to_end(page)
        return cached.get(self._ids[row])

    def _load(self, page: int) -> dict[int, Record]:
        ids = self._ids[page * PAGE:(page + 1) * PAGE].tolist()
        try:
            rows = {r.id: r for r in self.table.get_many(ids)}
        except StoreError as exc:
            self.error = str(exc)
            rows = {}
        self._pages[page] = rows  # type: ignore[assignment]
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows  # type: ignore[return-value]

    def fresh_record(self, row: int) -> Record | None:
        """The record at `row` read again from the store (for editing, never a stale copy)."""
        if not 0 <= row < len(self._ids):
            return None
        try:
            return self.table.get(self._ids[row])
        except RecordNotFoundError:
            return None

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        column = self.columns[index.column()]
        record = self.record(index.row())
        if record is None:
            return "…" if role == _DISPLAY else None
        if role == _DECORATION:
            name = column.icon(record) if column.icon is not None else None
            return icon(name) if name else None
        text = column.show(record)
        if role == _DISPLAY:
            return " ".join(text.split())  # one line per row; the editor shows line breaks
        return text if len(text) > 40 else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None


def _alignment(column: Column) -> int:
    horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeading
    return int(horizontal | Qt.AlignmentFlag.AlignVCenter)

