"""The Edit menu's undo stack: each entry is a step of the store's change log, by id and name.

Undo and redo are done by the store (`Store.undo`/`redo`), which knows what each step changed;
the stack only keeps the order and the names Qt shows in the menu.
"""

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from council_prep.gui.session import Session


class StepCommand(QUndoCommand):
    """A step already written to the store; Qt's first redo() (on push) does nothing."""

    def __init__(self, session: "Session", step_id: int, label: str):
        super().__init__(label)
        self.session = session
        self.step_id = step_id
        self._fresh = True

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self.session.replay(self.step_id, undo=False)

    def undo(self) -> None:
        self.session.replay(self.step_id, undo=True)
