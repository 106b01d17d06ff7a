"""Real LibreOffice and poppler for tests: convert what we export and read it back."""

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


# LibreOffice's CSV filter: comma, double quote, UTF-8, ..., and (token 12) -1 for every sheet.
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _soffice(files: list[Path], fmt: str, outdir: Path, timeout: int) -> subprocess.CompletedProcess:
    """One headless LibreOffice run, with a private profile so runs in parallel do not collide."""
    assert SOFFICE, "LibreOffice (soffice) is not installed: run scripts/install-system-deps.sh test"
    profile = outdir / f".lo-profile-{os.getpid()}"
    outdir.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=timeout,
    )


def convert(files: list[Path], fmt: str, outdir: Path, timeout: int = 240) -> list[Path]:
    """Convert `files` in one LibreOffice run; returns the converted files, raising if any is missing."""
    result = _soffice(files, fmt, outdir, timeout)
    extension = fmt.split(":")[0]
    converted = [outdir / f"{f.stem}.{extension}" for f in files]
    missing = [c for c in converted if not c.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}\n{result.stderr}"
    return converted


def sheets_as_csv(workbook: Path, outdir: Path, timeout: int = 240) -> dict[str, Path]:
    """Every sheet of `workbook` as LibreOffice saves it to CSV: sheet name -> file."""
    result = _soffice([workbook], CSV_ALL_SHEETS, outdir, timeout)
    prefix = f"{workbook.stem}-"
    found = {p.stem[len(prefix):]: p for p in outdir.glob(f"{prefix}*.csv")}
    assert found, f"LibreOffice wrote no CSV: {result.stdout}\n{result.stderr}"
    return found


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
