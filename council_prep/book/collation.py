"""Sorting names as a reader expects: accents and case ignored ("Óscar" beside "Oscar", not after "Z").

A key from Unicode decomposition rather than a collation library (PyICU) keeps the install light; it
serves Latin-script names, which the askers annex holds, and leaves other scripts in code-point order.
"""

import unicodedata


def sort_key(text: str) -> tuple[str, str]:
    """Base letters case-folded first, the exact text second (so "Ana" and "Aña" keep a stable order)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ł", "l"), text
