"""Short human codes (P-0042, B-0107, C-0007, R-0042) for rows people need to name or type."""

from __future__ import annotations

PROJECT = "P"
BRIEF = "B"
CLIENT = "C"
REQUEST = "R"


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}-{number:04d}"


def parse_code(prefix: str, text: str, *, bare: bool = False) -> int | None:
    """The number in a code as people type it (`C-0007`, `c7`; with `bare`, also `7`)."""
    cleaned = text.strip().upper()
    rest = cleaned.removeprefix(f"{prefix}-").removeprefix(prefix)
    if rest == cleaned and not bare:
        return None
    return int(rest) if rest.isdigit() else None
