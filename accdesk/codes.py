"""Short human codes (P-0042, B-0107, C-0007) for rows people need to name or type."""

from __future__ import annotations

import re

PROJECT = "P"
BRIEF = "B"
CLIENT = "C"

_CODE = re.compile(r"^\s*([A-Za-z])-?(\d+)\s*$")


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}-{number:04d}"


def parse_code(text: str, prefix: str) -> int | None:
    """The number inside a code such as `p-42` or `P-0042`, or None if it is not one."""
    match = _CODE.match(text)
    if match is None or match.group(1).upper() != prefix:
        return None
    return int(match.group(2))
