"""The Qt binding itself: a fault in it would crash the app however good the code above."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None cannot be freed from Python 3.12")
def test_qt_calls_that_return_nothing_leave_none_alive(qapp: object) -> None:
    """PySide6 6.12.0 dropped a reference to None on each such call: a day of painting
    the queue ran its count down to zero and the interpreter aborted."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.setText("Ёлка")
    assert sys.getrefcount(None) - before > -100
