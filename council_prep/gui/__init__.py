"""The PySide6 desktop app: a thin layer that calls the core and shows its results."""
