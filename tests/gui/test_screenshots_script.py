"""scripts/screenshots.py keeps working: one picture per tab and one of the search popup."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_script_writes_a_picture_of_every_tab(tmp_path: Path, qapp):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path)],
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == ["gui-1024x700.png", "gui-2560x1440.png", "gui-agenda-brief.png", "gui-agenda.png",
                     "gui-book-2560x1440.png", "gui-book.png", "gui-commitments.png", "gui-desk.png",
                     "gui-enforcement.png", "gui-law-changes.png", "gui-people.png", "gui-projects.png",
                     "gui-questions.png", "gui-reading-dark.png", "gui-reading.png", "gui-search.png",
                     "gui-submissions.png"]
    assert (QImage(str(tmp_path / "gui-1024x700.png")).width(), QImage(str(tmp_path / "gui-2560x1440.png")).height()) \
        == (1024, 1440)
    agenda = QImage(str(tmp_path / "gui-agenda.png"))
    assert (agenda.width(), agenda.height()) == (1400, 900)
    colours = {agenda.pixel(x, y) for x in range(0, 1400, 50) for y in range(0, 900, 50)}
    assert len(colours) > 10  # a drawn window, not a blank image
