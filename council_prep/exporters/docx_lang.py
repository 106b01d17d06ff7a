"""The language of each run of text, so spell checkers, screen readers and font fallback treat a Korean
name, an Arabic organization or a Spanish question as what it is.

Scripts are told apart by code point; among Latin-script text, Spanish is recognised by its own letters
and most frequent words (the demo and the real councils mix English, Spanish and Korean). Emoji get a
run of their own, so a symbol font never swallows the letters around it.
"""

import re
from dataclasses import dataclass

ENGLISH = "en-US"
_SPANISH_WORDS = {"el", "la", "los", "las", "que", "del", "por", "para", "una", "con", "qué", "cómo", "como",
                  "sobre", "trabajadores", "laboral", "derechos", "gobierno", "es", "se", "en", "y"}
_SPANISH_LETTERS = set("ñ¿¡áéíóú")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Piece:
    text: str
    lang: str = ""  # "" = the document's language
    east_asian: bool = False
    bidi: bool = False


def _script(char: str) -> str:
    code = ord(char)
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "ko"
    if 0x4E00 <= code <= 0x9FFF or 0x3040 <= code <= 0x30FF:
        return "cjk"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "ar"
    if 0x0590 <= code <= 0x05FF:
        return "he"
    if code >= 0x1F000 or 0x2600 <= code <= 0x27BF:
        return "emoji"
    return "latin" if char.isalpha() else ""  # digits, punctuation, spaces: they go with their neighbours


def looks_spanish(text: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < 3:
        return False
    hits = sum(w in _SPANISH_WORDS for w in words)
    accents = any(c in _SPANISH_LETTERS for c in text.casefold())
    return hits / len(words) > 0.25 and (accents or hits >= 3) and " the " not in f" {text.casefold()} "


def pieces(text: str) -> list[Piece]:
    """`text` cut where its script changes, each piece with its language (fast path: plain ASCII)."""
    if text.isascii():
        return [Piece(text)]
    runs: list[list] = []  # [script, text]
    for char in text:
        script = _script(char)
        if runs and script in ("", runs[-1][0]):
            runs[-1][1] += char
        elif runs and runs[-1][0] == "":
            runs[-1] = [script, runs[-1][1] + char]
        else:
            runs.append([script, char])
    result = []
    for script, part in runs:
        if script == "ko":
            result.append(Piece(part, "ko-KR", east_asian=True))
        elif script == "cjk":
            result.append(Piece(part, "zh-CN", east_asian=True))
        elif script in ("ar", "he"):
            result.append(Piece(part, "ar-SA" if script == "ar" else "he-IL", bidi=True))
        elif script in ("", "latin") and looks_spanish(part):
            result.append(Piece(part, "es-ES"))
        else:
            result.append(Piece(part))
    return result
