"""The Book tab: choose sections, profile and template; export to Word, PDF or Excel in the background.

The book is assembled in the worker from its own read-only connection (an SQLite connection
must not cross threads); the exporters are imported there too, so they never slow the start.
"""

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from council_prep.book import SECTION_TITLES, Profile, Section, assemble_book
from council_prep.domain import Meeting
from council_prep.errors import CouncilPrepError
from council_prep.exporters.output import ExportCancelled, check_cancelled
from council_prep.gui import messages
from council_prep.gui.brief.readiness import DraftList
from council_prep.gui.icons import icon
from council_prep.gui.operations import Operation
from council_prep.gui.session import Session
from council_prep.gui.settings import Settings
from council_prep.store import Store

FORMATS = {"docx": "Word document", "pdf": "PDF", "xlsx": "Excel workbook"}


def export_book(store_path: Path, meeting_id: int, profile: Profile, sections: list[Section], fmt: str,
                output: Path, template: Path | None, progress, cancelled) -> Path:
    """Assemble and write the book (runs in a worker thread, on its own connection).

    The workbook reads the questions from the store as it writes them, so the store stays open.
    """
    with Store.open(store_path, read_only=True) as store:
        if fmt == "xlsx":
            from council_prep.book.stream import stream_book
            from council_prep.exporters.xlsx import export_xlsx

            stream = stream_book(store, meeting_id, profile=profile, sections=sections)
            check_cancelled(cancelled, output)
            return export_xlsx(stream, output, progress=progress, cancelled=cancelled)
        book = assemble_book(store, meeting_id, profile=profile, sections=sections)
    check_cancelled(cancelled, output)
    if fmt == "pdf":
        from council_prep.exporters.pdf import export_pdf

        export_pdf(book, output, template=template, progress=progress, cancelled=cancelled)
    else:
        from council_prep.exporters.docx import export_docx

        export_docx(book, output, template=template, progress=progress, cancelled=cancelled)
    return output


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")[:60] or "briefing-book"


