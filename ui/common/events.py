"""The window's one change signal, and subscriptions to it by screen.

Panes never hold references to each other. Whoever writes publishes the operation's
`Changes`; a pane subscribes with its `Screen` and is called only for changes that screen
shows (`accdesk.screens.dependencies`), so which pane cares about what is said once, in
the core, and never as strings in a pane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from accdesk.changes import Changes
from accdesk.screens.dependencies import Screen, shows

SCREEN_PROPERTY = "accdeskScreen"  # what a subscribed object shows (read by tests)


class AppEvents(QObject):
    """One instance per window. `changed` carries every write's `Changes`, whoever made it:
    the window's own edits and, on a team database, other people's."""

    changed = Signal(object)

    def publish(self, changes: Changes) -> None:
        if changes.kinds:
            self.changed.emit(changes)

    def subscribe(self, screen: Screen, slot: Callable[[Changes], None]) -> None:
        """Call `slot` (a method of a QObject) with each change `screen` shows.

        The subscription belongs to the slot's object and ends with it: a window that is
        closed and deleted is not called afterwards.
        """
        owner = getattr(slot, "__self__", None)
        if not isinstance(owner, QObject):
            raise TypeError("subscribe() takes a method of a QObject")
        owner.setProperty(SCREEN_PROPERTY, screen.value)
        _Subscription(screen, slot, owner).listen(self.changed)


class _Subscription(QObject):
    def __init__(self, screen: Screen, slot: Callable[[Changes], None], owner: QObject) -> None:
        super().__init__(owner)
        self._screen, self._slot = screen, slot

    def listen(self, signal: SignalInstance) -> None:
        signal.connect(self._deliver)

    def _deliver(self, changes: Changes) -> None:
        if shows(self._screen, changes):
            self._slot(changes)
