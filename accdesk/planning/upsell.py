"""When to offer a service again: the agency's cadence turns random attempts into a routine."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

RETRY_STATES = frozenset({"prospect", "offered", "declined"})


def next_offer(state: str, last_offer_on: date | None, cadence_days: int) -> date | None:
    """The next attempt after the last offer; none for a service the client already has or
    that nobody has assessed."""
    if state not in RETRY_STATES or last_offer_on is None:
        return None
    return last_offer_on + timedelta(days=cadence_days)


def offer_due(state: str, next_offer_on: date | None, today: date) -> bool:
    """A prospect never offered is due at once; the others when their next date comes."""
    if state not in RETRY_STATES:
        return False
    if next_offer_on is None:
        return state == "prospect"
    return next_offer_on <= today


def client_resting(last_offers: Iterable[date | None], today: date, cadence_days: int) -> bool:
    """A client offered anything within the cadence rests: no service of theirs is pitched
    until the cadence has passed since the last offer, whatever each service's own date
    says (one call a quarter, not one a service)."""
    last = max((d for d in last_offers if d is not None), default=None)
    return last is not None and last + timedelta(days=cadence_days) > today


def due_this_week(due_clients: int, managers: int, per_day: int, working_days: int) -> int:
    """How many of the clients due an offer the team's plans make room for this week."""
    return min(due_clients, managers * per_day * working_days)
