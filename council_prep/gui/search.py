"""One search box over everything (Ctrl+K): results with highlighted words as the user types."""

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import kinds
from council_prep.gui.session import Session
from council_prep.store import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit, StoreError
from council_prep.store.views import values_of

DEBOUNCE_MS = 150
LIMIT = 50
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MEETING_ROLE = Qt.ItemDataRole.UserRole + 2  # the meeting an agenda item or question belongs to


TITLE_CHARS = 150  # a question's title is its whole text: about two lines of the list are enough
MARGIN = 4  # around a hit's text


class _Wrap:
    """How many lines plain text takes wrapped at its spaces, from each word's width in one font.

    A word's width takes shaping it (tens of microseconds for a line of text): each is shaped once and
    kept, so sizing 50 hits costs dictionary lookups. Breaking only at spaces never gives fewer lines
    than Qt, which may also break after a hyphen or a slash.
    """

    KEPT = 50_000  # words whose width is kept, at most

    def __init__(self, font: QFont):
        self.metrics = QFontMetrics(font)
        self.space = self.metrics.horizontalAdvance(" ")
        # Words measured alone add up a little narrower than Qt lays a line out: lines are filled this much less.
        self.slack = 2 * self.metrics.averageCharWidth()
        self.widths: dict[str, int] = {}

    def lines(self, words: list[str], width: int) -> int:
        if len(self.widths) > self.KEPT:
            self.widths.clear()
        count, used = 1, None
        for word in words:
            size = self.widths.get(word)
            if size is None:
                size = self.widths[word] = self.metrics.horizontalAdvance(word)
            if used is not None and used + self.space + size <= width:
                used += self.space + size
                continue
            if used is not None:
                count += 1
            count += size // max(width, 1)  # a word longer than a line is broken across lines
            used = size % max(width, 1)
        return count


def _plain(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def mark_colors(palette: QPalette, selected: bool) -> tuple[str, str]:
    """(background, text) of a matched word: the palette's highlight pair, inverted on a selected row.

    Both come from one pair the palette makes to be read together, so light and dark palettes stay readable.
    """
    back = palette.color(QPalette.ColorRole.Highlight).name()
    fore = palette.color(QPalette.ColorRole.HighlightedText).name()
    return (fore, back) if selected else (back, fore)


def marked_html(hit: SearchHit, text: str, mark: tuple[str, str], limit: int | None = None) -> str:
    """The hit's marked text as HTML, matched words bold in `mark` (background, text) colours,
    cut after `limit` characters so every hit keeps to its rows."""
    pieces: list[str] = []
    left = limit
    for piece, highlighted in hit.parts(text):
        if left is not None:
            if left <= 0:
                pieces.append("…")
                break
            piece, left = piece[:left], left - len(piece)
        escaped = html.escape(piece)
        pieces.append(f'<b style="background-color:{mark[0]}; color:{mark[1]}">{escaped}</b>' if highlighted
                      else escaped)
    return "".join(pieces)


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text: kind and title, then the snippet.

    The list asks every hit's height before it paints the few in sight: the height is measured on the
    hit's plain text, and the rich text is laid out only for the hits painted, once per width, palette
    and selection, kept until the results change (`forget`).
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._documents: dict[tuple, QTextDocument] = {}
        self._wraps: dict[str, _Wrap] = {}  # by the key of the list's font (measured in bold)

    def forget(self) -> None:
        """The results changed: the layouts of the hits before them are of no more use."""
        self._documents.clear()

    def document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        """The hit's rich text laid out as it is painted in `option`'s rectangle."""
        hit: SearchHit = index.data(HIT_ROLE)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        width = option.rect.width() if option.rect.width() > 0 else 600
        meeting = index.data(MEETING_ROLE)
        key = (hit, meeting, width, selected, palette.cacheKey(), option.font.key())
        cached = self._documents.get(key)
        if cached is not None:
            return cached
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text).name()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name() if not selected else text
        mark = mark_colors(palette, selected)
        where = kinds.kind(hit.kind).label + (f" · {html.escape(meeting)}" if meeting else "")
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(MARGIN)
        snippet = f'<br><span style="color:{muted}">{marked_html(hit, hit.snippet, mark)}</span>' if hit.snippet else ""
        doc.setHtml(
            f'<div style="color:{text}"><span style="color:{muted}">{where}</span>'
            f"&nbsp;&nbsp;<b>{marked_html(hit, hit.title, mark, TITLE_CHARS)}</b>{snippet}</div>"
        )
        doc.setTextWidth(width)
        self._documents[key] = doc
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self.document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """As wide as the list (a hit wraps to it), as high as its text up to four lines.

        Counted on the plain text, all in bold (its marked words are), broken only at spaces, lines
        filled a little less than Qt fills them: not lower than the rich text laid out, at times a
        line higher, and without laying out rich text for the hits not in sight.
        """
        hit: SearchHit = index.data(HIT_ROLE)
        meeting = index.data(MEETING_ROLE)
        width = option.rect.width() if option.rect.width() > 0 else 600
        font = option.font
        wrap = self._wraps.get(font.key())
        if wrap is None:
            bold = QFont(font)
            bold.setBold(True)
            wrap = self._wraps[font.key()] = _Wrap(bold)
        where = (kinds.kind(hit.kind).label + (f" · {meeting}" if meeting else "")).split()
        title = f"{_plain(hit.title)[:TITLE_CHARS]}…".split()
        heading = [*where[:-1], f"{where[-1]}\u00a0\u00a0{title[0]}", *title[1:]]  # unbreakable, as painted
        room = width - 2 * MARGIN - wrap.slack
        lines = wrap.lines(heading, room)
        if hit.snippet:
            lines += wrap.lines(_plain(hit.snippet).split(), room)
        height = min(lines * wrap.metrics.lineSpacing(), option.fontMetrics.lineSpacing() * 4)
        return QSize(width, height + 2 * MARGIN)


