"""Fast entry of questions: a form that stays open; Ctrl+Enter saves and starts the next.

A question with its text, asker and organization costs the text's keys plus Tab, Tab and Ctrl+Enter.
Asker and organization complete inline from what was typed before, and an asker known already brings
their organization along; the received time is now unless
changed; the topic follows the words of the text until one is chosen by hand.
"""

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from council_prep.domain import AskerType, Channel, Question, label
from council_prep.gui.lookups import Lookups
from council_prep.gui.session import Session
from council_prep.store.changes import Changes
from council_prep.store.views import distinct_values

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
TEXT_DEBOUNCE_MS = 250


def _completing(line: QLineEdit) -> QStringListModel:
    """Complete `line` inline (the rest of a known value appears selected; Tab keeps it)."""
    model = QStringListModel(line)
    completer = QCompleter(model, line)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
    completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
    line.setCompleter(completer)
    return model


class EntryForm(QGroupBox):
    """The new-question form; `saved(question)` after each question is added (one undo step each)."""

    saved = Signal(object)
    text_paused = Signal(str)  # the text, once typing pauses: the desk looks for duplicates and a topic

    def __init__(self, session: Session, lookups: Lookups, parent: QWidget | None = None):
        super().__init__("New question", parent)
        self.setObjectName("question-entry")
        self.setAccessibleName("New question")
        self.session = session
        self.lookups = lookups
        self.meeting_id: int | None = None
        self._topic_by_hand = False
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Question text")
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.asker = QLineEdit()
        self.asker.setAccessibleName("Asker")
        self.organization = QLineEdit()
        self.organization.setAccessibleName("Organization")
        self._askers = _completing(self.asker)
        self.asker.editingFinished.connect(self._asker_known)
        self._organizations = _completing(self.organization)
        # Askers and organizations of the whole store: read when first needed, not at every meeting
        # switch (at 100,000 questions that read was most of a switch).
        self._completions_read = False
        for line in (self.asker, self.organization):
            line.installEventFilter(self)
        session.changed.connect(self._store_changed)
        self.received = QDateTimeEdit()
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setAccessibleName("Received")
        self.asker_type = QComboBox()
        self.asker_type.setAccessibleName("Asker type")
        for kind in AskerType:
            self.asker_type.addItem(label(kind), kind)
        self.confidential = QCheckBox("Con&fidential asker")
        self.topic = QComboBox()
        self.topic.setAccessibleName("Topic")
        self.topic.addItem("No topic", None)
        for key, topic in lookups.topics.items():
            self.topic.addItem(topic.label, key)
        self.topic.activated.connect(self._topic_chosen)
        for combo in (self.asker_type, self.topic):  # long labels must not widen the window past 1024 pixels
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.topic_reason = QLabel()
        self.topic_reason.setAccessibleName("Why this topic")
        self.topic_reason.setWordWrap(True)
        self.save_button = QPushButton("Save and &next")
        self.save_button.setToolTip("Save this question and start the next (Ctrl+Enter)")
        self.save_button.clicked.connect(lambda: self.save())
        self.problem = QLabel()
        self.problem.setObjectName("problems")
        self.problem.setAccessibleName("Problems")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._lay_out()
        self.save_action = QAction("Save and next", self)
        self.save_action.setShortcuts([QKeySequence(keys) for keys in SAVE_KEYS])
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(lambda: self.save())
        self.addAction(self.save_action)
        self._pause = QTimer(self, singleShot=True, interval=TEXT_DEBOUNCE_MS, timeout=self._paused)
        self.text.textChanged.connect(self._pause.start)
        self.start_next()

    def _lay_out(self) -> None:
        """Text, then asker and organization side by side, then the rest on one line (Tab goes in that order)."""
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        rows: list[list[tuple[str, QWidget]]] = [
            [("&Question", self.text)],
            [("As&ker", self.asker), ("&Organization", self.organization)],
        ]
        for row, pairs in enumerate(rows):
            for n, (text, widget) in enumerate(pairs):
                caption = QLabel(text)
                caption.setBuddy(widget)
                grid.addWidget(caption, row, n * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(widget, row, n * 2 + 1, 1, 3 if len(pairs) == 1 else 1)
        details = QHBoxLayout()
        for text, widget in (("Recei&ved", self.received), ("T&ype", self.asker_type), ("&Topic", self.topic)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            details.addWidget(caption)
            details.addWidget(widget)
        details.addStretch(1)
        grid.addLayout(details, 2, 0, 1, 4)
        notes = QHBoxLayout()
        notes.addWidget(self.topic_reason, 1)
        notes.addWidget(self.problem, 1)
        notes.addWidget(self.confidential)
        notes.addWidget(self.save_button)
        grid.addLayout(notes, 3, 0, 1, 4)

    def _paused(self) -> None:
        if self.isVisible():  # a window closed meanwhile has closed its store too
            self.text_paused.emit(self.text.toPlainText())

    # The meeting and what completes
    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.setEnabled(meeting_id is not None and not self.session.read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and not self._completions_read:
            self.refresh_completions()
        return super().eventFilter(watched, event)

    def _store_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is not self and changes.touches("question"):
            self._completions_read = False  # an import or a merge may have brought new askers

    def refresh_completions(self) -> None:
        """Askers and organizations of every meeting, the most frequent first."""
        table = self.session.store.questions
        self._askers.setStringList(distinct_values(table, "asker_name"))
        self._organizations.setStringList(distinct_values(table, "organization"))
        self._completions_read = True

    def _asker_known(self) -> None:
        """An asker who asked before brings their organization along (typing replaces it)."""
        name = self.asker.text().strip()
        if name and not self.organization.text().strip():
            known = distinct_values(self.session.store.questions, "organization", limit=1, asker_name=name)
            if known:
                self.organization.setText(known[0])

    # Entering
    def start_next(self) -> None:
        """An empty form, received now, the focus in the text."""
        for line in (self.text, self.asker, self.organization):
            line.clear()
        self.received.setDateTime(QDateTime.currentDateTime())
        self.asker_type.setCurrentIndex(self.asker_type.findData(AskerType.PUBLIC))
        self.confidential.setChecked(False)
        self._topic_by_hand = False
        self.show_topic(None, [])
        self.problem.hide()
        self._pause.stop()  # nothing typed yet: the desk shows the question just saved
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _topic_chosen(self) -> None:
        self._topic_by_hand = True
        self.topic_reason.setText("chosen by hand")

    def show_topic(self, key: str | None, words: list[str]) -> None:
        """Follow the suggested topic (and say which words suggested it) unless one was chosen by hand."""
        if self._topic_by_hand:
            return
        self.topic.setCurrentIndex(max(self.topic.findData(key), 0))
        self.topic_reason.setText(f"suggested by: {', '.join(words)}" if key and words else "")

    def question(self) -> Question:
        received = self.received.dateTime().toPython()
        assert isinstance(received, datetime)
        return Question(meeting_id=self.meeting_id, text=self.text.toPlainText().strip(),
                        asker_name=self.asker.text().strip(), organization=self.organization.text().strip(),
                        asker_type=self.asker_type.currentData(), confidential=self.confidential.isChecked(),
                        topic_key=self.topic.currentData(), channel=Channel.EMAIL, received_at=received.astimezone())

    def save(self, duplicate_of: int | None = None) -> Question | None:
        """Add the question (folded under `duplicate_of` when given) as one step and start the next;
        a question without text is not saved."""
        if self.meeting_id is None:
            return None
        question = self.question()
        if not question.text:
            self._say("Type the question first")
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        table = self.session.store.questions
        if duplicate_of is None:
            saved = self.session.add("questions", question, self) is not None
        else:
            def add_folded() -> None:
                table.add(question)
                table.mark_duplicate(question.id, duplicate_of)  # type: ignore[arg-type]

            label = f"Add question {table.kind.describe(question)} as a duplicate of question {duplicate_of}"
            saved = self.session.write(label, add_folded, self) is not None
        if not saved:
            return None
        self._remember(self._askers, question.asker_name)
        self._remember(self._organizations, question.organization)
        self.saved.emit(question)
        self.start_next()
        return question

    def _remember(self, model: QStringListModel, value: str) -> None:
        values = model.stringList()
        if value and value not in values:
            model.setStringList([value, *values])

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
