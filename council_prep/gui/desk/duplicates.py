"""The duplicates pane: who asked the selected question (its group, each asker with their own text and
confidentiality), questions like it or like the one being typed side by side, folding and unfolding."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from council_prep.desk.duplicates import DuplicateFinder, Match
from council_prep.desk.words import content_words, shared_words
from council_prep.domain import Question
from council_prep.gui.desk.compare import SideBySide
from council_prep.gui.icons import icon
from council_prep.gui.session import Session

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

ID_ROLE = Qt.ItemDataRole.UserRole


def named(question: Question) -> str:
    text = " ".join(question.text.split())
    return f"question {question.id} “{text[:60]}{'…' if len(text) > 60 else ''}”"


def asker_line(question: Question) -> str:
    who = question.asker_name or "(no name)"
    if question.organization:
        who += f", {question.organization}"
    return who + ("  (confidential)" if question.confidential else "")


class DuplicatesPane(QWidget):
    """Shows either the question selected in the table (`show_record`) or the text being typed
    (`show_typed`); `fold(match_id)` is asked of the desk, which knows which of the two it means."""

    fold_requested = Signal(int)  # the id of the question chosen as the original
    unfold_requested = Signal(int)  # the id of a duplicate to make a question of its own again
    summary = Signal(str)  # a short title for the pane's tab: "Duplicates (asked by 3)"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicates-pane")
        self.setAccessibleName("Duplicates")
        self.session = session
        self.meeting_id: int | None = None
        self.record: Question | None = None
        self.typed = ""  # the text of the entry form, when the pane compares against it
        self._found: dict[int, tuple[Match, Question]] = {}
        self._group: dict[int, Question] = {}  # the selected question's group, the original first
        self._matches_wanted = False  # the selected question's likes are still to be looked for
        self.heading = QLabel()
        self.heading.setAccessibleName("Asked by")
        self.heading.setWordWrap(True)
        self.askers = QListWidget()
        self.askers.setAccessibleName("Askers of this question")
        self.askers.setWordWrap(True)
        self.askers.setMaximumHeight(self.fontMetrics().lineSpacing() * 12 + 8)
        self.askers.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 8)
        self.unfold_button = QPushButton("Unf&old")
        self.unfold_button.setToolTip("Make the chosen duplicate a question of its own again")
        self.unfold_button.clicked.connect(self._unfold)
        self.matches_label = QLabel("&Similar questions:")
        self.matches = QListWidget()
        self.matches.setAccessibleName("Possible duplicates")
        self.matches.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        self.matches.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 8)
        self.matches_label.setBuddy(self.matches)
        self.matches.currentRowChanged.connect(lambda _row: self._compare())
        self.compare = SideBySide()
        self.fold_button = QPushButton()
        self.fold_button.clicked.connect(self._fold)
        self.askers.currentRowChanged.connect(lambda _row: self._compare_member())
        group_row = QHBoxLayout()
        group_row.addWidget(self.heading, 1)
        group_row.addWidget(self.unfold_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(group_row)
        layout.addWidget(self.askers)
        layout.addWidget(self.matches_label)
        layout.addWidget(self.matches)
        layout.addWidget(self.compare, 1)
        layout.addWidget(self.fold_button)
        self.show_record(None)

    # What the pane shows
    def show_record(self, record: Question | None) -> None:
        """The selected question's group (its original and every duplicate) and the questions like it."""
        self.record, self.typed = record, ""
        store = self.session.store.questions
        self.askers.blockSignals(True)
        self.askers.clear()
        self.askers.blockSignals(False)
        self._group = {}
        self._show_matches([])
        if record is None or record.id is None:
            self.heading.setText("No question selected")
        else:
            original = store.get(record.duplicate_of) if record.duplicate_of else record
            group = [original, *store.duplicates_of(original.id)]  # type: ignore[arg-type]
            for member in group:
                self._add_asker(member, original)
            self._group = {m.id: m for m in group}  # type: ignore[misc]
            if record.duplicate_of:
                self.heading.setText(f"Folded under {named(original)}; asked by {len(group)}")
            else:
                self.heading.setText(f"Asked by {len(group)}" if len(group) > 1 else "Asked by 1: no duplicates")
            self._matches_wanted = True
            if self.isVisible():
                self._find_matches()
        self.fold_button.setText("Mark as du&plicate of the chosen question")
        self.fold_button.setToolTip("Fold the selected question under the question chosen on the right")
        asked = self.askers.count()
        self._say(f"asked by {asked}" if asked > 1 else "")
        self._enable()

    def _find_matches(self) -> None:
        """Questions like the selected one (not in its group), and another asker of the group beside it.

        Looked for only when the pane is in sight: the full-text search is the slow part of a selection.
        """
        self._matches_wanted = False
        record = self.record
        if record is None:
            return
        self._show_matches([m for m in self._similar(record.text, record.id) if m.question_id not in self._group])
        others = [n for n, member_id in enumerate(self._group) if member_id != record.id]
        if others:
            self.askers.setCurrentRow(others[0])

    def showEvent(self, event: "QShowEvent") -> None:
        super().showEvent(event)
        if self._matches_wanted:
            self._find_matches()

    def show_typed(self, text: str) -> None:
        """Questions like the one being typed in the entry form."""
        self.record, self.typed = None, text
        self._matches_wanted = False
        self.askers.blockSignals(True)
        self.askers.clear()
        self.askers.blockSignals(False)
        self._group = {}
        self.heading.setText("Like the question being typed" if text.strip() else "Type a question to see its likes")
        self._show_matches(self._similar(text, None) if text.strip() else [])
        self.fold_button.setText("Save as du&plicate of the chosen question")
        self.fold_button.setToolTip("Save the question being typed folded under the chosen question")
        self._say(f"{self.matches.count()} alike" if self.matches.count() else "")
        self._enable()

    def _say(self, detail: str) -> None:
        self.summary.emit(f"Duplicates ({detail})" if detail else "Duplicates")

    def _add_asker(self, member: Question, original: Question) -> None:
        role = "original" if member.id == original.id else "duplicate"
        item = QListWidgetItem(f"{asker_line(member)} ({role})\n{' '.join(member.text.split())}")
        if member.confidential:
            item.setIcon(icon("lock"))
        item.setData(ID_ROLE, member.id)
        item.setToolTip(member.text)
        self.askers.addItem(item)

    def _similar(self, text: str, exclude_id: int | None) -> list[Match]:
        if self.meeting_id is None:
            return []
        return DuplicateFinder(self.session.store, self.meeting_id).similar_to(text, exclude_id=exclude_id)

    def _show_matches(self, matches: list[Match]) -> None:
        questions = {q.id: q for q in self.session.store.questions.get_many([m.question_id for m in matches])}
        self.matches.blockSignals(True)
        self.matches.clear()
        self.matches.blockSignals(False)
        self._found = {m.question_id: (m, questions[m.question_id]) for m in matches if m.question_id in questions}
        for match, question in self._found.values():
            item = QListWidgetItem(f"{match.score}% alike · {named(question)} · {asker_line(question)}")
            item.setData(ID_ROLE, match.question_id)
            self.matches.addItem(item)
        self.matches_label.setText(f"&Similar questions ({len(self._found)}):" if self._found
                                   else "&Similar questions: none found")
        self.matches.setVisible(bool(self._found))  # no empty box: the comparison takes the room
        if self._found:
            self.matches.setCurrentRow(0)
        self._compare()

    def _compare(self) -> None:
        chosen = self.chosen_match()
        if chosen is None:
            self.compare.clear()
            return
        match, question = self._found[chosen]
        left_title, left = ("Being typed", self.typed) if self.record is None else (
            f"Question {self.record.id} · {asker_line(self.record)}", self.record.text)
        self.compare.show_pair(left_title, left, f"Question {question.id} · {asker_line(question)}", question.text,
                               match.shared)
        self._enable()

    def _compare_member(self) -> None:
        """The selected question beside another asker of its group, with the words they share."""
        member = self._group.get(self.chosen_asker() or 0)
        if self.record is not None and member is not None and member.id != self.record.id:
            self.compare.show_pair(f"Question {self.record.id} · {asker_line(self.record)}", self.record.text,
                                   f"Question {member.id} · {asker_line(member)}", member.text,
                                   shared_words(content_words(self.record.text), member.text))
        self._enable()

    def chosen_match(self) -> int | None:
        item = self.matches.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def chosen_asker(self) -> int | None:
        item = self.askers.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _enable(self) -> None:
        writable = not self.session.read_only
        self.fold_button.setEnabled(writable and self.chosen_match() is not None
                                    and (self.record is not None or bool(self.typed.strip())))
        chosen = self.chosen_asker()
        folded = chosen is not None and self.askers.currentRow() > 0  # the first row is the original
        self.unfold_button.setEnabled(writable and folded)
        self.unfold_button.setText(f"Unf&old question {chosen}" if folded else "Unf&old")

    # Acting
    def _fold(self) -> None:
        chosen = self.chosen_match()
        if chosen is not None:
            self.fold_requested.emit(chosen)

    def _unfold(self) -> None:
        chosen = self.chosen_asker()
        if chosen is not None and self.askers.currentRow() > 0:
            self.unfold_requested.emit(chosen)
