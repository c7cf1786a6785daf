"""Market figures from the survey of agency heads, used as benchmarks beside a client's data.

Shares are the percentage of surveyed agencies that follow a practice (several answers were
allowed, so they do not add up to 100).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    key: str
    label: str
    share: float


LOYALTY_PRACTICES: tuple[Practice, ...] = (
    Practice("feedback", "Regular feedback requests with a reaction", 54.7),
    Practice("business_benefit", "Focus on the client's business benefit", 48.4),
    Practice("skills", "Improving the service and specialists' skills", 55.8),
    Practice("greetings", "Holiday and birthday greetings", 52.6),
    Practice("bonuses", "Bonuses without cutting the price", 15.8),
    Practice("discounts", "Discounts", 16.8),
    Practice("free_work", "Part of the work for free", 35.8),
    Practice("events", "Invitations to events", 29.5),
    Practice("community", "Invitation to a closed community", 5.3),
    Practice("concessions", "Concessions and exclusive terms", 29.5),
    Practice("simple_processes", "Simpler processes", 15.8),
    Practice("gamification", "Gamification", 3.2),
    Practice("personalisation", "Personalisation and exceptions to rules", 47.4),
    Practice("priority", "Priority among all projects", 24.2),
    Practice("fast_reaction", "Faster reaction to requests", 48.4),
    Practice("non_marketing_help", "Help with non-marketing questions", 32.6),
    Practice("client_focus_training", "Client-focus training of staff", 21.1),
    Practice("manager_change", "The client may ask for another manager", 49.5),
    Practice("external_attributes", "Better office, paper and dress code", 16.8),
)

PRACTICES_BY_KEY = {p.key: p for p in LOYALTY_PRACTICES}


@dataclass(frozen=True)
class ResponseBucket:
    """A first-response time band and the share of agencies that promise it (None: unknown)."""

    key: str
    label: str
    upper_minutes: int | None
    share: float | None


RESPONSE_BUCKETS: tuple[ResponseBucket, ...] = (
    ResponseBucket("15m", "within 15 minutes", 15, 14.6),
    ResponseBucket("1h", "within 1 hour", 60, 70.0),
    ResponseBucket("3h", "within 3 hours", 180, 18.8),
    ResponseBucket("6h", "within 6 hours", 360, None),
    ResponseBucket("later", "more than 6 hours (next business day)", None, None),
)


def bucket_for(minutes: int | None) -> ResponseBucket:
    """The survey band an agreed response time falls in (None means next business day)."""
    if minutes is not None:
        for bucket in RESPONSE_BUCKETS:
            if bucket.upper_minutes is not None and minutes <= bucket.upper_minutes:
                return bucket
    return RESPONSE_BUCKETS[-1]


def market_band_shares() -> tuple[float | None, ...]:
    """The survey's shares per band, comparable with an agency's own distribution.

    The survey's "within 1 hour" figure counts every answer up to an hour (the first three
    options together), so the band from 15 minutes to an hour is it minus "within 15
    minutes"; bands the survey gives no figure for stay None.
    """
    quick = RESPONSE_BUCKETS[0].share or 0.0
    return tuple(
        round(b.share - quick, 1) if b.key == "1h" and b.share is not None else b.share
        for b in RESPONSE_BUCKETS
    )
