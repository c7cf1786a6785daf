"""The app-wide signals panes listen to; panes never hold references to each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """One instance per window.

    `changed` carries an `accdesk.changes.Changes` after every write, whoever made it;
    each pane looks at the kinds and decides whether to reload.
    """

    changed = Signal(object)
