"""Market figures from the survey of agency heads, used as benchmarks beside a client's data.

Shares are the percentage of surveyed agencies that follow a practice (several answers were
allowed, so they do not add up to 100).
"""

from __future__ import annotations

from dataclasses import dataclass

from accdesk.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Practice:
    key: str
    label: str
    share: float


LOYALTY_PRACTICES: tuple[Practice, ...] = (
    Practice(
        "feedback", QT_TRANSLATE_NOOP("Facts", "Regular feedback requests with a reaction"), 54.7
    ),
    Practice(
        "business_benefit",
        QT_TRANSLATE_NOOP("Facts", "Focus on the client's business benefit"),
        48.4,
    ),
    Practice(
        "skills", QT_TRANSLATE_NOOP("Facts", "Improving the service and specialists' skills"), 55.8
    ),
    Practice("greetings", QT_TRANSLATE_NOOP("Facts", "Holiday and birthday greetings"), 52.6),
    Practice("bonuses", QT_TRANSLATE_NOOP("Facts", "Bonuses without cutting the price"), 15.8),
    Practice("discounts", QT_TRANSLATE_NOOP("Facts", "Discounts"), 16.8),
    Practice("free_work", QT_TRANSLATE_NOOP("Facts", "Part of the work for free"), 35.8),
    Practice("events", QT_TRANSLATE_NOOP("Facts", "Invitations to events"), 29.5),
    Practice("community", QT_TRANSLATE_NOOP("Facts", "Invitation to a closed community"), 5.3),
    Practice("concessions", QT_TRANSLATE_NOOP("Facts", "Concessions and exclusive terms"), 29.5),
    Practice("simple_processes", QT_TRANSLATE_NOOP("Facts", "Simpler processes"), 15.8),
    Practice("gamification", QT_TRANSLATE_NOOP("Facts", "Gamification"), 3.2),
    Practice(
        "personalisation",
        QT_TRANSLATE_NOOP("Facts", "Personalisation and exceptions to rules"),
        47.4,
    ),
    Practice("priority", QT_TRANSLATE_NOOP("Facts", "Priority among all projects"), 24.2),
    Practice("fast_reaction", QT_TRANSLATE_NOOP("Facts", "Faster reaction to requests"), 48.4),
    Practice(
        "non_marketing_help", QT_TRANSLATE_NOOP("Facts", "Help with non-marketing questions"), 32.6
    ),
    Practice(
        "client_focus_training", QT_TRANSLATE_NOOP("Facts", "Client-focus training of staff"), 21.1
    ),
    Practice(
        "manager_change", QT_TRANSLATE_NOOP("Facts", "The client may ask for another manager"), 49.5
    ),
    Practice(
        "external_attributes",
        QT_TRANSLATE_NOOP("Facts", "Better office, paper and dress code"),
        16.8,
    ),
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
    ResponseBucket("15m", QT_TRANSLATE_NOOP("Facts", "within 15 minutes"), 15, 14.6),
    ResponseBucket("1h", QT_TRANSLATE_NOOP("Facts", "within 1 hour"), 60, 70.0),
    ResponseBucket("3h", QT_TRANSLATE_NOOP("Facts", "within 3 hours"), 180, 18.8),
    ResponseBucket("6h", QT_TRANSLATE_NOOP("Facts", "within 6 hours"), 360, None),
    ResponseBucket(
        "later", QT_TRANSLATE_NOOP("Facts", "more than 6 hours (next business day)"), None, None
    ),
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
