"""Several laptops in the window: send my changes to a shared folder, merge a package (with a preview
first) or every package in the folder, and decide the conflicts a merge left, field by field.

The conflicts stay in a banner above the tabs until every one is decided, so none is missed.
"""

from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_type_hints

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import kinds, label
from council_prep.domain.fields import label_of
from council_prep.domain.kinds import KINDS
from council_prep.errors import CouncilPrepError
from council_prep.store.merge import GONE, MergeReport

if TYPE_CHECKING:
    from council_prep.gui.main_window import MainWindow

PACKAGES = "council-prep packages (*.cpx)"


def shown(value: Any, kind: str = "", field: str = "") -> str:
    """A conflict's value as a person reads it: a status in words, a list as its items."""
    choices = _enum_of(kind, field)
    if choices is not None and isinstance(value, str) and value in {c.value for c in choices}:
        return label(choices(value))
    if isinstance(value, dict):
        return "the whole record, as the other laptop holds it"
    if value == GONE:
        return "deleted"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


class MergePreview(QDialog):
    """What a package would bring, before anything is written."""

    def __init__(self, package: Path, report: MergeReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("merge-preview")
        self.setWindowTitle(f"Merge from {package.name}")
        self.text = text = QPlainTextEdit("\n".join(report.lines()))
        text.setReadOnly(True)
        text.setAccessibleName("What the merge would do")
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"From site {report.source}. Nothing is written until you press Merge; "
                                "the merge can then be undone as one step."))
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 360)


