"""The brief editor as a manager uses it: levels, sections, fields, preview, export, history."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester

from accdesk.briefs.content import FieldSpec
from accdesk.ops.briefs import find_brief, get_brief, revisions
from accdesk.ops.queue import list_queue
from accdesk.storage.db import open_database
from tests.ui.conftest import ScriptedDialogs, type_text
from ui.briefs.editor import BriefEditorPane
from ui.briefs.fields import ERROR, NAME, REQUIRED, RULE, TYPE, FieldsModel
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
NEWSLETTER = "Добавить в прототип форму подписки на email-рассылку"


def pane(window: MainWindow) -> BriefEditorPane:
    return window.briefs


def current(window: MainWindow):  # type: ignore[no-untyped-def]
    doc = pane(window).doc
    assert doc is not None
    return doc.id


def new_brief(window: MainWindow, template: str) -> BriefEditorPane:
    """Select the first project and start a brief from a template, as from the menu."""
    window.queue.view.selectRow(0)
    briefs = pane(window)
    briefs.new_menu.aboutToShow.emit()
    action = briefs.new_menu.findChild(QAction, f"newBrief_{template}")
    assert action is not None, template
    action.trigger()
    return briefs


def leave(window: MainWindow) -> None:
    """Move the focus out of the editor, as a person clicking elsewhere does."""
    window.queue.search.setFocus()


def write(window: MainWindow, key: str, text: str) -> None:
    """Type into a section (replacing what is there) and leave it."""
    widget = pane(window).boxes[key].input
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)
    leave(window)


def set_level(window: MainWindow, level: int) -> None:
    spin = pane(window).level
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, str(level))
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == level


def edit_cell(window: MainWindow, row: int, column: int, text: str) -> None:
    """Open a cell's editor as a person does (F2), type, and press Enter."""
    view = pane(window).boxes["fields"].input.view  # type: ignore[attr-defined]
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QGuiApplication.focusObject()
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findText(text))
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        QTest.keyClick(editor, Qt.Key.Key_Delete)
        type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits an edit and closes its editor queued


def add_field(window: MainWindow, name: str, kind: str, required: bool, rule: str, error: str):  # type: ignore[no-untyped-def]
    fields = pane(window).boxes["fields"].input
    QTest.mouseClick(fields.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    row = fields.model.rowCount() - 1  # type: ignore[attr-defined]
    QTest.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Escape)  # the name editor opened
    QApplication.processEvents()
    edit_cell(window, row, NAME, name)
    edit_cell(window, row, TYPE, kind)
    if required:
        view = fields.view  # type: ignore[attr-defined]
        view.setCurrentIndex(view.model().index(row, REQUIRED))
        QTest.keyClick(view, Qt.Key.Key_Space)
    if rule:
        edit_cell(window, row, RULE, rule)
        edit_cell(window, row, ERROR, error)


def write_newsletter(window: MainWindow, level: int) -> BriefEditorPane:
    """The survey's example request, written through the editor at the given level."""
    briefs = new_brief(window, "web_form")
    write(window, "title", NEWSLETTER)
    set_level(window, level)
    if level < 2:
        return briefs
    write(window, "goal", "Собирать подписчиков рассылки с главной страницы.")
    write(window, "context", "Прототип в Figma: страница «Главная»")
    briefs.boxes["deadline"].input.set_value(__import__("datetime").date(2026, 12, 4))  # type: ignore[attr-defined]
    write(window, "estimate", "6")
    write(window, "acceptance", "Адрес появляется в списке Unisender")
    write(window, "placement", "Подвал главной страницы, над контактами")
    write(window, "content", "Заголовок: «Новости и скидки раз в неделю». Кнопка: «Подписаться»")
    add_field(window, "email", "email", True, "адрес вида имя@домен", "Проверьте адрес")
    add_field(window, "name", "text", False, "не длиннее 60 символов", "Имя слишком длинное")
    write(window, "after_submit", "Всплывающее окно «Спасибо!», письмо с подтверждением")
    write(window, "edge_cases", "Адрес уже подписан: «Вы уже подписаны»")
    write(window, "analytics", "subscribe_success")
    return briefs


def test_the_newsletter_at_level_1_exports_the_title_only(window: MainWindow) -> None:
    briefs = write_newsletter(window, 1)
    assert window.db is not None
    doc = get_brief(window.db, current(window))
    assert doc.title == NEWSLETTER and doc.level == 1
    assert briefs.markdown() == f"# {NEWSLETTER}\n"
    assert briefs.meter.text() == "1 of 1 sections for level 1"


