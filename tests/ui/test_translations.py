"""The Russian interface: every string translated, catalogues compiled from what is
committed, and a Russian window that shows no English and clips no text."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from ui.common import translations
from ui.common.i18n import install_language
from ui.shell.main_window import MainWindow
from ui.shell.shortcuts import ShortcutsDialog

# Words that are the same in a Russian interface: names of things, units, formats.
LATIN_OK = {
    "accdesk",
    "NPS",
    "SLA",
    "SEO",
    "PPC",
    "SMM",
    "KPI",
    "UX",
    "QA",
    "CSV",
    "Excel",
    "JSON",
    "HTML",
    "PDF",
    "Markdown",
    "UTC",
    "Telegram",
    "WhatsApp",
    "Slack",
    "VK",
    "UTM",
    "title",
    "description",
    "e-commerce",
    "ics",
    "xlsx",
    "txt",
    "md",
    "Ctrl",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
    "Del",
    "Delete",
    "Ins",
    "Backspace",
    "PgUp",
    "PgDown",
    "Return",
    "F1",
    "F2",
    "UTF",
    "Windows",
    "SQLite",
    "Tab",
    "Home",
    "End",
    "English",
}
# Identifiers people recognise as such: IANA time zones, the database's file path.
NOT_PROSE = {"field_timezone", "calendarZone", "statusLocation"}
WORD = re.compile(r"[A-Za-z]{2,}(?:-[A-Za-z]+)*")


def test_every_string_has_a_finished_russian_translation() -> None:
    committed = {(m.context, m.source): m for m in translations.read(translations.RU)}
    problems = []
    for key in translations.extracted():
        m = committed.get(key)
        if m is None or not m.finished or not all(m.forms):
            problems.append(f"{key}: not translated")
            continue
        if m.plural and len(m.forms) != 3:
            problems.append(f"{key}: Russian needs three plural forms, not {len(m.forms)}")
        wanted = sorted(set(translations.PLACEHOLDER.findall(m.source)))
        for form in m.forms:
            if sorted(set(translations.PLACEHOLDER.findall(form))) != wanted:
                problems.append(f"{key}: placeholders differ in {form!r}")
    assert not problems, "\n".join(problems)


def _literal_calls() -> Iterator[tuple[str, str, str]]:
    """(context, source, where) of every translation call whose source is a literal."""
    for path in translations.sources():
        yield from _calls_in(ast.parse(path.read_text(encoding="utf-8")), path.name, "")


def _calls_in(node: ast.AST, where: str, cls: str) -> Iterator[tuple[str, str, str]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            yield from _calls_in(child, where, child.name)
            continue
        if isinstance(child, ast.Call):
            f, args = child.func, child.args
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
            texts = [a.value for a in args if isinstance(a, ast.Constant)]
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
            at = f"{where}:{child.lineno}"
            if name in ("translate", "QT_TRANSLATE_NOOP") and literal[:2] == [True, True]:
                yield texts[0], texts[1], at
            elif name == "tr" and isinstance(f, ast.Attribute) and literal[:1] == [True]:
                yield cls, texts[0], at
        yield from _calls_in(child, where, cls)


def test_lupdate_sees_every_literal_passed_to_a_translation_call() -> None:
    """lupdate silently skips calls it cannot read (a count computed in the call, strings
    split over lines); such a string would stay English whatever the catalogue says."""
    known = {(m.context, m.source) for m in translations.read(translations.RU)}
    unseen = [
        f"{where}: [{ctx}] {src!r}"
        for ctx, src, where in _literal_calls()
        if (ctx, src) not in known
    ]
    assert not unseen, "\n".join(unseen)


@pytest.mark.parametrize("ts", [translations.RU, translations.EN], ids=lambda p: p.name)
def test_the_compiled_catalogue_is_the_committed_source(ts: Path, tmp_path: Path) -> None:
    """A .qm made from an older .ts would ship old texts: it must be what lrelease makes now."""
    fresh = tmp_path / "fresh.qm"
    translations.release(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is out of date: run python -m ui.common.translations"
    )


class MissRecorder(QTranslator):
    """Installed first, so Qt asks it only when the real catalogues had no answer. Only our
    own contexts count: pyqtgraph builds English menus that our charts switch off."""

    def __init__(self) -> None:
        super().__init__()
        self.misses: set[tuple[str, str]] = set()
        self.ours = {m.context for m in translations.read(translations.RU)}

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:  # type: ignore[override]
        if WORD.search(source or "") and context in self.ours:
            self.misses.add((context, source))
        return ""


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[MissRecorder]:
    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    install_language(qapp, "ru")
    yield recorder
    qapp.removeTranslator(recorder)
    install_language(qapp, "en")


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what a person reads in `root` and its menus."""
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
            yield name + " tooltip", w.toolTip()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                yield (
                    f"{name} header {c}",
                    str(model.headerData(c, Qt.Orientation.Horizontal) or ""),
                )
    for menu in root.findChildren(QMenu):
        for action in menu.actions():
            yield f"menu {menu.title()}", action.text()


def _english(text: str) -> list[str]:
    return [w for w in WORD.findall(text.replace("&", "")) if w not in LATIN_OK]


def test_the_window_in_russian_shows_russian_everywhere(
    russian: MissRecorder, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = open_window(demo_path)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Файл", "Правка", "Проект", "Клиент", "Команда", "День", "ТЗ", "Справка"]
    assert [window.day_tabs.tabText(i) for i in range(3)][::2] == ["Очередь проектов", "Сегодня"]
    english: list[str] = []
    for index in range(window.day_tabs.count()):
        window.day_tabs.setCurrentIndex(index)
        QApplication.processEvents()
        english += [
            f"{where}: {text!r}"
            for where, text in _texts(window)
            if _english(text) and where.split()[0] not in NOT_PROSE
        ]
    # Data typed by people (client names, brief text) is theirs; the demo agency's is Russian.
    assert not sorted(set(english)), "\n".join(sorted(set(english)))
    assert not russian.misses, "\n".join(map(str, sorted(russian.misses)))


def _opened(window: MainWindow) -> list[QWidget]:
    """The main window and the windows a person opens from it most: workload, statistics,
    keyboard shortcuts."""
    window.open_workload()
    window.open_stats()
    shortcuts = ShortcutsDialog(window.menuBar(), window)
    shortcuts.show()
    QApplication.processEvents()
    tops = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    return [window, *tops]


def test_the_other_windows_in_russian_show_no_english(  # type: ignore[no-untyped-def]
    russian: MissRecorder, open_window, demo_path: Path
) -> None:
    window: MainWindow = open_window(demo_path)
    tops = _opened(window)
    assert {t.objectName() for t in tops} >= {"workloadWindow", "statsDialog", "shortcutsDialog"}
    english = [
        f"{top.objectName()} {where}: {text!r}"
        for top in tops[1:]
        for where, text in _texts(top)
        if _english(text) and where.split()[0] not in NOT_PROSE
    ]
    assert not english, "\n".join(english)
    assert not russian.misses, "\n".join(map(str, sorted(russian.misses)))
    for top in tops[1:]:
        top.close()
