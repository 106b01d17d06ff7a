"""Importing a file of questions from the window: which column is which (a preview of the first rows,
a drop-down per column, remembered for files with the same headers), then what the import would do,
and only then the import itself, as one undo step."""

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from council_prep.errors import CouncilPrepError
from council_prep.gui.session import Session
from council_prep.gui.settings import Settings
from council_prep.importers import ColumnMapping, ImportPlan, MappingProposal, apply_import, plan_question_import

IGNORE = "(not imported)"


def remembered(proposal: MappingProposal, settings: Settings) -> ColumnMapping:
    """The proposal's mapping, or the one chosen last time for the same headers (when it still fits)."""
    chosen = settings.import_columns(proposal.signature)
    names = {name for name, _ in proposal.choices}
    if not chosen or any(name not in names or max(cols, default=0) >= len(proposal.headers)
                         for name, cols in chosen.items()):
        return proposal.mapping
    return replace(proposal.mapping, columns={name: tuple(cols) for name, cols in chosen.items()},
                   candidates={}, certain=True)


def plan_lines(plan: ImportPlan) -> list[str]:
    """What the import would do, one line each, without the file's path in front of every line."""
    counts = [f"{len(plan.added)} added", f"{len(plan.updated)} updated", f"{plan.unchanged} unchanged",
              f"{plan.duplicates} repeats (already in the store or earlier in the file)",
              f"{plan.rejected} rejected", f"{plan.late} late (received after the question deadline; kept)",
              f"{plan.skipped} skipped" + (f" ({', '.join(f'{why}: {n}' for why, n in plan.skip_reasons.items())})"
                                           if plan.skip_reasons else "")]
    prefix = f"{plan.path}: "
    rest = [line.removeprefix(prefix) for line in plan.summary()[1:]]
    return counts + rest


