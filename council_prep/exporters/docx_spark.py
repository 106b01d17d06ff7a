"""A sparkline: a figure's trend over a few years as a tiny bar chart, drawn as a grey-scale PNG.

A picture looks the same in Word, in LibreOffice and in the PDF it makes (block characters such as
▁▃▅ depend on the fonts at hand), and grey bars read in black-and-white print. The image is a handful of
bars, so it is written here directly (zlib and a PNG header) rather than with an imaging library the
app would otherwise not need.
"""

import struct
import zlib
from collections.abc import Sequence

SCALE = 2  # pixels per point drawn, so the bars stay crisp when printed
BAR, GAP, HEIGHT, BASE = 7 * SCALE, 3 * SCALE, 12 * SCALE, 1 * SCALE  # points, times SCALE
PAPER, BASELINE, BARS, LATEST = 0xFF, 0xB4, 0x80, 0x26  # grey levels: the last year's bar darkest


def size(count: int) -> tuple[int, int]:
    """Width and height in pixels of the sparkline of `count` values."""
    return count * BAR + (count - 1) * GAP, HEIGHT


def sparkline_png(values: Sequence[float | None]) -> bytes:
    """One bar per value, from zero to the largest value's full height; a value of zero shows only the
    baseline, and a missing value (None: unavailable or not recorded) leaves a gap in the baseline too."""
    width, height = size(len(values))
    top = max((v for v in values if v is not None), default=0) or 1
    rows = [bytearray([PAPER]) * width for _ in range(height)]
    for n, value in enumerate(values):
        if value is None:
            continue
        left = n * (BAR + GAP)
        bar = 0 if value <= 0 else max(SCALE, round((height - BASE) * value / top))
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