class BookTab(QWidget):
    status = Signal(str)  # what just happened, for the status bar
    exported = Signal(Path)

    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.store_path = session.path
        self.settings = settings
        self.meeting: Meeting | None = None
        self.operation: Operation | None = None
        self.progress: QProgressDialog | None = None
        self.section_boxes: dict[Section, QCheckBox] = {}
        sections = QGroupBox("Sections to include")
        grid = QGridLayout(sections)
        rows = (len(Section) + 1) // 2  # two columns: the tab still fits a 1024-pixel window beside its output box
        for n, section in enumerate(Section):
            box = QCheckBox(SECTION_TITLES[section], checked=True)
            box.setAccessibleName(SECTION_TITLES[section])
            self.section_boxes[section] = box
            grid.addWidget(box, n % rows, n // rows)
        profile = QGroupBox("Profile")
        self.internal = QRadioButton("&Internal: everything, for the delegation", checked=True)
        self.public = QRadioButton("P&ublic: without talking points, assessments or confidential askers")
        self.profiles = QButtonGroup(self)
        for button in (self.internal, self.public):
            self.profiles.addButton(button)
        profile_layout = QVBoxLayout(profile)
        profile_layout.addWidget(self.internal)
        profile_layout.addWidget(self.public)
        self.template = QLineEdit(placeholderText="Built-in template")
        self.folder = QLineEdit()
        self.file_name = QLineEdit()
        for field, name in ((self.template, "Word template"), (self.folder, "Output folder"),
                            (self.file_name, "File name")):
            field.setAccessibleName(name)
        folder = settings.export_folder() or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self.folder.setText(str(folder))
        files = QGroupBox("Output")
        form = QFormLayout(files)
        form.addRow("Word &template", self._with_browse(self.template, self._browse_template))
        form.addRow("Output &folder", self._with_browse(self.folder, self._browse_folder))
        form.addRow("File &name", self.file_name)
        self.word_button = QPushButton(icon("word"), "Export to &Word…")
        self.excel_button = QPushButton(icon("excel"), "Export to &Excel…")
        self.pdf_button = QPushButton("Export to &PDF…")
        self.pdf_button.setToolTip("A tagged PDF with bookmarks and the contents' page numbers (needs LibreOffice)")
        self.word_button.clicked.connect(lambda: self.export("docx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.result = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName("Last export")
        self.waiting = QLabel(wordWrap=True)  # changes made since the last book of this edition
        self.waiting.setAccessibleName("Changes since the last book")
        buttons = QHBoxLayout()
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.excel_button)
        buttons.addStretch()
        self.heading = QLabel()
        self.draft = DraftList()
        # Two columns, what goes in the book beside where it goes: a wide screen is used, a small one still fits.
        layout = QGridLayout(self)
        layout.addWidget(self.heading, 0, 0, 1, 2)
        layout.addWidget(sections, 1, 0)
        layout.addWidget(profile, 2, 0)
        layout.addWidget(files, 1, 1)
        layout.addLayout(buttons, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.waiting, 3, 0, 1, 2)
        layout.addWidget(self.result, 4, 0, 1, 2)
        layout.addWidget(self.draft, 5, 0, 1, 2)
        layout.setRowStretch(5, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)

    def _with_browse(self, field: QLineEdit, browse) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        button = QPushButton("Browse…")
        button.setAccessibleName(f"Browse for {field.accessibleName().lower()}")
        button.clicked.connect(browse)
        layout.addWidget(button)
        return row

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Word template", self.folder.text(), "Word (*.docx *.dotx)")
        if path:
            self.template.setText(path)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Output folder", self.folder.text())
        if path:
            self.folder.setText(path)

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.meeting = meeting
        self.heading.setText(f"<b>Briefing book</b> for {meeting.title}" if meeting else "No meeting selected")
        self.file_name.setText(slug(meeting.title) if meeting else "")
        for button in (self.word_button, self.excel_button):
            button.setEnabled(meeting is not None)
        self.show_waiting()

    def profile(self) -> Profile:
        return Profile.PUBLIC if self.public.isChecked() else Profile.INTERNAL

    def output_path(self, fmt: str) -> Path:
        name = self.file_name.text().strip() or "briefing-book"
        suffix = f"-{self.profile().value}" if self.profile() is Profile.PUBLIC else ""
        return Path(self.folder.text()).expanduser() / f"{name}{suffix}.{fmt}"

    # Exporting
    def export(self, fmt: str) -> Operation | None:
        """Export now, or once the user agrees to replace a file already there (None until then)."""
        if self.meeting is None or self.operation is not None:
            return None
        output = self.output_path(fmt)
        if output.exists():
            messages.choose(self, "Replace file?", f"{output} already exists.\n\nReplace it with a new export?",
                            [("&Replace", QMessageBox.ButtonRole.AcceptRole),
                             ("Cancel", QMessageBox.ButtonRole.RejectRole)],
                            lambda choice: self._start(fmt, output) if choice == 0 else None, name="replace-file")
            return None
        return self._start(fmt, output)

    def _start(self, fmt: str, output: Path) -> Operation:
        sections = [s for s, box in self.section_boxes.items() if box.isChecked()]
        template = Path(self.template.text()).expanduser() if self.template.text().strip() else None
        meeting_id, profile, store_path = self.meeting.id, self.profile(), self.store_path
        self.operation = Operation(lambda progress, cancelled: export_book(
            store_path, meeting_id, profile, sections, fmt, output, template, progress, cancelled))
        self.progress = QProgressDialog(f"Writing {output.name}…", "Cancel", 0, 0, self)
        self.progress.setObjectName("export-progress")
        self.progress.setWindowTitle(f"Export to {FORMATS[fmt]}")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.operation.cancel)
        self.operation.signals.progress.connect(self._progress)
        self.operation.signals.succeeded.connect(self._succeeded)
        self.operation.signals.failed.connect(self._failed)
        self.progress.show()
        self.status.emit(f"Exporting {output.name}…")
        return self.operation.start()

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        self.operation = None

    def _succeeded(self, output: Path) -> None:
        self._finish()
        self.settings.set_export_folder(output.parent)
        self._record(output)
        self.result.setText(f"Last export: {output}" + self._withheld_line(output))
        self.status.emit(f"Exported {output}")
        self.exported.emit(output)
        messages.choose(
            self, "Export finished", f"The briefing book was written to\n{output}",
            [("&Open file", QMessageBox.ButtonRole.AcceptRole), ("Open &folder", QMessageBox.ButtonRole.ActionRole),
             ("Close", QMessageBox.ButtonRole.RejectRole)],
            lambda choice: self._open(output, choice), name="export-finished", icon=QMessageBox.Icon.Information,
        )

    def _record(self, output: Path) -> None:
        """Remember the export in the store, so the next book can say what changed since."""
        if self.meeting is None or self.session.read_only:
            return
        try:
            self.session.store.record_export(self.meeting.uid, output.suffix.lstrip("."), self.profile().value,
                                             output.name)
        except CouncilPrepError as exc:
            self.status.emit(f"The export was not recorded: {exc}")
        self.show_waiting()

    def showEvent(self, event) -> None:
        self.show_waiting()
        super().showEvent(event)

    def show_waiting(self) -> None:
        """How many changes the next book of this edition will list as made since the last one, and what is
        still draft."""
        from council_prep.book.since import changes_since_last_book

        self.draft.show_meeting(self.session.store, self.meeting)
        since = changes_since_last_book(self.session.store, self.meeting, self.profile()) if self.meeting else None
        if since is None:
            self.waiting.setText("No book of this edition has been exported yet.")
            return
        count = since.count
        self.waiting.setText(f"{count} change{'s' if count != 1 else ''} since the book of "
                             f"{since.since.astimezone():%B %-d, %Y %H:%M} ({since.file_name}).")

    def _withheld_line(self, output: Path) -> str:
        """A public file has a report beside it of what it leaves out, for the officer."""
        if self.profile() is not Profile.PUBLIC:
            return ""
        from council_prep.exporters.withheld import withheld_report_path

        report = withheld_report_path(output)
        return f"\nWhat it leaves out: {report}" if report.exists() else ""

    def _open(self, output: Path, choice: int) -> None:
        if choice in (0, 1):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(output if choice == 0 else output.parent)))

    def _failed(self, error: Exception) -> None:
        self._finish()
        if isinstance(error, ExportCancelled):
            self.status.emit("Export cancelled; no file was written")
            self.result.setText("Export cancelled; no file was written.")
            return
        text = str(error) if isinstance(error, CouncilPrepError) else f"{type(error).__name__}: {error}"
        self.status.emit("Export failed")
        self.result.setText(f"Export failed: {text}")
        messages.error(self, "Export failed", f"The briefing book could not be written.\n\n{text}",
                       name="export-failed")
