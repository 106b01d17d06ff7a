"""Real LibreOffice and poppler for tests: convert what we export and read it back."""

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(files: list[Path], fmt: str, outdir: Path, timeout: int = 240) -> list[Path]:
    """Convert `files` with one headless LibreOffice run (a private profile, so runs in
    parallel do not collide); returns the converted files, raising if any is missing."""
    assert SOFFICE, "LibreOffice (soffice) is not installed: run scripts/install-system-deps.sh test"
    profile = outdir / f".lo-profile-{os.getpid()}"
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=timeout,
    )
    extension = fmt.split(":")[0]
    converted = [outdir / f"{f.stem}.{extension}" for f in files]
    missing = [c for c in converted if not c.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}\n{result.stderr}"
    return converted


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
