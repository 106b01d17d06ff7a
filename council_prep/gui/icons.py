"""Icons drawn as SVG, so they stay crisp at any screen scale."""

from functools import cache

from PySide6.QtGui import QIcon

from council_prep.resources_path import resource


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("app")
