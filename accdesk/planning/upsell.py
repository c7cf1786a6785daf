"""When to offer a service again: the agency's cadence turns random attempts into a routine."""

from __future__ import annotations

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
