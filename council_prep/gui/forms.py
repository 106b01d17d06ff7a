"""A record's editor pane, built from field specs; every finished edit is validated and saved at once."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from council_prep.domain import Record
from council_prep.gui import fields as f
from council_prep.gui.lookups import Lookups


@dataclass(frozen=True)
class FieldSpec:
    """One editor field: the record attribute, its label and the widget kind that edits it."""

    name: str
    label: str
    kind: str = "line"  # line | text | enum | date | datetime | check | topic | topics | partner | list
    enum: type[StrEnum] | None = None
    # An editor of its own (a person from the directory, asks and responses) made with the form's commit.
    make: Callable[[f.Commit], f.FieldEditor] | None = field(default=None, compare=False)


def plain(text: str) -> str:
    """A label without its mnemonic marker, for accessible names."""
    return text.replace("&", "")


class RecordForm(QWidget):
    """Shows one record; emits `edited(before, after)` when a valid change is finished."""

    edited = Signal(object, object)

    def __init__(self, specs: list[FieldSpec], lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.specs = specs
        self.record: Record | None = None
        self.editors: dict[str, f.FieldEditor] = {}
        self._shown: dict[str, Any] = {}  # what each editor gave back right after showing the record
        self._read_only = False
        self._loading = False
        content = QWidget()
        self.layout_ = QFormLayout(content)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            editor = self._editor(spec, lookups)
            self.editors[spec.name] = editor
            editor.widget.setAccessibleName(plain(spec.label))
            proxy = editor.widget.focusProxy()  # a field of several controls: the one that takes the focus
            if proxy is not None:
                proxy.setAccessibleName(plain(spec.label))
            if spec.kind == "check":
                self.layout_.addRow("", editor.widget)
            else:
                self.layout_.addRow(spec.label, editor.widget)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems")
        self.problems.hide()
        self.layout_.addRow(self.problems)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the frame
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setEnabled(False)

    def _editor(self, spec: FieldSpec, look: Lookups) -> f.FieldEditor:
        commit = self.commit
        topics = [(key, topic.label) for key, topic in look.topics.items()]
        if spec.make is not None:
            return spec.make(commit)
        match spec.kind:
            case "text":
                return f.TextField(commit)
            case "list":
                return f.LinesField(commit, lines=3)
            case "date":
                return f.DateField(commit)
            case "datetime":
                return f.DateField(commit, with_time=True)
            case "check":
                return f.CheckField(commit, spec.label)
            case "enum":
                assert spec.enum is not None
                return f.ChoiceField.of_enum(commit, spec.enum)
            case "partner":
                return f.ChoiceField(commit, [(code, p.name) for code, p in look.partners.items()])
            case "topic":
                return f.ChoiceField(commit, [(None, "(no topic)"), *topics])
            case "topics":
                return f.CheckListField(commit, topics)
            case "minutes":
                return f.IntField(commit, 1, 600, " min")
            case "points":
                return f.PointsField(commit)
            case "links":
                return f.CheckListField(commit, [], rows=4)
            case _:
                return f.LineField(commit)

    def set_choices(self, name: str, choices: list[tuple[Any, str]]) -> None:
        """Offer `choices` (value, text) in a field whose choices come from the store (links, people)."""
        self.editors[name].set_choices(choices)  # type: ignore[attr-defined]

    def load(self, record: Record | None) -> None:
        """Show `record` (None: an empty, disabled pane)."""
        self.record = record
        self._loading = True
        for name, editor in self.editors.items():
            editor.set_value(getattr(record, name) if record is not None else None)
        self._explain()
        self._shown = {name: editor.value()[0] for name, editor in self.editors.items()}
        self._loading = False
        self._show_problems([])
        self.setEnabled(record is not None)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for editor in self.editors.values():
            editor.set_read_only(read_only)

    def commit(self) -> None:
        """Validate what the fields hold; a valid change is emitted, problems are listed.

        A field whose editor still gives back what it gave right after showing the record keeps
        the record's own value: showing a record never rewrites it (an offset the editor does not
        show, the order of a list, seconds), and only a value the user really changed is saved.
        """
        if self._loading or self._read_only or self.record is None:
            return
        values: dict[str, Any] = {}
        problems: list[str] = []
        for name, editor in self.editors.items():
            value, problem = editor.value()
            if problem:
                problems.append(problem)
            elif value != self._shown.get(name):
                values[name] = editor.merged(value, getattr(self.record, name))
        after = replace(self.record, **values)
        problems += [p.message for p in after.problems()]
        self._show_problems(problems)
        if problems or after == self.record:
            return
        before, self.record = self.record, after
        self._shown.update({name: self.editors[name].value()[0] for name in values})
        self._explain()
        self.edited.emit(before, after)

    def _explain(self) -> None:
        """Fields that explain themselves from the whole record (a due date's default and flag) follow it."""
        for editor in self.editors.values():
            explain = getattr(editor, "show_record", None)
            if explain is not None:
                explain(self.record)

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(f"⚠ {p}" for p in problems))
        self.problems.setVisible(bool(problems))
