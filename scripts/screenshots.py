"""Screenshots of every tab of the window on a fresh demo store, for the README and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUTPUT_FOLDER]

Writes gui-agenda.png, gui-law-changes.png, gui-submissions.png, gui-questions.png, gui-book.png,
gui-people.png, gui-commitments.png, gui-enforcement.png, gui-projects.png and gui-search.png; an agenda
item's brief (gui-agenda-brief.png); the question desk with a duplicate group open (gui-desk.png); the
reading view of review mode in a light and a dark palette (gui-reading.png, gui-reading-dark.png); and
the window at the smallest and a large size it is made for (gui-1024x700.png, gui-2560x1440.png,
gui-book-2560x1440.png). Default folder: docs/images.
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from council_prep.demo import load_demo  # noqa: E402
from council_prep.gui.app import application  # noqa: E402
from council_prep.gui.main_window import MainWindow  # noqa: E402
from council_prep.gui.opening import open_session  # noqa: E402
from council_prep.gui.settings import Settings  # noqa: E402
from council_prep.store import Store  # noqa: E402

TABS = ["agenda", "law-changes", "submissions", "questions", "book", "reading", "people", "commitments",
        "enforcement", "projects"]
SIZES = [(1024, 700), (2560, 1440)]


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def dark_palette() -> QPalette:
    """A dark palette as desktops set one, to check the window stays readable in it."""
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#2a82da"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Link, "#6cb4ff"),
                         (QPalette.ColorRole.PlaceholderText, "#9a9a9a"), (QPalette.ColorRole.ToolTipBase, "#353535"),
                         (QPalette.ColorRole.ToolTipText, "#e8e8e8")):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def reading(window: MainWindow, app: QApplication, output: Path) -> None:
    """The reading view on an item with talking points and links, a note typed beside it; light and dark."""
    view = window.reading_view
    window.tabs.setCurrentWidget(view)
    view.sidebar.setCurrentRow(1)
    view.notes_box.editor.setPlainText("Ask when the inspectorate's new posts will be filled.\n\nThank them for the "
                            "data on agricultural inspections.")
    settle(app)
    window.grab().save(str(output / "gui-reading.png"))
    light = app.palette()
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    view.sidebar.setCurrentRow(0)
    view.sidebar.setCurrentRow(1)  # the page is drawn again in the palette's colours
    settle(app)
    window.grab().save(str(output / "gui-reading-dark.png"))
    view.notes_box.editor.clear()
    app.setPalette(light)


def desk(window: MainWindow, app: QApplication, output: Path) -> None:
    """The question desk with a duplicate group open: its askers, and a question like it side by side."""
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    meeting = window.current_meeting()
    links = store.questions.duplicate_links(meeting.id)
    originals = [original for _, original in links]
    chosen = max(set(originals), key=lambda q: (originals.count(q), -q))
    tab.select_record(chosen)
    tab.side.setCurrentWidget(tab.duplicates)
    settle(app)
    window.grab().save(str(output / "gui-desk.png"))
    tab.side.setCurrentIndex(0)


def agenda_brief(window: MainWindow, app: QApplication, output: Path) -> None:
    """The item editor scrolled to the brief: points to make and avoid, asks and responses, press, lead."""
    from PySide6.QtWidgets import QScrollArea

    tab = window.agenda_tab
    window.tabs.setCurrentWidget(tab)
    with_brief = next((i for i in tab.model.items if i.asks and i.continues_id), None) or next(
        (i for i in tab.model.items if i.asks), tab.model.items[0])
    tab.select_item(with_brief.id)
    tab.splitter.setSizes([560, 840])
    settle(app)
    scroll = tab.form.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(tab.form.editors["points_to_make"].widget.parentWidget().y()
                                        + tab.form.editors["points_to_make"].widget.y() - 8)
    settle(app)
    window.grab().save(str(output / "gui-agenda-brief.png"))


def people(window: MainWindow, app: QApplication, output: Path) -> None:
    """The People tab on a counterpart whose name has a pronunciation, the meeting's participants below."""
    tab = window.people_tab
    window.tabs.setCurrentWidget(tab)
    person = next((p for p in window.session.store.people.find()
                   if p.side == "partner" and p.pronunciation and p.biography), None)
    if person is not None:
        tab.select_record(person.id)
    settle(app)
    window.grab().save(str(output / "gui-people.png"))


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images"
    output.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "demo.db"
        with Store.open(store_path) as store:
            load_demo(store)
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        settings.set_notes_folder(Path(folder) / "notes")
        window = MainWindow(open_session(store_path, read_only=False, ask=lambda reason: True), settings)
        window.resize(1400, 900)
        window.show()
        settle(app)
        for index, name in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            settle(app)
            window.grab().save(str(output / f"gui-{name}.png"))
        for width, height in SIZES:
            window.resize(width, height)
            window.tabs.setCurrentIndex(0)
            settle(app)
            window.grab().save(str(output / f"gui-{width}x{height}.png"))
        window.tabs.setCurrentIndex(TABS.index("book"))
        settle(app)
        window.grab().save(str(output / "gui-book-2560x1440.png"))
        window.resize(1400, 900)
        window.tabs.setCurrentIndex(0)
        window.open_search()
        window.search.box.setText("migrant fish")
        window.search.run_search()
        settle(app)
        window.search.grab().save(str(output / "gui-search.png"))
        window.search.hide()
        agenda_brief(window, app, output)
        people(window, app, output)
        desk(window, app, output)
        reading(window, app, output)
        window.close()
    print(f"screenshots written to {output}")


if __name__ == "__main__":
    main()
