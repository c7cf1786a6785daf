"""Short human codes (P-0042, B-0107, C-0007) for rows people need to name or type."""

from __future__ import annotations

PROJECT = "P"
BRIEF = "B"
CLIENT = "C"


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}-{number:04d}"
