"""Table column widths that suit the template's page and font: every column at least as wide as its
longest word (so no word breaks inside, "Introduc|ed"), the rest of the width shared by the columns'
weights.

Text is not measured with real font metrics (that would need the fonts themselves); an average
character width for the cell font's size, a little generous, serves proportional fonts.
"""

from collections.abc import Sequence

CHAR_WIDTH = 0.62  # a generous average advance of a character, in ems (wide fonts, bold included)
PADDING_PT = 12.0  # left and right cell margins and a safety margin, in points


def longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


SMALLEST = 0.75  # a table whose long words do not fit is set this much smaller at most


def fitted_widths(columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[str] | str], total_pt: float,
                  font_pt: float) -> tuple[list[float], float]:
    """Column widths in points, summing to `total_pt`, and the font size the cells need: the template's,
    or smaller (down to SMALLEST of it) when the longest words cannot all fit at that size."""
    longest = [longest_word(title) for title, _ in columns]
    for row in rows:
        if isinstance(row, str):
            continue
        for n, value in enumerate(row):
            longest[n] = max(longest[n], longest_word(value))
    letters = sum(longest) * CHAR_WIDTH
    room = total_pt - PADDING_PT * len(columns)
    if letters * font_pt > room:
        font_pt = max(font_pt * SMALLEST, room / letters) if letters else font_pt
    minimum = [n * CHAR_WIDTH * font_pt + PADDING_PT for n in longest]
    if sum(minimum) >= total_pt:  # even smaller type would not do: shrink the columns alike
        return [m * total_pt / sum(minimum) for m in minimum], font_pt
    weights = [w for _, w in columns]
    widths = [total_pt * w / sum(weights) for w in weights]
    # Raise the too-narrow columns to their minimum, taking the difference from the others by weight.
    fixed: set[int] = set()
    while True:
        short = [n for n, (w, m) in enumerate(zip(widths, minimum, strict=True)) if w < m - 0.01 and n not in fixed]
        if not short:
            return widths, font_pt
        fixed.update(short)
        left = total_pt - sum(minimum[n] for n in fixed)
        free_weight = sum(weights[n] for n in range(len(columns)) if n not in fixed)
        widths = [minimum[n] if n in fixed else left * weights[n] / free_weight for n in range(len(columns))]