class ConflictsDialog(QDialog):
    """Each open conflict: the record, the field, the value here and theirs; keep, take or edit."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("conflicts-dialog")
        self.setWindowTitle("Conflicts to decide")
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Conflicts")
        self.table.setHorizontalHeaderLabels(["Record", "Field", "Here", "Theirs"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.mine_button = QPushButton("Keep &mine")
        self.theirs_button = QPushButton("Take &theirs")
        self.edit_button = QPushButton("&Edit…")
        self.mine_button.clicked.connect(lambda: self.decide("mine"))
        self.theirs_button.clicked.connect(lambda: self.decide("theirs"))
        self.edit_button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        for button in (self.mine_button, self.theirs_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(860, 420)
        self.refresh()

    def refresh(self) -> None:
        store = self.window_.session.store
        self.conflicts = store.open_conflicts()
        self.table.setRowCount(len(self.conflicts))
        for row, (_, kind, uid, field, mine, theirs, _peer) in enumerate(self.conflicts):
            record = store.table(kind).find_uid(uid) if kind in _RECORD_KINDS else None  # else a link
            name = kind.replace("_", " ") + (f" {store.table(kind).kind.describe(record)}" if record else f" {uid}")
            cells = [name, "the record" if field.startswith("(") else label_of(kind, field),
                     shown(mine, kind, field), shown(theirs, kind, field)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if self.conflicts:
            self.table.selectRow(0)

    def selected(self) -> tuple | None:
        row = self.table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def decide(self, choice: str, value: Any = None) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        session = self.window_.session
        session.write(None, lambda: session.store.decide(conflict[0], choice, value))
        self.refresh()

    def edit(self) -> None:
        """Type the value by hand, starting from theirs (a text field only)."""
        conflict = self.selected()
        if conflict is None:
            return
        _, kind, _, field, mine, theirs, _ = conflict
        if field.startswith("(") or not isinstance(theirs if theirs is not None else mine, str):
            self.window_.say("Only a text field can be edited by hand; keep mine or take theirs")
            return
        text, ok = QInputDialog.getMultiLineText(self, "Edit the value", label_of(kind, field), theirs or "")
        if ok:
            self.decide("edit", text)


_RECORD_KINDS = frozenset(k.key for k in KINDS)


def _enum_of(kind: str, field: str) -> type[StrEnum] | None:
    if kind not in _RECORD_KINDS:
        return None
    hint = get_type_hints(kinds.kind(kind).cls).get(field)
    return hint if isinstance(hint, type) and issubclass(hint, StrEnum) else None


class Exchange:
    """The File menu's exchange actions and the conflict banner of one window."""

    def __init__(self, window: "MainWindow"):
        self.window = window
        self.banner = QPushButton()
        self.banner.setObjectName("conflict-banner")
        self.banner.setAccessibleName("Conflicts waiting for a decision")
        self.banner.setStyleSheet("QPushButton { background: #fff4ce; color: #3d2f00; border: none; "
                                  "border-bottom: 1px solid #c8a600; padding: 6px; text-align: left; }")
        self.banner.clicked.connect(self.show_conflicts)
        self.banner.hide()
        self.merge_action = window._action("&Merge from…", None, "Ctrl+Shift+M", self.merge_from,
                                           "Bring another laptop's exchange package into this store")
        self.send_action = window._action("Send my &changes…", None, None, self.send_changes,
                                          "Write this store's changes to the shared folder as a package")
        self.merge_folder_action = window._action("Merge all from &folder…", None, None, self.merge_folder,
                                                  "Merge every package in the shared folder in one step")

    @property
    def session(self):
        return self.window.session

    def refresh(self) -> None:
        """Show the banner while conflicts wait."""
        count = len(self.session.store.open_conflicts()) if not self.session.read_only else 0
        self.banner.setText(f"⚠ {count} conflict{'s' if count != 1 else ''} from merges wait for your decision "
                            f"(click to decide)")
        self.banner.setVisible(count > 0)

    def show_conflicts(self) -> ConflictsDialog:
        dialog = ConflictsDialog(self.window)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    # Merging
    def merge_from(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Merge from", str(self._folder() or Path.home()), PACKAGES)
        if path:
            self.preview(Path(path))

    def preview(self, package: Path) -> MergePreview | None:
        """Work out the merge without writing, show it, and merge when the officer agrees."""
        try:
            report = self.session.store.merge(package, dry_run=True)
        except CouncilPrepError as exc:
            self.window._store_failed(str(exc))
            return None
        dialog = MergePreview(package, report, self.window)
        dialog.accepted.connect(lambda: self.apply([package]))
        dialog.open()
        return dialog

    def apply(self, packages: list[Path]) -> None:
        label = f"Merge from {packages[0].name}" if len(packages) == 1 else f"Merge {len(packages)} packages"
        reports: list[MergeReport] = []
        changes = self.session.write(label, lambda: reports.extend(self.session.store.merge(p) for p in packages))
        self.refresh()
        if changes is not None:
            conflicts = sum(len(r.conflicts) for r in reports)
            self.window.say(f"{label}: {sum(sum(r.added.values()) for r in reports)} added, "
                            f"{sum(sum(r.updated.values()) for r in reports)} updated, {conflicts} conflicts")

    def merge_folder(self) -> None:
        folder = self._folder(ask=True)
        if folder is None:
            return
        own = self.session.store.site_id()
        packages = [p for p in sorted(folder.glob("*.cpx")) if not p.name.startswith(own)]
        if not packages:
            self.window.say(f"No packages from other laptops in {folder}")
            return
        self.apply(packages)

    # Sending
    def send_changes(self) -> Path | None:
        folder = self._folder(ask=True)
        if folder is None:
            return None
        site = self.session.store.site_id()
        output = folder / f"{site}-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.cpx"
        try:
            count = self.session.store.pack(output)
        except CouncilPrepError as exc:
            self.window._store_failed(str(exc))
            return None
        self.window.say(f"Sent {count} step{'s' if count != 1 else ''} to {output}")
        return output

    def _folder(self, *, ask: bool = False) -> Path | None:
        folder = self.window.settings.exchange_folder()
        if (folder is None or not folder.is_dir()) and ask:
            chosen = QFileDialog.getExistingDirectory(self.window, "Shared folder for exchange packages",
                                                      str(Path.home()))
            folder = Path(chosen) if chosen else None
            if folder is not None:
                self.window.settings.set_exchange_folder(folder)
        return folder

