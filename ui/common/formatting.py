"""How values read on screen: money, dates, weekdays. One place, so every pane agrees.

Everything goes through the default `QLocale`, which `ui.common.i18n` sets with the language:
`1 250 000,00 ₽` and `23.11.2026` in Russian, `₽1,250,000.00` and `23/11/2026` in English.
Times are `HH:MM` in both.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from accdesk.text import QT_TRANSLATE_NOOP

CURRENCY_SYMBOLS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸"}
CHANNELS = ("email", "telegram", "phone", "whatsapp", "slack")
CHANNEL_NAMES = {
    "email": QT_TRANSLATE_NOOP("Formatting", "Email"),
    "telegram": QT_TRANSLATE_NOOP("Formatting", "Telegram"),
    "phone": QT_TRANSLATE_NOOP("Formatting", "Phone"),
    "whatsapp": QT_TRANSLATE_NOOP("Formatting", "WhatsApp"),
    "slack": QT_TRANSLATE_NOOP("Formatting", "Slack"),
}


def channel_name(key: str) -> str:
    """A channel as people write it; a channel typed in by hand is shown as typed."""
    return QCoreApplication.translate("Formatting", CHANNEL_NAMES.get(key, key))


def channel_choices() -> list[tuple[str, str]]:
    return [(c, channel_name(c)) for c in CHANNELS]


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
    return _formats(QLocale().name())[0]


def _day_month_format() -> str:
    return _formats(QLocale().name())[1]


@cache
def _formats(_locale_name: str) -> tuple[str, str]:
    """The locale's short date with a four-digit year (en-GB's own short format has two),
    and the same without its year: asked on every painted date, worked out once."""
    full = re.sub(r"y+", "yyyy", QLocale().dateFormat(QLocale.FormatType.ShortFormat))
    return full, re.sub(r"^y+\W|\W?y+$", "", full)


def work_time(minutes: int) -> str:
    """Working time in hours and minutes, never in days: 27 h 50 min of work is not a
    day and three hours."""
    hours, rest = divmod(abs(minutes), 60)
    if hours == 0:
        return duration(rest)
    if rest == 0:
        return _unit(QCoreApplication.translate("Formatting", "%1 h").replace("%1", str(hours)))
    text = QCoreApplication.translate("Formatting", "%1 h %2 min")
    return _unit(text.replace("%1", str(hours)).replace("%2", f"{rest:02d}"))


def home_relative(location: str) -> str:
    """A file's path as people write it, with their home folder as `~`; anything else (a
    server's address) as it is."""
    home = str(Path.home())
    if location == home or location.startswith(home + os.sep):
        return "~" + location[len(home) :]
    return location


def minutes_text(minutes: int) -> str:
    """A number of minutes as such, 90 min: what a duration field holds (and is read back)."""
    return QCoreApplication.translate("Formatting", "%1 min").replace("%1", str(minutes))


def _unit(text: str) -> str:
    """A number and its unit kept on one line ("8 ч" never breaks between them)."""
    return text.replace(" ", "\u00a0")


def duration(minutes: int) -> str:
    """A span of minutes as read at a glance: 45 min, 2 h, 2 h 05 min, 3 days 4 h."""
    minutes = abs(minutes)
    if minutes < 60:
        return _unit(minutes_text(minutes))
    hours, rest = divmod(minutes, 60)
    if hours >= 24:
        # Days as a person says them ("2 дня", "5 дней"); the hours only when there are.
        count = hours // 24
        days = _unit(QCoreApplication.translate("Formatting", "%n day(s)", None, count))
        if hours % 24 == 0:
            return days
        return f"{days} " + _unit(
            QCoreApplication.translate("Formatting", "%1 h").replace("%1", str(hours % 24))
        )
    if rest == 0:
        return _unit(QCoreApplication.translate("Formatting", "%1 h").replace("%1", str(hours)))
    text = QCoreApplication.translate("Formatting", "%1 h %2 min")
    return _unit(text.replace("%1", str(hours)).replace("%2", f"{rest:02d}"))
