"""Bulk triage of the selected questions: assign, set a status, set a topic, delete; each one undo step."""

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton

from council_prep.domain import Question, QuestionStatus, label
from council_prep.gui.lookups import Lookups
from council_prep.gui.session import Session

if TYPE_CHECKING:
    from council_prep.gui.desk.questions_tab import QuestionsTab


def _plural(count: int) -> str:
    return f"{count} question{'' if count == 1 else 's'}"


class Triage(QObject):
    """The bulk bar under the table and the table's context menu; both act on the selected rows."""

    def __init__(self, tab: "QuestionsTab", session: Session, lookups: Lookups):
        super().__init__(tab)
        self.tab = tab
        self.session = session
        self.lookups = lookups
        self.selected_label = QLabel()
        self.selected_label.setAccessibleName("Selected questions")
        self.assignee = QComboBox(editable=True)
        self.assignee.setAccessibleName("Assign to")
        self.assignee.setToolTip("Who answers the selected questions; Enter assigns them")
        self.assignee.lineEdit().setPlaceholderText("Assignee")
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assignee.lineEdit().returnPressed.connect(self.assign_typed)
        assign_label = QLabel("Ass&ign to:")
        assign_label.setBuddy(self.assignee)
        self.assign_button = QPushButton("Assign")
        self.assign_button.setAccessibleName("Assign selected")
        self.assign_button.clicked.connect(self.assign_typed)
        self.status_button = self._menu_button("Set status", self._status_menu)
        self.topic_button = self._menu_button("Set topic", self._topic_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.selected_label)
        bar.addStretch(1)
        bar.addWidget(assign_label)
        bar.addWidget(self.assignee, 1)
        bar.addWidget(self.assign_button)
        bar.addWidget(self.status_button)
        bar.addWidget(self.topic_button)
        self.bar = bar

    def _menu_button(self, text: str, fill: Callable[[QMenu], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(text)
        button.setToolTip(f"{text} of the selected questions")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: (menu.clear(), fill(menu)))
        button.setMenu(menu)
        return button

    def _status_menu(self, menu: QMenu) -> None:
        for status in QuestionStatus:
            menu.addAction(label(status), lambda s=status: self.set_status(s))

    def _topic_menu(self, menu: QMenu) -> None:
        menu.addAction("No topic", lambda: self.set_topic(None))
        for key, topic in self.lookups.topics.items():
            menu.addAction(topic.label, lambda k=key: self.set_topic(k))

    # What is selected
    def show_selection(self) -> None:
        count = len(self.tab.selected_ids())
        self.selected_label.setText(f"{_plural(count)} selected" if count else "None selected")
        for widget in (self.assign_button, self.status_button, self.topic_button):
            widget.setEnabled(bool(count) and not self.session.read_only)

    def fill_assignees(self, names: list[str]) -> None:
        typed = self.assignee.currentText()
        self.assignee.clear()
        self.assignee.addItems(names)
        self.assignee.setEditText(typed)

    # Bulk edits: one step each
    def _bulk(self, label_: str, change: Callable[[Question], Question]) -> bool:
        ids = self.tab.selected_ids()
        if not ids:
            return False
        table = self.session.store.questions

        def action() -> None:
            for question in table.get_many(ids):
                changed = change(question)
                if changed != question:
                    table.update(changed)

        return self.session.write(f"{label_} ({_plural(len(ids))})", action, self.tab) is not None

    def assign_typed(self) -> None:
        self.assign(self.assignee.currentText().strip())

    def assign(self, name: str) -> bool:
        """Assign the selected questions to `name` (an empty name takes the assignment off)."""
        def change(q: Question) -> Question:
            status = q.status
            if name and status is QuestionStatus.NEW:
                status = QuestionStatus.ASSIGNED
            elif not name and status is QuestionStatus.ASSIGNED:
                status = QuestionStatus.NEW
            return replace(q, assignee=name, status=status)

        return self._bulk(f"Assign to {name}" if name else "Take assignment off", change)

    def set_status(self, status: QuestionStatus) -> bool:
        return self._bulk(f"Set status {label(status)}", lambda q: replace(q, status=status))

    def set_topic(self, key: str | None) -> bool:
        return self._bulk(f"Set topic {self.lookups.topic(key) or 'none'}", lambda q: replace(q, topic_key=key))

    def delete(self) -> bool:
        ids = self.tab.selected_ids()
        if not ids:
            return False
        table = self.session.store.questions
        return self.session.write(f"Delete {_plural(len(ids))}",
                                  lambda: [table.delete(i) for i in ids], self.tab) is not None

    # The context menu
    def context_menu(self) -> QMenu:
        ids = self.tab.selected_ids()
        menu = QMenu(self.tab.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setAccessibleName("Question actions")
        writable = bool(ids) and not self.session.read_only
        assign = menu.addMenu("&Assign to")
        for name in [self.assignee.itemText(n) for n in range(self.assignee.count())]:
            assign.addAction(name, lambda n=name: self.assign(n))
        assign.addAction("Someone else…", lambda: self.assignee.setFocus())
        assign.addAction("Nobody", lambda: self.assign(""))
        self._status_menu(menu.addMenu("Set &status"))
        self._topic_menu(menu.addMenu("Set &topic"))
        menu.addSeparator()
        self.tab.duplicate_actions(menu)
        menu.addSeparator()
        menu.addAction(f"&Delete {_plural(len(ids))}", self.delete)
        for action in menu.actions() if not writable else []:
            action.setEnabled(False)
        return menu
