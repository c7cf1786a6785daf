"""Who managed a client and when: continuity, which clients notice when it breaks.

Clients who ask for another manager also complain when they have had several; the card warns
at three managers within twelve months.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

TOO_MANY_MANAGERS = 3


def managers_since(
    assignments: Iterable[tuple[uuid.UUID, str | None, datetime]], since: datetime
) -> list[str]:
    """Managers in charge of any of the projects at some moment from `since` on.

    `assignments` are (project, manager, assigned at) in any order; each one lasts until the
    project's next assignment. A project without a manager counts nobody.
    """
    by_project: dict[uuid.UUID, list[tuple[datetime, str | None]]] = {}
    for project, manager, at in assignments:
        by_project.setdefault(project, []).append((at, manager))
    seen: dict[str, datetime] = {}
    for history in by_project.values():
        history.sort(key=lambda item: item[0])
        ends = [at for at, _m in history[1:]] + [None]
        for (start, manager), end in zip(history, ends, strict=True):
            if manager is not None and (end is None or end > since):
                seen[manager] = min(seen.get(manager, start), start)
    return sorted(seen, key=lambda name: (seen[name], name))
