"""Fields that choose people from the directory by typing part of a name (a completer), never free text."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from council_prep.gui.fields import Commit, FieldEditor, ListBox


def name_box(placeholder: str) -> tuple[QLineEdit, QCompleter]:
    """A line edit that completes names from anywhere in them, whatever their case."""
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    completer = QCompleter([], box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    box.setCompleter(completer)
    return box, completer


class Directory:
    """The people offered: (person id, "Name, Title (Organization)") both ways round."""

    def __init__(self) -> None:
        self.texts: dict[int, str] = {}
        self.ids: dict[str, int] = {}

    def set(self, choices: list[tuple[Any, str]]) -> None:
        self.texts = dict(choices)
        self.ids = {text.casefold(): person_id for person_id, text in choices}

    def find(self, text: str) -> int | None:
        """The person `text` names: the whole entry, or a name only one entry starts with."""
        key = text.strip().casefold()
        if key in self.ids:
            return self.ids[key]
        starting = [pid for entry, pid in self.ids.items() if entry.startswith(key)]
        return starting[0] if len(starting) == 1 else None


class PersonField(FieldEditor):
    """One person of the directory (an item's lead): type a few letters, choose; empty means nobody."""

    def __init__(self, on_commit: Commit, placeholder: str = "Type a name from the directory"):
        self.widget, self.completer = name_box(placeholder)
        self.directory = Directory()
        self._on_commit = on_commit
        self.widget.editingFinished.connect(on_commit)
        self.completer.activated.connect(lambda _text: on_commit())

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        self.directory.set(choices)
        self.completer.model().setStringList([text for _id, text in choices])  # type: ignore[attr-defined]

    def value(self) -> tuple[Any, str | None]:
        text = self.widget.text().strip()
        if not text:
            return None, None
        found = self.directory.find(text)
        if found is None:
            return None, f"'{text}' is not in the people directory; add the person on the People tab first"
        return found, None

    def set_value(self, value: Any) -> None:
        self.widget.setText(self.directory.texts.get(value, "") if value is not None else "")
        self.widget.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class PeopleField(FieldEditor):
    """Several people of the directory, in order (an item's speakers): add by name, remove with Del."""

    def __init__(self, on_commit: Commit):
        self.widget = ListBox(self.remove_selected)
        self.list = QListWidget()
        self.list.setAccessibleName("Speakers")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        self.add_box, self.completer = name_box("Add a speaker: type a name, Enter")
        self.add_box.setAccessibleName("Add speaker")
        self.add_box.returnPressed.connect(self.add_typed)
        self.completer.activated.connect(lambda _text: self.add_typed())
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected speaker (Del)")
        self.remove_button.clicked.connect(self.remove_selected)
        self.directory = Directory()
        self._on_commit = on_commit
        self._ids: list[int] = []
        row = QHBoxLayout()
        row.addWidget(self.add_box, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        self.directory.set(choices)
        self.completer.model().setStringList([text for _id, text in choices])  # type: ignore[attr-defined]
        self._fill()

    def add_typed(self) -> None:
        """Add the person typed (a name only one entry starts with will do); an unknown name stays to be fixed."""
        found = self.directory.find(self.add_box.text())
        if found is None:
            self.add_box.setToolTip("Not in the people directory: add the person on the People tab first")
            return
        self.add_box.clear()
        if found not in self._ids:
            self._ids.append(found)
            self._fill()
            self._on_commit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._ids):
            del self._ids[row]
            self._fill()
            self._on_commit()

    def _fill(self) -> None:
        self.list.clear()
        for person_id in self._ids:
            item = QListWidgetItem(self.directory.texts.get(person_id, f"(person {person_id})"))
            self.list.addItem(item)

    def value(self) -> tuple[Any, str | None]:
        return list(self._ids), None

    def set_value(self, value: Any) -> None:
        self._ids = list(value or [])
        self._fill()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.add_box, self.remove_button):
            widget.setVisible(not read_only)
