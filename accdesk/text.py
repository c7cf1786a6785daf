"""Sentences the core says to a person, in that person's language.

The core never imports Qt, yet its messages (a field's problem, why a move is suggested, an
agenda item's title) reach the window. Each is written as `translate(context, source, ...)`,
a call Qt's `lupdate` extracts like its own; the window hands Qt's translator to `use()` at
start-up, and the command line, which installs none, speaks English. Values are
`{name}` placeholders filled by `.format()` after translation, so that a translator can
move them within the sentence; lupdate reads only calls whose arguments are literals or
plain names, so counts are put in a variable first.

Strings defined at import time, before any translator exists (labels in tables of
constants), are marked with `QT_TRANSLATE_NOOP` instead and translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]

_translator: Translator | None = None
_language = "en"


def use(translator: Translator | None, language: str = "en") -> None:
    """Route the core's sentences through `translator` (None: plain English); `language`
    is for the few things the core looks up by language itself (holiday names)."""
    global _translator, _language
    _translator, _language = translator, language


def language() -> str:
    return _language


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` in the current language, with `%n` replaced by `n` when it is given."""
    if _translator is not None:
        return _translator(context, source, disambiguation, n)
    if n < 0:
        return source
    return english_plural(source, n == 1).replace("%n", str(n))


def english_plural(source: str, one: bool) -> str:
    """The English form of a source written with the "(s)" convention: "%n project(s)"."""
    return source.replace("(s)", "" if one else "s")


def fold(text: str) -> str:
    """Case-folded, with `ё` read as `е`: how people type Russian names into a search."""
    return text.casefold().replace("ё", "е")


def sort_key(text: str) -> tuple[str, str]:
    """The order of names in every list, in either language: letters regardless of case,
    `ё` beside `е` as Russian dictionaries have it (a database compares code points, which
    puts "Ёлка" before "АвтоДом"); the exact spelling only breaks ties."""
    return fold(text), text


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for extraction under `context`; it is translated where shown."""
    return source
