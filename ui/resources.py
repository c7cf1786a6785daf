"""Files from `resources/`, found the same way from a checkout and from an installed wheel.

The wheel carries `resources/` as `ui/_resources` (see pyproject.toml); a checkout has it
beside the `ui` package. Both are tried in that order.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "_resources", _HERE.parent / "resources")


def resource_path(name: str) -> Path:
    for folder in _CANDIDATES:
        candidate = folder / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {name!r} is missing from {', '.join(map(str, _CANDIDATES))}")
