"""council-prep: offline preparation of Labor Affairs Council meetings."""

__version__ = "0.1.0"
