"""Dates worth a greeting: contacts' birthdays, public holidays, the client's trade day.

Greetings are among the loyalty practices most agencies use (public, professional and
personal dates). Public holidays come from the `holidays` package; professional days are
matched to the client's segment by keyword.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from accdesk.text import QT_TRANSLATE_NOOP, language, translate


@dataclass(frozen=True)
class ProfessionalDay:
    """A trade's day: a fixed date (`day`), or the `nth` `weekday` of the month (-1: last)."""

    name: str
    keywords: tuple[str, ...]
    month: int
    day: int = 0
    weekday: int = 0
    nth: int = 0

    @functools.cache  # noqa: B019 (a handful of frozen, module-level days)
    def on(self, year: int) -> date:
        if self.day:
            return date(year, self.month, self.day)
        weeks = calendar.Calendar().monthdatescalendar(year, self.month)
        days = [d for week in weeks for d in week if d.month == self.month]
        matching = [d for d in days if d.weekday() == self.weekday]
        return matching[self.nth - 1 if self.nth > 0 else self.nth]


SUNDAY, SATURDAY = 6, 5
PROFESSIONAL_DAYS: tuple[ProfessionalDay, ...] = (
    ProfessionalDay(QT_TRANSLATE_NOOP("Greetings", "Marketer's Day"), ("",), 10, day=25),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "Medical Worker's Day"),
        ("medic", "clinic", "health", "медиц", "клиник", "здоров"),
        6,
        weekday=SUNDAY,
        nth=3,
    ),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "Teacher's Day"),
        ("educat", "school", "training", "образов", "школ", "обучен"),
        10,
        day=5,
    ),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "World Tourism Day"),
        ("touris", "travel", "hotel", "туриз", "путешеств", "гостини"),
        9,
        day=27,
    ),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "Trade Workers' Day"),
        ("retail", "commerce", "shop", "торгов", "ритейл", "магазин", "коммерц"),
        7,
        weekday=SATURDAY,
        nth=4,
    ),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "Realtor's Day"),
        ("real estate", "realt", "property", "недвижим", "риелт"),
        2,
        day=8,
    ),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "Machine Builder's Day"),
        ("manufactur", "industr", "factory", "производ", "промышл", "завод"),
        9,
        weekday=SUNDAY,
        nth=-1,
    ),
    ProfessionalDay(
        QT_TRANSLATE_NOOP("Greetings", "Builder's Day"),
        ("construct", "build", "строит"),
        8,
        weekday=SUNDAY,
        nth=2,
    ),
)


@dataclass(frozen=True, slots=True)
class GreetingDate:
    day: date
    occasion: str
    kind: str  # "birthday", "public" or "professional"


def public_holidays(country: str, year: int) -> Mapping[date, str]:
    """A country's holidays worth a greeting in `year` and the next: each holiday's first
    day only (no observed or substituted days off), named in the reader's language where
    the holiday calendar has it. Costs a few tenths of a second once per language."""
    return _public_holidays(country, year, "ru" if language() == "ru" else "en_US")


@cache
def _public_holidays(country: str, year: int, names_in: str) -> Mapping[date, str]:
    # A country without names in that language keeps its own (English, usually).
    found = holidays.country_holidays(country, years=(year, year + 1), language=names_in)
    first: dict[str, date] = {}
    for day, name in sorted(found.items()):
        if "(" in name or name.lower().startswith("day off"):
            continue
        key = f"{name}/{day.year}"
        first.setdefault(key, day)
    return {day: key.rsplit("/", 1)[0] for key, day in first.items()}


def _next_birthday(born: date, today: date) -> date:
    for year in (today.year, today.year + 1):
        # 29 February is greeted on 28 February in other years.
        day = min(born.day, calendar.monthrange(year, born.month)[1])
        candidate = date(year, born.month, day)
        if candidate >= today:
            return candidate
    raise AssertionError(translate("Greetings", "a birthday recurs within a year"))


def greeting_dates(
    today: date,
    *,
    days: int,
    birthdays: Iterable[tuple[str, date]],
    segment: str,
    public: Mapping[date, str],
) -> list[GreetingDate]:
    """Occasions from `today` to `days` ahead, soonest first."""
    until = today + timedelta(days=days)
    found = [
        GreetingDate(when, translate("Greetings", "Birthday: {name}").format(name=name), "birthday")
        for name, born in birthdays
        if (when := _next_birthday(born, today)) <= until
    ]
    found += [
        GreetingDate(day, name, "public") for day, name in public.items() if today <= day <= until
    ]
    trade = f" {segment.lower()} "
    for pro in PROFESSIONAL_DAYS:
        if any(word in trade for word in pro.keywords):
            for year in (today.year, today.year + 1):
                if today <= (day := pro.on(year)) <= until:
                    found.append(
                        GreetingDate(day, translate("Greetings", pro.name), "professional")
                    )
    return sorted(found, key=lambda g: (g.day, g.kind, g.occasion))
