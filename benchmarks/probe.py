"""Starts council-prep through its real entry point and reports when the window is shown.

    python benchmarks/probe.py [council-prep arguments...]

Runs `python -m council_prep` with the arguments given (the same module the `council-prep` command
calls). The only thing added is a hook on `QApplication.exec`, installed when the app first imports
QtWidgets (so the app's imports happen in their own order): instead of waiting for the user, it
paints the shown window, prints `shown`, does what BENCH_ACTIONS (a JSON list) asks the way a user
would (choose a tab, type in a box, pick a meeting), prints each timing as one JSON line, and returns
0 so the app closes as usual. Widgets are found by their accessible names, as a screen reader would.
"""

import json
import os
import runpy
import sys
import time
from importlib.machinery import PathFinder

from paints import painted


def _now_ms() -> float:
    return time.perf_counter() * 1000


def _say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def _named(root, cls, name: str):
    found = [w for w in root.findChildren(cls) if w.accessibleName() == name and w.isVisible()]
    if not found:
        raise SystemExit(f"probe: no visible {cls.__name__} named {name!r}")
    return found[0]


def _fire(root) -> None:
    """Fire the pending debounce timers at once: their delay is a design choice, not work."""
    from PySide6.QtCore import QTimer

    for timer in root.findChildren(QTimer):
        if timer.isActive() and timer.isSingleShot():
            timer.stop()
            timer.timeout.emit()


def _settle(app, root, view) -> None:
    """Fire the pending debounce timers, let everything they changed be painted."""
    _fire(root)
    app.processEvents()
    view.viewport().grab()


def _typed(app, root, box, view, text: str) -> tuple[float, float, bool]:
    """Set `text` in `box`: ms until the view's model holds the result, ms until it is painted, and
    whether the event loop painted it."""
    began = _now_ms()
    box.setText(text)
    _fire(root)
    ready = _now_ms() - began
    by_loop = painted(app, view)
    return ready, _now_ms() - began, by_loop


def _tab(app, window, title: str):
    from PySide6.QtWidgets import QTableView, QTabWidget

    tabs = window.findChild(QTabWidget)
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == title)
    tabs.setCurrentIndex(index)
    app.processEvents()
    table = tabs.currentWidget().findChild(QTableView)
    if table is not None:
        table.viewport().grab()
    return tabs.currentWidget(), table


def _act(app, window, action: list) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QListView

    what = action[0]
    began = _now_ms()
    if what == "tab":  # ["tab", title]: choose a tab, its first rows painted
        _tab(app, window, action[1])
        _say(event="tab", tab=action[1], ms=_now_ms() - began)
    elif what == "switch":  # ["switch", repeats, large, small]: alternate meetings by title, time each
        selector = _named(window, QComboBox, "Meeting")
        page, table = _tab(app, window, "Questions")
        titles = [selector.itemText(i) for i in range(selector.count())]
        large, small = (next(i for i, t in enumerate(titles) if t.endswith(title)) for title in action[2:4])
        times: dict[int, list[float]] = {}
        for _ in range(action[1]):
            for index in (small, large):
                began = _now_ms()
                selector.setCurrentIndex(index)
                app.processEvents()
                table.viewport().grab()
                times.setdefault(index, []).append(_now_ms() - began)
        _say(event="switch", to_large=times[large], to_small=times[small])
    elif what == "search":  # ["search", [queries], repeats]: Ctrl+K, type; results ready, results painted
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QDialog

        _trigger(window, QKeySequence("Ctrl+K"))
        app.processEvents()
        dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
        box, results = _named(dialog, QLineEdit, "Search"), _named(dialog, QListView, "Search results")
        ready: dict[str, list[float]] = {}
        times: dict[str, list[float]] = {}
        forced = 0
        for _ in range(action[2]):
            for query in action[1]:
                box.clear()
                _settle(app, dialog, results)
                took = _typed(app, dialog, box, results, query)
                ready.setdefault(query, []).append(took[0])
                times.setdefault(query, []).append(took[1])
                forced += not took[2]
        _say(event="search", ready=ready, times=times, forced_paints=forced,
             hits={q: results.model().rowCount() for q in action[1][-1:]})
        dialog.close()
    elif what == "filter":  # ["filter", [words], repeats]: type in the Questions filter; rows ready, painted
        page, table = _tab(app, window, "Questions")
        box = _named(page, QLineEdit, "Text filter")
        ready, times, rows, forced = {}, {}, {}, 0
        for _ in range(action[2]):
            for word in action[1]:
                box.clear()
                _settle(app, page, table)
                took = _typed(app, page, box, table, word)
                ready.setdefault(word, []).append(took[0])
                times.setdefault(word, []).append(took[1])
                forced += not took[2]
                rows[word] = table.model().rowCount()
        _say(event="filter", ready=ready, times=times, rows=rows, forced_paints=forced)
    else:
        raise SystemExit(f"probe: unknown action {what!r}")


def _trigger(window, shortcut) -> None:
    from PySide6.QtGui import QAction

    next(a for a in window.findChildren(QAction) if a.shortcut() == shortcut).trigger()


def _exec_hook(widgets) -> None:
    def exec_(app) -> int:
        app.processEvents()
        window = next(w for w in widgets.QApplication.topLevelWidgets()
                      if isinstance(w, widgets.QMainWindow) and w.isVisible())
        window.grab()
        _say(event="shown")
        for action in json.loads(os.environ.get("BENCH_ACTIONS", "[]")):
            _act(app, window, action)
        return 0

    widgets.QApplication.exec = exec_


class _WhenQtWidgetsLoads:
    """A meta path finder that patches QApplication.exec right after the app imports QtWidgets."""

    def find_spec(self, name: str, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module) -> None:
            load(module)
            _exec_hook(module)

        spec.loader.exec_module = exec_module
        return spec


if __name__ == "__main__":
    sys.meta_path.insert(0, _WhenQtWidgetsLoads())
    sys.argv = ["council-prep", *sys.argv[1:]]
    sys.path.pop(0)  # the benchmarks folder: the app sees the path it would see when started itself
    runpy.run_module("council_prep", run_name="__main__", alter_sys=True)