def test_the_newsletter_at_level_10_exports_the_full_spec(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    briefs = write_newsletter(window, 10)
    assert briefs.meter.text() == "13 of 13 sections for level 10"
    target = tmp_path / "newsletter.md"
    dialogs.paths.append(str(target))
    action = window.findChild(QAction, "actionExport_md")
    assert action is not None
    action.trigger()
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# {NEWSLETTER}\n")
    assert "## Placement\n\nПодвал главной страницы, над контактами" in text
    assert "Заголовок: «Новости и скидки раз в неделю»" in text
    assert "| email | email | yes |" in text and "| name | text | no |" in text
    assert "| email | адрес вида имя@домен | Проверьте адрес |" in text
    assert "## After submit\n\nВсплывающее окно «Спасибо!»" in text
    assert "## Effort estimate\n\n6 h" in text and "## Deadline\n\n2026-12-04" in text
    # What the file says is what is stored.
    assert window.db is not None
    stored = get_brief(window.db, current(window))
    assert stored.content.fields == (
        FieldSpec("email", "email", True, "адрес вида имя@домен", "Проверьте адрес"),
        FieldSpec("name", "text", False, "не длиннее 60 символов", "Имя слишком длинное"),
    )
    assert briefs.preview.toPlainText().count("Проверьте адрес") == 1


def test_the_meter_counts_sections_as_they_are_filled_and_emptied(window: MainWindow) -> None:
    briefs = new_brief(window, "web_form")  # starts at level 8: 9 sections
    write(window, "title", "Форма заявки")
    assert briefs.meter.text() == "1 of 9 sections for level 8"
    assert briefs.missing.text().startswith("Missing: Goal, Context and links, Deadline")
    write(window, "goal", "Заявки с сайта")
    write(window, "placement", "Шапка")
    assert briefs.meter.text() == "3 of 9 sections for level 8"
    write(window, "goal", "")
    assert briefs.meter.text() == "2 of 9 sections for level 8"
    assert "Goal" in briefs.missing.text()


def test_lowering_the_level_hides_sections_and_keeps_their_text(window: MainWindow) -> None:
    briefs = new_brief(window, "web_form")
    write(window, "placement", "Подвал")
    set_level(window, 3)
    assert not briefs.boxes["placement"].isVisible()
    assert briefs.meter.text() == "1 of 3 sections for level 3"
    set_level(window, 7)
    assert briefs.boxes["placement"].isVisible()
    assert briefs.boxes["placement"].value() == "Подвал"
    assert window.db is not None
    assert get_brief(window.db, current(window)).content.values["placement"] == "Подвал"


def test_a_developer_on_a_level_3_brief_gets_a_warning_with_what_is_missing(
    window: MainWindow,
) -> None:
    briefs = new_brief(window, "web_form")
    set_level(window, 3)
    briefs.audience.setCurrentIndex(briefs.audience.findData("project_manager"))
    assert not briefs.warning.isVisible()
    briefs.audience.setCurrentIndex(briefs.audience.findData("developer"))
    assert briefs.warning.isVisible()
    text = briefs.warning.text()
    assert text.startswith("Developer needs level 8 or more; this brief is level 3.")
    assert "Placement" in text and "Fields" in text and "Validation" not in text
    assert window.db is not None
    assert get_brief(window.db, current(window)).content.audience == "developer"


def test_bad_input_gets_a_message_in_place_and_nothing_is_written(window: MainWindow) -> None:
    briefs = new_brief(window, "web_form")
    assert window.db is not None
    doc = get_brief(window.db, current(window))
    write(window, "title", "")
    assert briefs.boxes["title"].error.text() == "write what needs to be done"
    assert briefs.message.text() == "Not saved: correct what is marked in red."
    write(window, "title", "Форма")
    write(window, "estimate", "-2")
    assert briefs.boxes["estimate"].error.text() == "cannot be below zero"
    write(window, "estimate", "два")
    assert briefs.boxes["estimate"].error.text() == "type a number of hours, like 6 or 1.5"
    write(window, "estimate", "")
    add_field(window, "email", "email", True, "", "")
    add_field(window, "Email", "text", False, "", "")
    fields = briefs.boxes["fields"]
    assert fields.error.text() == "Row 2: “Email” is already row 1"
    edit_cell(window, 1, NAME, "")
    assert fields.error.text() == "Row 2: the field needs a name"
    stored = get_brief(window.db, doc.id)
    assert [f.name for f in stored.content.fields] == ["email"] and stored.title == "Форма"
    edit_cell(window, 1, NAME, "phone")
    assert fields.error.text() == ""
    assert [f.name for f in get_brief(window.db, doc.id).content.fields] == ["email", "phone"]


def test_fields_move_with_buttons_and_by_drag_and_drop(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    briefs = new_brief(window, "web_form")
    for name in ("email", "name", "phone"):
        add_field(window, name, "text", False, "", "")
    editor = briefs.boxes["fields"].input
    editor.view.setCurrentIndex(editor.model.index(2, NAME))  # type: ignore[attr-defined]
    QTest.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert [f.name for f in editor.value()] == ["email", "phone", "name"]  # type: ignore[attr-defined]
    # A drop as the view delivers it: the dragged row's data onto the first row.
    model = editor.model  # type: ignore[attr-defined]
    data = model.mimeData([model.index(2, NAME)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [f.name for f in editor.value()] == ["name", "email", "phone"]  # type: ignore[attr-defined]
    assert window.db is not None
    stored = get_brief(window.db, current(window))
    assert [f.name for f in stored.content.fields] == ["name", "email", "phone"]
    QTest.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert len(get_brief(window.db, stored.id).content.fields) == 2


def test_fields_model_passes_the_model_tester(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = FieldsModel()
    model.set_specs([FieldSpec("email", "email", True), FieldSpec("name")])
    tester = ModelTester(qtbot)
    tester.check(model, force_py=True)
    model.add_row()
    model.move_row(0, 2)
    model.setData(
        model.index(1, REQUIRED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    model.remove_rows([0])
    assert [f.name for f in model.specs()] == ["", "email"]
    assert model.specs()[0].required


def test_html_export_keeps_typed_markup_as_text(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    briefs = new_brief(window, "generic")
    write(window, "title", "<script>alert('x')</script> форма")
    write(window, "goal", "Кнопка <b>Купить</b> & скидка")
    target = tmp_path / "brief.html"
    dialogs.paths.append(str(target))
    briefs.export("html")
    text = target.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; форма" in text
    assert "Кнопка &lt;b&gt;Купить&lt;/b&gt; &amp; скидка" in text


def test_pdf_export_has_selectable_cyrillic_text(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    briefs = new_brief(window, "generic")
    write(window, "title", "Форма подписки на рассылку")
    write(window, "goal", "Собирать подписчиков с главной страницы")
    target = tmp_path / "brief.pdf"
    dialogs.paths.append(str(target))
    briefs.export("pdf")
    pages = PdfReader(io.BytesIO(target.read_bytes())).pages
    # Qt places each word on its own; pypdf reads the gaps as tabs.
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Форма подписки на рассылку" in text
    assert "Собирать подписчиков с главной страницы" in text


def test_export_to_a_folder_that_cannot_be_written_says_so_and_leaves_nothing(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    briefs = new_brief(window, "generic")
    # A "folder" that is a file cannot be written into, even by root.
    base = tmp_path / "out"
    base.mkdir()
    blocker = base / "exports"
    blocker.write_text("not a folder", encoding="utf-8")
    dialogs.paths.append(str(blocker / "brief.md"))
    briefs.export("md")
    assert dialogs.errors[-1] == (
        "Export brief",
        f"cannot write {blocker / 'brief.md'}: not a directory",
    )
    assert [p.name for p in base.iterdir()] == ["exports"]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_export_into_a_missing_folder_reports_it_and_leaves_nothing(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    briefs = new_brief(window, "generic")
    dialogs.paths.append(str(tmp_path / "gone" / "brief.md"))
    briefs.export("md")
    assert dialogs.errors[-1][1].startswith(f"cannot write {tmp_path / 'gone' / 'brief.md'}")
    assert not (tmp_path / "gone").exists()


def test_restoring_a_revision_is_undoable(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    assert window.db is not None
    briefs = new_brief(window, "generic")
    brief_id = current(window)
    write(window, "title", "Первая версия")
    first = revisions(window.db, brief_id)[0].number
    # A later sitting: the next save starts a revision of its own.
    window.db.engine.dispose()
    with window.db.transaction() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE briefrevision SET updated_at = '2026-01-01 00:00:00.000000'"))
    write(window, "title", "Вторая версия")
    assert [r.content.title for r in revisions(window.db, brief_id)][:2] == [
        "Вторая версия",
        "Первая версия",
    ]

    def choose(dialog: QWidget) -> None:
        diff = dialog.findChild(QWidget, "revisionDiff")
        assert diff.toPlainText() == "The brief is the same as in this revision."  # type: ignore[attr-defined]
        dialog.list.setCurrentIndex(dialog.list.model().index(1, 0))  # type: ignore[attr-defined]
        assert "− # Первая версия" in diff.toPlainText()  # type: ignore[attr-defined]
        assert "+ # Вторая версия" in diff.toPlainText()  # type: ignore[attr-defined]
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    dialogs.fill = choose
    briefs.show_history()
    assert get_brief(window.db, brief_id).title == "Первая версия"
    assert briefs.boxes["title"].value() == "Первая версия"
    assert first == 1
    undo = window.findChild(QAction, "actionUndo")
    assert undo is not None and undo.text() == "&Undo Restore revision 1"
    undo.trigger()
    assert get_brief(window.db, brief_id).title == "Вторая версия"
    assert briefs.boxes["title"].value() == "Вторая версия"


def test_status_moves_from_draft_to_sent_to_accepted_with_dates_and_undo(
    window: MainWindow,
) -> None:
    assert window.db is not None
    briefs = new_brief(window, "generic")
    brief_id = current(window)
    window.findChild(QAction, "actionBrief_sent").trigger()  # type: ignore[union-attr]
    sent = get_brief(window.db, brief_id)
    assert sent.status == "sent" and sent.sent_at is not None
    assert "sent " in briefs.meta.text()
    window.findChild(QAction, "actionBrief_accepted").trigger()  # type: ignore[union-attr]
    accepted = get_brief(window.db, brief_id)
    assert accepted.status == "accepted" and accepted.sent_at == sent.sent_at
    assert accepted.accepted_at is not None
    window.findChild(QAction, "actionUndo").trigger()  # type: ignore[union-attr]
    back = get_brief(window.db, brief_id)
    assert (back.status, back.sent_at, back.accepted_at) == ("sent", sent.sent_at, None)
    assert briefs.status_button.text() == "Sent"


def test_a_template_saved_from_a_brief_starts_new_briefs_with_its_text(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    briefs = new_brief(window, "bug_fix")
    write(window, "steps", "Открыть сайт с телефона\nНажать «Купить»")
    dialogs.texts.append("Ошибка на мобильном")
    briefs.save_as_template()
    briefs.new_menu.aboutToShow.emit()
    names = [a.text() for a in briefs.new_menu.actions()]
    assert "Ошибка на мобильном" in names
    created = next(a for a in briefs.new_menu.actions() if a.text() == "Ошибка на мобильном")
    created.trigger()
    assert briefs.boxes["steps"].value() == ("Открыть сайт с телефона", "Нажать «Купить»")
    assert window.db is not None
    assert get_brief(window.db, current(window)).content.template == "agency_1"


def test_audience_levels_are_an_agency_setting(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    briefs = new_brief(window, "web_form")
    set_level(window, 5)
    briefs.audience.setCurrentIndex(briefs.audience.findData("seo"))
    assert not briefs.warning.isVisible()  # SEO needs level 5 by default

    def raise_seo(dialog: QWidget) -> None:
        spin = dialog.findChild(QWidget, "field_seo")
        spin.setValue(7)  # type: ignore[attr-defined]
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    dialogs.fill = raise_seo
    window.findChild(QAction, "actionAudienceLevels").trigger()  # type: ignore[union-attr]
    assert briefs.warning.isVisible()
    assert briefs.warning.text().startswith("SEO specialist needs level 7 or more")


def test_brief_export_command_writes_markdown_html_and_pdf(demo_path: Path, tmp_path: Path) -> None:
    db = open_database(demo_path)
    try:
        brief = find_brief(db, "B-0009")
        assert list_queue(db)
    finally:
        db.close()
    for fmt in ("md", "html", "pdf"):
        out = tmp_path / f"b.{fmt}"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ui",
                "brief",
                "export",
                "B-0009",
                "--db",
                str(demo_path),
                "--format",
                fmt,
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 0, done.stderr
        assert f"Wrote B-0009 “{brief.title}”" in done.stdout
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith(f"# {brief.title}\n")
    pdf = PdfReader(tmp_path / "b.pdf")
    assert brief.title in " ".join(pdf.pages[0].extract_text().split())
    missing = subprocess.run(
        [sys.executable, "-m", "ui", "brief", "export", "B-9999", "--db", str(demo_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert missing.returncode == 1 and missing.stderr == "accdesk: there is no brief 'B-9999'\n"


def test_brief_list_model_is_a_well_behaved_qt_model(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    """The project's briefs, as listed over the editor: checked while briefs are added,
    retitled and the project changes."""
    model = pane(window).list_model
    qtmodeltester.check(model)
    shown = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert shown and all(" · " in text for text in shown)
    new_brief(window, "generic")
    write(window, "title", "Check the model")
    leave(window)
    qtmodeltester.check(model)
    assert any(
        str(model.data(model.index(r))).endswith("Check the model") for r in range(model.rowCount())
    )
    window.queue.view.selectRow(3)
    qtmodeltester.check(model)
