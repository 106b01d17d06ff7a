"""File > Import indicators…: read a spreadsheet of enforcement figures, show the plan, write it as one step.

Nothing is written before the officer has seen the plan; a file with any bad row is refused whole, with
every problem listed by row and column, and the store stays as it was.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from council_prep.errors import CouncilPrepError

if TYPE_CHECKING:
    from council_prep.gui.session import Session
    from council_prep.importers import ImportPlan

SPREADSHEETS = "Spreadsheets (*.xlsx *.csv);;All files (*)"


class ImportPreview(QDialog):
    """The plan in words; Import is offered only when the file has no problems."""

    def __init__(self, plan: "ImportPlan", parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        refused = bool(plan.problems)
        self.setObjectName("import-preview")
        self.setWindowTitle("Import refused" if refused else "Import indicators")
        self.setMinimumWidth(640)
        heading = QLabel(f"<b>{Path(plan.path).name}</b>: " + (
            f"nothing will be imported: {len(plan.problems)} problem{'s' if len(plan.problems) != 1 else ''} "
            "to fix in the file first. The store is unchanged." if refused else
            "this is what the import will do. Nothing is written until you choose Import."), wordWrap=True)
        heading.setAccessibleName("Import summary")
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setObjectName("import-details")
        self.details.setAccessibleName("Import plan")
        self.details.setPlainText("\n".join(plan.problems if refused else plan.summary()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close if refused else
                                   QDialogButtonBox.StandardButton.Cancel)
        if not refused:
            self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class IndicatorImport:
    """The window's import of enforcement figures (the same planner as `council-prep import indicators`)."""

    def __init__(self, window: QWidget, session: "Session"):
        self.window = window
        self.session = session

    def choose(self) -> ImportPreview | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import indicators", str(self.session.path.parent),
                                              SPREADSHEETS)
        return self.preview(Path(path)) if path else None

    def preview(self, path: Path) -> ImportPreview | None:
        """Plan the import without writing, and show the plan (or why the file is refused)."""
        from council_prep.importers import plan_figure_import

        try:
            plan = plan_figure_import(self.session.store, path)
        except CouncilPrepError as exc:
            self.session.failed.emit(str(exc))
            return None
        dialog = ImportPreview(plan, self.window)
        dialog.accepted.connect(lambda: self.apply(plan))
        dialog.open()
        return dialog

    def apply(self, plan: "ImportPlan") -> None:
        """Write the plan as one step of the change log (one Undo takes it all back)."""
        from council_prep.importers import apply_import

        store = self.session.store
        self.session.write(None, lambda: apply_import(store, plan))  # named by the import: "Import … from FILE"
