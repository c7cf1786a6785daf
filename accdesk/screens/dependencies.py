"""Which screens show which kinds of change: said once, for every pane and the command line.

A pane subscribes to its `Screen` and is told of a change only when the change touches a
kind the screen shows. `tests/core/test_change_vocabulary.py` reads each screen and records
the tables its queries use, runs every operation and records the tables it writes, and
fails when a screen reads a table whose kind is missing here, so a write can never leave a
screen stale.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from accdesk.changes import Changes, Kind


class Screen(StrEnum):
    QUEUE = "queue"  # the project queue
    CARD = "card"  # the client card
    BRIEFS = "briefs"  # the brief editor: a project's briefs, templates, audience levels
    REQUESTS = "requests"  # the inbox of requests waiting for a first response
    AGENDA = "agenda"  # a manager's day plan
    WORKLOAD = "workload"  # the team's load and the rebalance
    TOTALS = "totals"  # the counts in the status bar
    UPSELL_MATRIX = "upsell_matrix"  # clients by services


K = Kind
DEPENDS: Mapping[Screen, frozenset[Kind]] = MappingProxyType({
    Screen.QUEUE: frozenset(
        {
            K.PROJECT, K.QUEUE_ORDER, K.CLIENT, K.CLIENT_RECORDS, K.CONTACT, K.MANAGER,
            K.SERVICE, K.REQUEST, K.FEEDBACK, K.PROMISE, K.SETTING, K.CALENDAR_DAY,
        }
    ),
    Screen.CARD: frozenset(
        {
            K.CLIENT, K.CLIENT_RECORDS, K.CONTACT, K.CLIENT_SERVICE, K.SERVICE, K.PROJECT,
            K.ASSIGNMENT, K.MANAGER, K.PROMISE, K.LOYALTY_ACTION, K.FEEDBACK, K.REQUEST,
            K.SETTING, K.CALENDAR_DAY,
        }
    ),
    Screen.BRIEFS: frozenset(
        {K.BRIEF, K.BRIEF_REVISION, K.BRIEF_DRAFT, K.PROJECT, K.CLIENT, K.MANAGER, K.SETTING}
    ),
    Screen.REQUESTS: frozenset(
        {K.REQUEST, K.CLIENT, K.PROJECT, K.MANAGER, K.SETTING, K.CALENDAR_DAY}
    ),
    Screen.AGENDA: frozenset(
        {
            K.REQUEST, K.AGENDA_MARK, K.MEETING, K.LOYALTY_ACTION, K.CLIENT_SERVICE, K.SERVICE,
            K.FEEDBACK, K.PROMISE, K.PROJECT, K.CLIENT, K.CONTACT, K.MANAGER, K.SETTING,
            K.CALENDAR_DAY,
        }
    ),
    Screen.WORKLOAD: frozenset(
        {
            K.PROJECT, K.QUEUE_ORDER, K.ASSIGNMENT, K.REQUEST, K.MANAGER, K.MANAGER_SKILL,
            K.CLIENT,
            K.SERVICE, K.SETTING,
        }
    ),
    Screen.TOTALS: frozenset({K.MANAGER, K.CLIENT, K.PROJECT, K.REQUEST, K.BRIEF}),
    Screen.UPSELL_MATRIX: frozenset(
        {K.CLIENT, K.CLIENT_SERVICE, K.SERVICE, K.MANAGER, K.PROJECT, K.SETTING}
    ),
})  # fmt: skip


def shows(screen: Screen, changes: Changes) -> bool:
    """Whether `screen` shows anything `changes` touched."""
    wanted = DEPENDS[screen]
    return any(kind in wanted for kind in changes.kinds)


def concerns_client(changes: Changes, client_id: uuid.UUID) -> bool:
    """Whether a screen about one client (its card) must read again: the change lists that
    client among those whose rows changed, or names no client at all (a manager, a setting,
    a change too broad to list)."""
    clients = changes.ids(Kind.CLIENT_RECORDS)
    return not clients or client_id in clients
