"""Where the three panes sit, by the room the window has.

A manager's first look is the queue and the client on the selected row; the brief is what
they then write. So the queue always keeps the left half or more:

- **wide** (from `WIDE` pixels): queue, client card and brief side by side;
- **narrow** (laptops, 1366 and 1440 wide): the card and the brief share the right column
  as two tabs, so each gets the room a form needs instead of a third of it;
- **focus** (Ctrl+Shift+F, or the button over the brief): the brief alone takes the whole
  window, its preview beside it, for a long specification; leaving returns everything as
  it was.

Pane sizes are remembered per arrangement, as shares of the width, so a person's choice for
the laptop screen does not become the docked monitor's, and a window made smaller or larger
keeps the proportions chosen.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

WIDE = 1700  # from this window width the three panes sit side by side
NARROW = 1650  # and below this one the card and the brief share a column (no flapping)


class Arrangement(Enum):
    WIDE = "wide"
    NARROW = "narrow"


class PaneArrangement(QObject):
    """Owns the splitter that holds the panes, and moves the card and the brief between it
    and the shared column as the window's width crosses `WIDE`."""

    focus_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget,
        day: QWidget,
        card: QWidget,
        brief: QWidget,
        labels: tuple[str, str],
    ) -> None:
        super().__init__(parent)
        self.day, self.card, self.brief = day, card, brief
        self.labels = labels
        self.splitter = QSplitter(Qt.Orientation.Horizontal, parent)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.side = QTabWidget(parent)
        self.side.setObjectName("sideTabs")
        self.side.setDocumentMode(True)
        self.mode: Arrangement | None = None
        self.focused = False
        self._shares: dict[Arrangement, list[float]] = {}
        self.splitter.addWidget(day)
        # What the person sets by dragging is what is kept, not what a narrow moment made.
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._remember())
        # Narrow first: its panes ask for less width, so a window of any size can be made
        # before its width decides.
        self.arrange(Arrangement.NARROW)

    # Arranging ----------------------------------------------------------------------------
    def fit(self, width: int) -> None:
        """The arrangement for a window `width` wide (with a margin against flapping)."""
        if self.mode is Arrangement.WIDE and width < NARROW:
            self.arrange(Arrangement.NARROW)
        elif self.mode is Arrangement.NARROW and width >= WIDE:
            self.arrange(Arrangement.WIDE)

    def arrange(self, mode: Arrangement) -> None:
        if mode is self.mode:
            return
        current = self.side.currentWidget() if self.mode is Arrangement.NARROW else None
        self.mode = mode
        if mode is Arrangement.WIDE:
            while self.side.count():
                self.side.removeTab(0)
            self.side.setParent(None)
            for widget in (self.card, self.brief):
                self.splitter.addWidget(widget)
                widget.show()
        else:
            for widget, label in zip((self.card, self.brief), self.labels, strict=True):
                self.side.addTab(widget, label)
            self.splitter.addWidget(self.side)
            self.side.setCurrentWidget(current or self.card)
        for pane, stretch in ((self.day, 5), (self.card, 3), (self.brief, 3), (self.side, 4)):
            if (index := self.splitter.indexOf(pane)) >= 0:
                self.splitter.setStretchFactor(index, stretch)
        for heading in self._headings():
            heading.setVisible(mode is Arrangement.WIDE)
        if self.focused:
            self._show_focus(True)
        else:
            self.restore_sizes()

    def _headings(self) -> list[QWidget]:
        """The card's and the brief's own titles, which the shared column's tabs replace."""
        return [
            w
            for pane in (self.card, self.brief)
            for w in pane.findChildren(QWidget, "paneTitle")
            if w.parent() is pane
        ]

    def _remember(self) -> None:
        """The current panes' shares of the width, unless the brief is taking all of it."""
        sizes = self.splitter.sizes()
        if self.mode is not None and not self.focused and sum(sizes) > 0:
            self._shares[self.mode] = [size / sum(sizes) for size in sizes]

    def restore_sizes(self) -> None:
        self.splitter.refresh()  # after panes were shown or hidden, which moves handles
        total = max(sum(self.splitter.sizes()), 1)
        shares = self._shares.get(self.mode or Arrangement.WIDE)
        if not shares or len(shares) != self.splitter.count():
            shares = [0.5, 0.25, 0.25] if self.mode is Arrangement.WIDE else [0.63, 0.37]
        self.splitter.setSizes([round(total * share) for share in shares])

    def show_pane(self, pane: QWidget) -> None:
        """Bring the card or the brief into view (in the shared column, its tab)."""
        if self.mode is Arrangement.NARROW and self.side.indexOf(pane) >= 0:
            self.side.setCurrentWidget(pane)

    # Focus on the brief ---------------------------------------------------------------------
    def toggle_focus(self) -> None:
        self.set_focus(not self.focused)

    def set_focus(self, focused: bool) -> None:
        if focused == self.focused:
            return
        self.focused = focused
        self._show_focus(focused)
        if not focused:
            self.restore_sizes()
        self.focus_changed.emit(focused)

    def _show_focus(self, focused: bool) -> None:
        self.day.setVisible(not focused)
        if self.mode is Arrangement.WIDE:
            self.card.setVisible(not focused)
        else:
            self.side.tabBar().setVisible(not focused)
            if focused:
                self.side.setCurrentWidget(self.brief)

    # Remembering ------------------------------------------------------------------------------
    def save(self, settings: QSettings) -> None:
        for mode, shares in self._shares.items():
            settings.setValue(f"window/panes-{mode.value}", [f"{share:.4f}" for share in shares])
        if self.mode is Arrangement.NARROW:
            settings.setValue("window/sideTab", self.side.currentIndex())

    def restore(self, settings: QSettings) -> None:
        for mode in Arrangement:
            value = settings.value(f"window/panes-{mode.value}")
            try:
                shares = [float(share) for share in value] if isinstance(value, list) else []
            except ValueError:
                shares = []  # written by hand, or by something else: the defaults serve
            if shares and all(0 < share < 1 for share in shares):
                self._shares[mode] = shares
        tab = str(settings.value("window/sideTab", 0))
        if self.mode is Arrangement.NARROW and tab.isdigit():
            self.side.setCurrentIndex(int(tab))
        self.restore_sizes()
