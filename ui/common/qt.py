"""Where Qt's type stubs and our code disagree, said once, with a check at run time.

PySide6's stubs mark getters Optional that are never None where we call them (a combo
box's completer, an editable combo's line edit, a dialog's layout) and type a few values
as `object` (`QDate.toPython`, `QVariant` data). These helpers narrow them for mypy and
fail loudly, at the call, if the assumption ever breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QBoxLayout, QWidget

T = TypeVar("T")


def present(value: T | None) -> T:
    """`value`, which Qt's stubs say may be None and which is not here."""
    if value is None:
        raise RuntimeError("Qt returned nothing where something was expected")
    return value


def box_layout(widget: QWidget) -> QBoxLayout:
    """A widget's layout, known to be a box layout (a row or a column)."""
    layout = widget.layout()
    if not isinstance(layout, QBoxLayout):
        raise TypeError(f"{widget.objectName() or type(widget).__name__} has no box layout")
    return layout


def to_date(value: QDate) -> date:
    found = value.toPython()
    if not isinstance(found, date):
        raise TypeError(f"{value!r} is not a date")
    return found


def of_type(value: Any, kind: type[T]) -> T:
    """A value that came through Qt as `object` (item data, a property), of `kind`."""
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def slot(function: Callable[[T], Any], value: T) -> Callable[[], None]:
    """A slot calling `function(value)` and taking nothing from the signal, so a menu
    action's `checked` flag can never arrive as an argument."""

    def call() -> None:
        function(value)

    return call
