"""Proof that a view was painted, shared by the probe and the bare baselines (PySide6, imported late)."""

TURNS = 50  # turns of the event loop a view may take to settle
QUIET = 2  # turns without a paint of the view after which it has settled


def painted(app, view) -> tuple[bool, int]:
    """Run the event loop a turn at a time, as it runs after a keystroke, until the view has been painted
    and has settled: QUIET turns in a row paint it no more. (A list view may paint its viewport before
    its items are laid out, lay them out in later turns and paint them then; a table paints its rows,
    then again once its geometry is updated.) Returns whether the loop painted it (a view still unpainted
    after TURNS turns is painted here, once) and how many times it was painted.
    """
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    counter = Paints()
    view.viewport().installEventFilter(counter)
    quiet = 0
    try:
        for _ in range(TURNS):
            before = Paints.count
            app.processEvents()
            quiet = quiet + 1 if Paints.count == before else 0
            if Paints.count and quiet >= QUIET:
                break
        by_loop = Paints.count > 0
        if not by_loop:
            view.viewport().repaint()
    finally:
        view.viewport().removeEventFilter(counter)
    if not Paints.count:
        raise SystemExit(f"{view.objectName() or 'view'} was never painted")
    return by_loop, Paints.count
