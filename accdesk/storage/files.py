"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from accdesk.errors import AccdeskError
from accdesk.text import translate

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_folder(path: Path) -> Path:
    """Create a folder (and parents) readable by the owner only, if it is missing."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    return path


def atomic_write(path: Path, data: bytes) -> Path:
    """Write `data` to `path` all at once: a temporary file beside it, flushed to disk,
    then renamed over the target. Readers see the old file or the new one, never a part.

    The file is owner-only: exports hold client data.
    """
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, PRIVATE_FILE)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return path


def write_export(path: Path, data: bytes) -> Path:
    """Write an export the person asked for, all at once; a folder that cannot be written
    is their problem to solve, told in words, and leaves nothing behind."""
    try:
        return atomic_write(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise AccdeskError(
            translate("Database", "cannot write {path}: {reason}").format(
                path=path, reason=reason.lower()
            )
        ) from None


def read_input(path: Path) -> bytes:
    """A file the person named to be read in (an archive, a spreadsheet), or one sentence
    saying why it cannot be."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AccdeskError(
            translate("Database", "cannot read {path}: {reason}").format(
                path=path, reason=(exc.strerror or str(exc)).lower()
            )
        ) from None
