"""How values read on screen: money, dates, weekdays. One place, so every pane agrees.

Everything goes through the default `QLocale`, which `ui.i18n` sets with the language:
`1 250 000,00 ₽` and `23.11.2026` in Russian, `₽1,250,000.00` and `23/11/2026` in English.
Times are `HH:MM` in both.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

CURRENCY_SYMBOLS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸"}


def money(minor_units: int, currency: str) -> str:
    """An amount with the locale's grouping, decimal mark and currency position."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    return QLocale().toCurrencyString(minor_units / 100, symbol, 2)


def day(value: date | None) -> str:
    """A date as the locale writes it in short: 23.11.2026, 23/11/2026."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), _date_format())


def day_month(value: date) -> str:
    """A date within the year in sight: 23.11, 23/11."""
    return QLocale().toString(QDate(value.year, value.month, value.day), _day_month_format())


def stamp(value: datetime) -> str:
    """A moment in local time with its date: 23.11.2026 10:30."""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{day(local.date())} {local:%H:%M}"


def weekday_stamp(value: datetime, with_date: bool = True) -> str:
    """A moment in its own zone with the short weekday: пн 23.11 10:30, Mon 23/11 10:30."""
    name = QLocale().dayName(value.isoweekday(), QLocale.FormatType.ShortFormat)
    middle = f" {day_month(value.date())}" if with_date else ""
    return f"{name}{middle} {value:%H:%M}"


def _date_format() -> str:
    """The locale's short date with a four-digit year (en-GB's own short format has two)."""
    return re.sub(r"y+", "yyyy", QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def _day_month_format() -> str:
    """The short date without its year and the separator before or after it."""
    return re.sub(r"^y+\W|\W?y+$", "", _date_format())
