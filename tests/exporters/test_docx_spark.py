"""The sparkline PNG: a valid grey-scale image whose bars stand for the values, gaps for missing ones."""

import struct
import zlib

from council_prep.exporters.docx_spark import BAR, BASE, FLOOR, GAP, HEIGHT, PAPER, heights, size, sparkline_png


def _pixels(png: bytes) -> list[bytes]:
    """The image's rows of grey levels, read back with nothing but zlib (the writer's own format)."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    at, chunks = 8, {}
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        data = png[at + 8:at + 8 + length]
        assert struct.unpack(">I", png[at + 8 + length:at + 12 + length])[0] == zlib.crc32(kind + data)
        chunks[kind] = chunks.get(kind, b"") + data
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 0)  # 8-bit grey: it reads the same in black-and-white print
    raw = zlib.decompress(chunks[b"IDAT"])
    rows = [raw[n * (width + 1):(n + 1) * (width + 1)] for n in range(height)]
    assert all(row[0] == 0 for row in rows)
    return [row[1:] for row in rows]


def _bar_height(rows: list[bytes], n: int) -> int:
    x = n * (BAR + GAP) + BAR // 2
    return sum(1 for row in rows[:-BASE] if row[x] != PAPER)


def test_bars_are_proportional_to_the_values_from_zero():
    rows = _pixels(sparkline_png([50, 100, 0, 25]))
    assert (len(rows[0]), len(rows)) == size(4)
    heights = [_bar_height(rows, n) for n in range(4)]
    assert heights[1] == len(rows) - BASE and heights[2] == 0
    assert abs(heights[0] * 2 - heights[1]) <= 1 and abs(heights[3] * 4 - heights[1]) <= 2


def test_figures_all_above_zero_span_their_range_so_a_small_rise_still_shows():
    room = HEIGHT - BASE
    rows = _pixels(sparkline_png([855, 901, 951, 1018, 1051]))
    drawn = [_bar_height(rows, n) for n in range(5)]
    assert drawn[0] == round(room * FLOOR) and drawn[-1] == room and drawn == sorted(drawn)
    assert heights([7, 7, 7], room) == [room] * 3  # no change: level bars
    assert heights([0, 1, 1], room) == [0, room, room]  # a "no" then "yes": from zero


def test_a_missing_year_is_a_gap_even_in_the_baseline_and_the_latest_bar_is_darkest():
    rows = _pixels(sparkline_png([10, None, 10]))
    middle = 1 * (BAR + GAP) + BAR // 2
    assert all(row[middle] == PAPER for row in rows)
    first, last = rows[-BASE - 1][BAR // 2], rows[-BASE - 1][2 * (BAR + GAP) + BAR // 2]
    assert last < first < PAPER


def test_nothing_reported_draws_an_empty_strip():
    rows = _pixels(sparkline_png([None, None]))
    assert all(set(row) == {PAPER} for row in rows)