class SearchDialog(QDialog):
    """Type to search; Up/Down choose; Enter emits `chosen(kind, record_id)` and closes."""

    chosen = Signal(str, int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("search-dialog")
        self.setWindowTitle("Search everything")
        self.resize(720, 480)
        self.box = QLineEdit()
        self.box.setPlaceholderText("Search agenda items, law changes, submissions and questions…")
        self.box.setAccessibleName("Search")
        self.box.setClearButtonEnabled(True)
        self.results = QListView()
        self.results.setAccessibleName("Search results")
        self.results.setObjectName("search-results")
        self.results.setUniformItemSizes(False)  # hits take one to four lines; there are at most LIMIT
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = HitDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.model = QStandardItemModel(self)
        self.results.setModel(self.model)
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)
        self.summary = QLabel()
        self.summary.setAccessibleName("Search summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.run_search)
        self.box.textChanged.connect(lambda _text: self.debounce.start())
        self.box.installEventFilter(self)

    def start(self, text: str = "") -> None:
        """Show the dialog with the box focused (Ctrl+K)."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        if text:
            self.box.setText(text)
        self.box.selectAll()

    def run_search(self) -> list[SearchHit]:
        query = self.box.text()
        try:
            hits = self.session.store.search(query, LIMIT)
        except StoreError as exc:
            self.summary.setText(str(exc))
            hits = []
        else:
            more = "+" if len(hits) == LIMIT else ""
            self.summary.setText(f"{len(hits)}{more} result{'' if len(hits) == 1 else 's'}" if query.strip() else "")
        meetings = self._meetings_of(hits)
        self.delegate.forget()
        self.model.clear()
        for hit in hits:
            item = QStandardItem()
            item.setData(hit, HIT_ROLE)
            item.setData(meetings.get((hit.kind, hit.record_id)), MEETING_ROLE)
            item.setData(_plain(hit.title), Qt.ItemDataRole.AccessibleTextRole)
            item.setEditable(False)
            self.model.appendRow(item)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        return hits

    def _meetings_of(self, hits: list[SearchHit]) -> dict[tuple[str, int], str]:
        """The meeting of each agenda item and question hit, by date and agreement (as the meeting selector
        begins): the same words may be on several meetings, and a long title would crowd the hit out."""
        store = self.session.store
        agreements = {a.key: a.display_name for a in store.agreements.find()}
        titles = {m.id: f"{m.session_date:%d %b %Y} · {agreements.get(m.agreement_key, m.agreement_key)}"
                  for m in store.meetings.find()}
        found: dict[tuple[str, int], str] = {}
        for kind, table in (("agenda_item", store.agenda), ("question", store.questions)):
            ids = [h.record_id for h in hits if h.kind == kind]
            for record_id, meeting_id in (values_of(table, ids, "meeting_id") if ids else {}).items():
                found[(kind, record_id)] = titles.get(meeting_id, "")
        return found

    def hits(self) -> list[SearchHit]:
        return [self.model.item(row).data(HIT_ROLE) for row in range(self.model.rowCount())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys move through the results while typing continues in the box."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.results.keyPressEvent(event)  # type: ignore[arg-type]
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.debounce.isActive():
                    self.debounce.stop()
                    self.run_search()
                self._activate(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit: SearchHit = index.data(HIT_ROLE)
        self.hide()
        self.chosen.emit(hit.kind, hit.record_id)
