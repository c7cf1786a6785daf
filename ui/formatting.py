"""How values read on screen: money, dates. One place, so every pane agrees."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

CURRENCY_SYMBOLS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸"}


def money(minor_units: int, currency: str) -> str:
    """Whole currency units with the locale's grouping, e.g. `920,000 ₽`."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    return f"{QLocale().toString(minor_units // 100)} {symbol}"


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""
