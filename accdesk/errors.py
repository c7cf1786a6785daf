"""Expected problems, as opposed to bugs.

Anything raised from this module is a situation the user can understand and act on; the CLI
prints its message without a traceback and the window shows it in a dialog or next to a
field. Everything else is a bug and is reported as one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

LONGEST = 500  # characters of a message: a quoted value of any length still reads as one


def one_line(message: str) -> str:
    """A message that quotes what someone typed or a file held, still one readable line:
    line breaks, other control characters and broken characters are shown escaped, and
    an endless value is cut."""
    shown = "".join(
        ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cs")
        else ch
        for ch in message
    )
    return shown if len(shown) <= LONGEST else shown[: LONGEST - 1] + "…"


class AccdeskError(Exception):
    """Base of the problems a user is told about in plain words, always in one line."""

    def __init__(self, message: str = "", *args: object) -> None:
        super().__init__(one_line(str(message)), *args)


class ValidationError(AccdeskError):
    """Input that cannot be stored, with one message per offending field.

    Field names are those of the input model, so a form can put each message beside the
    widget that holds the value.
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = {one_line(k): one_line(v) for k, v in errors.items()}
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))


class NotFound(AccdeskError):
    """The thing asked for does not exist (any more)."""


class StaleEdit(AccdeskError):
    """Someone changed the row since it was read; the edit was refused, nothing written."""


class DatabaseError(AccdeskError):
    """The database cannot be used; the file was left exactly as it was."""


class NotADatabase(DatabaseError):
    pass


class ForeignDatabase(DatabaseError):
    pass


class NewerDatabase(DatabaseError):
    pass


class DamagedDatabase(DatabaseError):
    pass


class DatabaseInUse(DatabaseError):
    """Another accdesk process writes to this file; a second writer is refused."""


class DatabaseLocked(DatabaseError):
    """Another program holds a lock on the file for longer than we wait."""


class ReadOnlyDatabase(DatabaseError):
    """The file or its folder cannot be written, or it was opened read-only on purpose."""


class DiskFull(DatabaseError):
    """A write failed for lack of space; the transaction was rolled back."""


class ImportProblem(AccdeskError):
    """A file or a mapping that cannot be imported, in one sentence."""
