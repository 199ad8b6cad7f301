"""Legacy Word .doc and WPS .wps files, read by converting them to .docx with LibreOffice.

The binary Word format is a file system of its own (OLE); no maintained Python library reads
its text reliably, LibreOffice does. When `soffice` is installed (or TIGANG_SOFFICE names it)
the file is converted in a private temporary folder, with a throw-away LibreOffice profile
(so a running LibreOffice of the user's is neither needed nor disturbed) and a time limit.
Without LibreOffice the user is told how to get it, or how to save the file as .docx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..source import InputError

CONVERT_SECONDS = 120  # a 300-page .doc converts in well under a minute on two cores


def soffice() -> str | None:
    """The LibreOffice command: $TIGANG_SOFFICE, else soffice or libreoffice on the PATH."""
    named = os.environ.get("TIGANG_SOFFICE")
    if named is not None:
        return shutil.which(named)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, label: str, suffix: str = "") -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps. Raises InputError."""
    kind = "WPS .wps" if suffix == ".wps" else "legacy Word .doc"
    command = soffice()
    if command is None:
        raise InputError(
            f"{label}: {kind} needs LibreOffice to be read, and it is not installed "
            "(apt-get install libreoffice-writer); or open it in Word or WPS and save as .docx"
        )
    with tempfile.TemporaryDirectory(prefix="tigang-convert-") as folder:
        work = Path(folder)
        source = work / f"input{suffix if suffix in ('.doc', '.wps', '.dot') else '.doc'}"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        try:
            done = subprocess.run(
                [command, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                 "--convert-to", "docx", "--outdir", str(work / "out"), str(source)],
                capture_output=True, timeout=CONVERT_SECONDS, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise InputError(f"{label}: LibreOffice did not convert it within {CONVERT_SECONDS} s") from None
        except OSError as exc:
            raise InputError(f"{label}: LibreOffice could not be started ({exc.strerror or exc})") from None
        converted = work / "out" / (source.stem + ".docx")
        if done.returncode != 0 or not converted.is_file():
            raise InputError(
                f"{label}: LibreOffice could not convert it to .docx (a damaged file, or not a Word document)"
            )
        return converted.read_bytes()
