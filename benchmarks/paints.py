"""Proof that a view was painted, shared by the probe and the bare baselines (PySide6 only, imported late)."""


def painted(app, view) -> bool:
    """Let the event loop paint what changed, as it would after a keystroke, and check that the view's
    rows were painted by it (a paint event reached its viewport). A viewport the loop left unpainted is
    painted here, once: False says so."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    counter = Paints()
    view.viewport().installEventFilter(counter)
    app.processEvents()
    by_loop = Paints.count > 0
    if not by_loop:
        view.viewport().repaint()
    view.viewport().removeEventFilter(counter)
    if not Paints.count:
        raise SystemExit(f"{view.objectName() or 'view'} was never painted")
    return by_loop
