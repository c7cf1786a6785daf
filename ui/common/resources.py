"""Files from `resources/`, found the same way from a checkout and from an installed wheel.

The wheel carries `resources/` as `ui/_resources` (see pyproject.toml); a checkout has it
beside the `ui` package. Both are tried in that order.
"""

from __future__ import annotations

from pathlib import Path

_UI = Path(__file__).resolve().parents[1]  # the `ui` package
_CANDIDATES = (_UI / "_resources", _UI.parent / "resources")


def resource_path(name: str) -> Path:
    for folder in _CANDIDATES:
        candidate = folder / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {name!r} is missing from {', '.join(map(str, _CANDIDATES))}")