class ImportDialog(QDialog):
    """Columns first, then the plan, then the import (the status bar names the step written)."""

    def __init__(self, session: Session, settings: Settings, meeting_id: int, proposal: MappingProposal,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Import questions from {proposal.path.name}")
        self.setMinimumSize(760, 480)
        self.session = session
        self.settings = settings
        self.meeting_id = meeting_id
        self.proposal = proposal
        self.mapping = remembered(proposal, settings)
        self.plan: ImportPlan | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._plan_page())
        self.back_button = QPushButton("&Back to the columns")
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.check_button = QPushButton("&Check the file")
        self.check_button.setToolTip("Read every row and show what the import would do; nothing is written yet")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton("&Import")
        self.import_button.clicked.connect(self.apply)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.check_button, self.import_button, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._fill_columns()
        self._show_page(0)

    # The columns
    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.doubt = QLabel()
        self.doubt.setObjectName("mapping-doubt")
        self.doubt.setAccessibleName("Columns to choose")
        self.doubt.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setAccessibleName("Preview of the first rows")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setVisible(False)
        caption = QLabel("Each column of the file is read as the field chosen above it; the rows below are the "
                         "file's first rows.")
        caption.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.doubt)
        layout.addWidget(caption)
        layout.addWidget(self.preview, 1)
        return page

    def _fill_columns(self) -> None:
        proposal = self.proposal
        rows = proposal.preview
        self.preview.setColumnCount(len(proposal.headers))
        self.preview.setRowCount(len(rows) + 1)
        self.combos: list[QComboBox] = []
        for column, header in enumerate(proposal.headers):
            combo = QComboBox()
            combo.setAccessibleName(f"Column {column + 1} “{header}” read as")
            combo.addItem(IGNORE, None)
            for name, text in proposal.choices:
                combo.addItem(text, name)
            combo.setCurrentIndex(max(combo.findData(self.mapping.field_at(column)), 0))
            combo.activated.connect(lambda _i, c=column: self._column_chosen(c))
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
            for row, cells in enumerate(rows, start=1):
                text = cells[column] if column < len(cells) else ""
                self.preview.setItem(row, column, QTableWidgetItem(" ".join(text.split())))
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(max(self.preview.columnWidth(column), 140), 320))
        self._say_doubt()

    def _column_chosen(self, column: int) -> None:
        self.mapping.assign(column, self.combos[column].currentData())
        for other, combo in enumerate(self.combos):  # a field taken by this column leaves the one that had it
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(self.mapping.field_at(other)), 0))
            combo.blockSignals(False)
        self._say_doubt()

    def _say_doubt(self) -> None:
        labels = dict(self.proposal.choices)
        headers = self.proposal.headers
        doubts = [f"{labels.get(name, name)}: " + " or ".join(f"“{headers[c]}”" for c in columns)
                  for name, columns in self.mapping.candidates.items()]
        in_doubt = {c for columns in self.mapping.candidates.values() for c in columns}
        for column, header in enumerate(headers):  # a column to choose is marked in words, not colour
            title = header or f"Column {column + 1}"
            self.preview.setHorizontalHeaderItem(column, QTableWidgetItem(f"? {title}" if column in in_doubt
                                                                          else title))
        if doubts:
            self.doubt.setText("Choose which column holds " + "; ".join(doubts) + " (marked ? above).")
        else:
            read = ", ".join(f"{labels.get(name, name)} ← " + " + ".join(f"“{headers[c]}”" for c in columns)
                             for name, columns in self.mapping.columns.items())
            self.doubt.setText(f"Columns read: {read}")
        self.check_button.setEnabled(self.mapping.certain)

    # The plan
    def _plan_page(self) -> QWidget:
        page = QWidget()
        self.verdict = QLabel()
        self.verdict.setObjectName("import-verdict")
        self.verdict.setAccessibleName("Verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-weight: bold")
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("What the import would do")
        layout = QVBoxLayout(page)
        layout.addWidget(self.verdict)
        layout.addWidget(self.report, 1)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        on_plan = index == 1
        self.back_button.setVisible(on_plan)
        self.check_button.setVisible(not on_plan)
        self.import_button.setVisible(on_plan)
        self.import_button.setEnabled(on_plan and self.plan is not None and not self.plan.problems)
        self.check_button.setEnabled(self.mapping.certain)
        (self.import_button if on_plan and self.import_button.isEnabled() else
         self.back_button if on_plan else self.check_button).setDefault(True)

    def check(self) -> None:
        """Read and check every row (in the background: a large file takes a while); nothing is written."""
        mapping = replace(self.mapping, columns=dict(self.mapping.columns), candidates={})
        store, meeting_id, path = self.session.store, self.meeting_id, self.proposal.path

        def work(_progress: Any, _cancelled: Any) -> ImportPlan:
            return plan_question_import(store, meeting_id, path, mapping)

        if self.session.runner is None:
            try:
                self._checked(work(None, None))
            except CouncilPrepError as exc:
                self._refused(exc)
            return
        self.check_button.setEnabled(False)
        self.session.runner.run(f"Checking {path.name}…", work, self._checked, self._refused)

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.settings.set_import_columns(self.proposal.signature,
                                         {name: list(cols) for name, cols in self.mapping.columns.items()})
        lines = plan_lines(plan)
        if plan.problems:
            self.verdict.setText(f"This file cannot be imported as it is: {len(plan.problems)} "
                                 f"problem{'' if len(plan.problems) == 1 else 's'}. Nothing has been written.")
            lines = [*plan.problems, "", *lines]
        else:
            self.verdict.setText(f"Ready: {len(plan.added)} to add, {len(plan.updated)} to update. "
                                 "Nothing has been written yet.")
        self.report.setPlainText("\n".join(lines))
        self._show_page(1)

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, CouncilPrepError):
            raise exc
        self.plan = None
        self.verdict.setText("This file cannot be imported. Nothing has been written.")
        self.report.setPlainText(str(exc))
        self._show_page(1)

    def apply(self) -> None:
        """Write the plan as one step (Edit > Undo takes the whole import back), in the background."""
        plan = self.plan
        if plan is None or plan.problems:
            return
        self.setEnabled(False)  # nothing to click while the rows are written

        def then(changes: object) -> None:
            self.setEnabled(True)
            if changes is not None:
                self.accept()

        self.session.write_in_background(f"Importing {plan.path.name}…", None,
                                         lambda: apply_import(self.session.store, plan), then)
