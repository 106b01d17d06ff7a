"""A sparkline: a figure's trend over a few years as a tiny bar chart, drawn as a grey-scale PNG. The
figures themselves stand beside it in the table; the bars show which way they went.

A picture looks the same in Word, in LibreOffice and in the PDF it makes (block characters such as
▁▃▅ depend on the fonts at hand), and grey bars read in black-and-white print. The image is a handful of
bars, so it is written here directly (zlib and a PNG header) rather than with an imaging library the
app would otherwise not need.
"""

import struct
import zlib
from collections.abc import Sequence

SCALE = 2  # pixels per point drawn, so the bars stay crisp when printed
BAR, GAP, HEIGHT, BASE = 6 * SCALE, 2 * SCALE, 11 * SCALE, 1 * SCALE  # points, times SCALE
FLOOR = 0.25  # the smallest of figures that are all above zero still stands this high
PAPER, BASELINE, BARS, LATEST = 0xFF, 0xB4, 0x80, 0x26  # grey levels: the last year's bar darkest


def size(count: int) -> tuple[int, int]:
    """Width and height in pixels of the sparkline of `count` values."""
    return count * BAR + (count - 1) * GAP, HEIGHT


def heights(values: Sequence[float | None], room: int) -> list[int | None]:
    """Each value's bar height in pixels out of `room`. Where a value is zero the bars rise from zero (a zero
    shows no bar); where all are above zero they span the values' range, from FLOOR of the room for the
    smallest to the whole room for the largest, so a change of a few per cent still shows as a trend."""
    known = [v for v in values if v is not None]
    if not known:
        return [None] * len(values)
    low, high = min(known), max(known)
    if low <= 0 or low == high:
        top = high if high > 0 else 1
        return [None if v is None else max(1, round(room * v / top)) if v > 0 else 0 for v in values]
    return [None if v is None else round(room * (FLOOR + (1 - FLOOR) * (v - low) / (high - low))) for v in values]


def sparkline_png(values: Sequence[float | None]) -> bytes:
    """One bar per value (see `heights`) on a light baseline; a missing value (None: unavailable or not
    recorded) leaves a gap in the baseline too."""
    width, height = size(len(values))
    rows = [bytearray([PAPER]) * width for _ in range(height)]
    for n, bar in enumerate(heights(values, height - BASE)):
        if bar is None:
            continue
        left = n * (BAR + GAP)
        shade = LATEST if n == len(values) - 1 else BARS
        for y in range(height - BASE, height):
            rows[y][left:left + BAR] = bytes([BASELINE]) * BAR
        for y in range(height - BASE - bar, height - BASE):
            rows[y][left:left + BAR] = bytes([shade]) * BAR
    raw = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 on every scanline
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey, no interlace
    density = struct.pack(">IIB", 72 * SCALE * 10_000 // 254, 72 * SCALE * 10_000 // 254, 1)  # per metre
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        _chunk(kind, data) for kind, data in
        ((b"IHDR", header), (b"pHYs", density), (b"IDAT", zlib.compress(raw, 9)), (b"IEND", b"")))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
