"""The window on the screens managers have: nothing a person reads or types into is cut.

Every pane, tab and dialog is shown at 1366×768, 1440×900 and 1920×1080, in Russian and
English, light and dark, on the demo agency, with a level-10 web-form brief open. A label
or button narrower than its text, an input reaching past what holds it (spin arrows and
combo buttons cut off), a column header narrower than its title, a tab cut or behind
scroll arrows, and an essential queue column outside the view all fail, named.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QWidget,
)

from accdesk.ops.briefs import find_brief
from ui.common.i18n import install_language
from ui.common.widgets import WrappingHeader
from ui.queue.pane_view import ESSENTIAL
from ui.shell.main_window import MainWindow
from ui.shell.theme import apply_theme

SIZES = [(1366, 768), (1440, 900), (1920, 1080)]
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)
# Lists read at a glance that must fit their pane or window (a matrix, a client's history
# with its notes, may scroll sideways).
SIDEWAYS_NOT = {"requestsView", "workloadManagers", "statsManagers", "statsClients"}
HEADER_ROOM = 8  # a header's text margins, without its sort arrow


def clipped(root: QWidget) -> list[str]:
    """What a person would find cut in `root` as it is shown now."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.width() <= 0 or not w.window().isVisible():
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            wraps = isinstance(w, QLabel) and (w.wordWrap() or not w.pixmap().isNull())
            if not wraps and w.width() + 1 < w.sizeHint().width():
                found.append(f"{name} {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
        if isinstance(w, INPUTS) and (cut := _overflow(w)):
            found.append(f"{name}: reaches {cut} px past what holds it")
        if isinstance(w, QHeaderView) and w.orientation().name == "Horizontal":
            found += _cut_headers(w, name)
        if (
            isinstance(w, QTableView)
            and name in SIDEWAYS_NOT
            and w.horizontalScrollBar().isVisible()
        ):
            found.append(f"{name}: its columns run past the right edge")
        if isinstance(w, QTabBar) and w.count():
            last = w.tabRect(w.count() - 1)
            if last.right() > w.width() or any(
                w.tabRect(i).width() < w.tabSizeHint(i).width() for i in range(w.count())
            ):
                found.append(f"{name}: tabs cut or behind scroll arrows")
    return found


def _overflow(w: QWidget) -> int:
    """How far `w` reaches past the right edge of an ancestor that cuts it off (a scroll
    area that can scroll sideways does not count: its bar says there is more)."""
    rect = QRect(w.mapTo(w.window(), w.rect().topLeft()), w.size())
    parent = w.parentWidget()
    while parent is not None and not parent.isWindow():
        scroller = parent.parentWidget()
        if isinstance(scroller, QAbstractScrollArea) and scroller.horizontalScrollBar().isVisible():
            return 0
        edge = parent.mapTo(w.window(), parent.rect().topRight()).x()
        if rect.right() > edge + 1:
            return rect.right() - edge
        parent = parent.parentWidget()
    return 0


def _cut_headers(header: QHeaderView, name: str) -> list[str]:
    model = header.model()
    if model is None:
        return []
    metrics = QFontMetrics(header.font())
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column) or header.sectionSize(column) == 0:
            continue
        title = str(model.headerData(column, header.orientation()) or "")
        # A wrapping header needs room for its longest word; another, for the whole title.
        parts = title.split() if isinstance(header, WrappingHeader) else [title]
        widest = max((metrics.horizontalAdvance(part) for part in parts), default=0)
        if title and header.sectionSize(column) < widest + HEADER_ROOM:
            cut.append(f"{name} header {title!r}: {header.sectionSize(column)} px")
    return cut


def essential_out_of_view(window: MainWindow) -> list[str]:
    view = window.queue.view
    header = view.horizontalHeader()
    out = []
    for key in ESSENTIAL:
        column = window.queue.model.column_of(key)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if header.isSectionHidden(column) or right > view.viewport().width():
            out.append(f"queue column {key} out of view")
    return out


def screens(window: MainWindow) -> Iterator[str]:
    """Show, one after another, every pane and tab of the main window; yield its name."""
    for index in range(window.day_tabs.count()):
        window.day_tabs.setCurrentIndex(index)
        yield f"day tab {index}"
    window.day_tabs.setCurrentIndex(0)
    window.panes.show_pane(window.card)
    for index in range(window.card.tabs.count()):
        window.card.tabs.setCurrentIndex(index)
        yield f"card tab {window.card.tabs.tabText(index)}"
    window.panes.show_pane(window.briefs)
    yield "brief"
    window.panes.set_focus(True)
    yield "brief in focus"
    window.panes.set_focus(False)


@pytest.fixture
def scheme(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    chosen = request.param
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACCDESK_THEME", chosen)
        apply_theme(qapp)
        yield chosen
    apply_theme(qapp)


@pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_is_cut_on_any_screen(  # type: ignore[no-untyped-def]
    qapp: QApplication,
    open_window,
    demo_path: Path,
    dialogs,
    qtbot,
    size: tuple[int, int],
    language: str,
    scheme: str,
) -> None:
    install_language(qapp, language)
    try:
        window: MainWindow = open_window(demo_path)
        for _ in range(2):  # the panes' minimums may hold the first step back
            window.resize(*size)
            QApplication.processEvents()
        qtbot.waitUntil(lambda: window.width() == size[0])
        assert window.db is not None
        form = find_brief(window.db, "B-0009")  # the demo's web form
        assert window.queue.select_project(form.project_id)
        window.briefs.open_brief(form.id)
        level = window.briefs.findChild(QSpinBox)
        assert level is not None
        level.setValue(10)
        problems = []
        for where in screens(window):
            QApplication.processEvents()
            problems += [f"{where}: {p}" for p in clipped(window)]
            if where == "day tab 0":
                problems += essential_out_of_view(window)
        seen, found = dialog_problems(window, dialogs)
        assert seen >= {"shortcutsDialog", "workloadWindow", "statsDialog", "upsellMatrix"}
        problems += [f"dialog {p}" for p in found]
        assert not problems, "\n".join(sorted(set(problems)))
    finally:
        install_language(qapp, "en")


def dialog_problems(window: MainWindow, dialogs) -> tuple[set[str], list[str]]:  # type: ignore[no-untyped-def]
    """The windows a person opens from the menus, each checked while it is open: their
    names, and what is cut in them."""
    found: list[str] = []
    seen: set[str] = set()

    def look(dialog: QDialog) -> None:
        QApplication.processEvents()
        seen.add(dialog.objectName())
        found.extend(f"{dialog.objectName()}: {p}" for p in clipped(dialog))
        dialog.reject()

    dialogs.fill = look
    window.show_shortcuts()
    window.open_calendar()
    for opened in (window.open_workload, window.open_stats, window.open_upsell_matrix):
        opened()
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top is not window:
                seen.add(top.objectName())
                found.extend(f"{top.objectName()}: {p}" for p in clipped(top))
                top.close()
    return seen, found
