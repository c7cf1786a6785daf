"""The client card driven like a person would: typing, clicking, dialogs; checked against the
database and against what is on screen."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from accdesk.ops.clients import client_card, save_record, update_client
from tests.ui.conftest import ScriptedDialogs, type_text
from tests.ui.test_window import click_row
from ui.card.pane import ClientCardPane
from ui.card.upsell_matrix import MatrixModel
from ui.common.forms import Form, RecordDialog
from ui.shell.main_window import MainWindow

TODAY = date.today()


def card_of(window: MainWindow) -> ClientCardPane:
    return window.card


def field(form: Form, key: str) -> Any:
    return form.fields[key].widget


def error(form: Form, key: str) -> str:
    label = form.fields[key].error
    return label.text() if label.isVisible() else ""


def retype(widget: QWidget, text: str) -> None:
    """Select what is there and type over it, as a person does."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def stored(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.db is not None and window.card.card is not None
    return client_card(window.db, window.card.card.id)


def open_tab(window: MainWindow, title: str) -> None:
    tabs = window.card.tabs
    for i in range(tabs.count()):
        if tabs.tabText(i) == title:
            QTest.mouseClick(tabs.button(i), Qt.MouseButton.LeftButton)
            assert tabs.currentIndex() == i
            return
    raise AssertionError(title)


def press(parent: QWidget, name: str) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), f"{name} is disabled"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_with(dialogs: ScriptedDialogs, steps: Any) -> list[QDialog]:
    """Answer the next dialog with `steps(dialog)`; returns the dialogs seen."""
    seen: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        seen.append(dialog)
        steps(dialog)

    dialogs.fill = fill
    return seen


# Profile -----------------------------------------------------------------------------------


def test_profile_edit_typed_in_cyrillic_persists_and_undoes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    click_row(window, 0)
    card = card_of(window)
    form = card.profile.form
    before = stored(window)
    assert not card.profile.save.isEnabled()
    retype(field(form, "name"), "Ёлочка и Ко")
    retype(field(form, "monthly_budget"), "1 250 000")
    field(form, "notes").setFocus()
    type_text(field(form, "notes"), "Звонить после 14:00\nЛюбит отчёты в PDF")
    assert card.profile.save.isEnabled()
    QTest.mouseClick(card.profile.save, Qt.MouseButton.LeftButton)
    after = stored(window)
    assert (after.name, after.monthly_budget) == ("Ёлочка и Ко", 125_000_000)
    assert after.notes == "Звонить после 14:00\nЛюбит отчёты в PDF"
    assert not card.profile.save.isEnabled()
    # The queue shows the new name on every project of the client.
    model = window.queue.model
    names = {model.row_at(r).client_name for r in range(model.rowCount())}
    assert "Ёлочка и Ко" in names and before.name not in names
    # Another project and back: the card shows what is stored, not what was typed.
    click_row(window, 1)
    click_row(window, 0)
    assert window.findChild(QLabel, "clientName").text() == "Ёлочка и Ко"  # type: ignore[union-attr]
    assert field(form, "monthly_budget").text() == "1 250 000"
    window.undo_stack.undo()
    assert stored(window).name == before.name
    assert window.findChild(QLabel, "clientName").text() == before.name  # type: ignore[union-attr]
    window.undo_stack.redo()
    assert stored(window).name == "Ёлочка и Ко"


def test_invalid_profile_is_explained_and_nothing_is_written(window: MainWindow) -> None:
    click_row(window, 0)
    card = card_of(window)
    form = card.profile.form
    before = stored(window)
    retype(field(form, "monthly_budget"), "-5000")
    assert error(form, "monthly_budget") == "must not be negative"
    assert not card.profile.save.isEnabled()
    retype(field(form, "name"), "")
    assert error(form, "name") == "must not be empty"
    QTest.keyClick(card.profile, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == before
    retype(field(form, "monthly_budget"), "5000")
    assert error(form, "monthly_budget") == ""
    assert not card.profile.save.isEnabled()  # the name is still empty


def test_time_zone_is_found_by_typing_and_the_clock_follows(window: MainWindow) -> None:
    click_row(window, 0)
    card = card_of(window)
    zone: QComboBox = field(card.profile.form, "timezone")
    retype(zone.lineEdit(), "Asia/Vladivostok")
    assert card.profile.form.values()["timezone"] == "Asia/Vladivostok"
    assert "UTC+10" in card.profile.local_time.text()
    # 10:00-19:00 in Vladivostok is 03:00-12:00 in Moscow: two hours shared with the agency.
    field(card.profile.form, "work_start_minute").setTime(QTime(10, 0))
    field(card.profile.form, "work_end_minute").setTime(QTime(19, 0))
    assert card.profile.overlap.text().startswith("10:00–12:00 our time (2 h)")
    retype(zone.lineEdit(), "Mars/Olympus")
    assert "not a known time zone" in error(card.profile.form, "timezone")
    assert not card.profile.save.isEnabled()


def test_agreed_response_time_shows_the_market_share(window: MainWindow) -> None:
    click_row(window, 0)
    profile = card_of(window).profile
    preset = profile.response.preset
    preset.setCurrentIndex(preset.findData(15))
    assert profile.market.text() == "14.6 % of agencies answer within 15 minutes"
    preset.setCurrentIndex(preset.findData(-1))  # custom
    assert profile.response.minutes.isVisible()
    retype(profile.response.minutes, "0")
    assert error(profile.form, "response_minutes") == "must be at least 1"
    retype(profile.response.minutes, "150")
    assert profile.market.text() == "18.8 % of agencies answer within 3 hours"
    QTest.mouseClick(profile.save, Qt.MouseButton.LeftButton)
    assert stored(window).response_minutes == 150


def test_a_stale_save_is_refused_and_reload_is_offered(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    click_row(window, 0)
    card = card_of(window)
    shown = stored(window)
    # A colleague (another process) saves the same client in between.
    assert window.db is not None
    update_client(
        window.db, shown.id, shown.profile() | {"segment": "ритейл"}, expected_version=shown.version
    )
    retype(field(card.profile.form, "legal_name"), "ООО «Новое имя»")
    dialogs.confirmations.append(False)
    QTest.mouseClick(card.profile.save, Qt.MouseButton.LeftButton)
    title, question = dialogs.questions[-1]
    assert title == "Changed elsewhere" and "Reload the client now?" in question
    assert stored(window).legal_name == shown.legal_name  # nothing overwritten
    assert field(card.profile.form, "legal_name").text() == "ООО «Новое имя»"  # nothing lost
    dialogs.confirmations.append(True)
    QTest.mouseClick(card.profile.save, Qt.MouseButton.LeftButton)
    assert field(card.profile.form, "segment").text() == "ритейл"
    assert field(card.profile.form, "legal_name").text() == shown.legal_name


def test_unsaved_profile_edits_survive_a_crash(
    open_window, demo_path, settings: QSettings, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    click_row(window, 0)
    retype(field(window.card.profile.form, "segment"), "стоматология")
    qtbot.waitUntil(lambda: any("cardDrafts" in key for key in settings.allKeys()))
    # The process dies: no close event, no save. The next start finds the draft.
    window.db.close()
    window.session.db = None
    window.card._db = None
    again = open_window(demo_path)
    click_row(again, 0)
    form = again.card.profile.form
    assert field(form, "segment").text() == "стоматология"
    assert form.dirty and again.card.profile.save.isEnabled()
    assert "Unsaved edits from earlier" in form.general.text()


# Records -----------------------------------------------------------------------------------


def test_contact_with_a_bad_email_cannot_be_saved_and_a_good_one_is(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    click_row(window, 0)
    open_tab(window, "Contacts")
    before = stored(window).contacts

    def bad(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        type_text(field(dialog.form, "name"), "Ирина Соколова")
        type_text(field(dialog.form, "email"), "irina@")
        type_text(field(dialog.form, "phone"), "12")
        assert error(dialog.form, "email") == "must look like name@example.com"
        assert "7 to 15 digits" in error(dialog.form, "phone")
        assert not dialog.save.isEnabled()
        dialog.reject()

    fill_with(dialogs, bad)
    press(window.card.contacts, "contacts_add")
    assert stored(window).contacts == before

    def good(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        type_text(field(dialog.form, "name"), "Ирина Соколова")
        type_text(field(dialog.form, "email"), "irina@client.example")
        type_text(field(dialog.form, "phone"), "+7 900 123-45-67")
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    fill_with(dialogs, good)
    press(window.card.contacts, "contacts_add")
    names = [c.name for c in stored(window).contacts]
    assert "Ирина Соколова" in names
    shown = [
        window.card.contacts.model.index(r, 0).data()
        for r in range(window.card.contacts.model.rowCount())
    ]
    assert "Ирина Соколова" in shown
    window.undo_stack.undo()
    assert "Ирина Соколова" not in [c.name for c in stored(window).contacts]


def test_a_future_birthday_is_refused(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    click_row(window, 0)
    open_tab(window, "Contacts")
    window.card.contacts.view.selectRow(0)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        field(dialog.form, "birthday").set_value(TODAY + timedelta(days=3))
        assert error(dialog.form, "birthday") == "is in the future"
        assert not dialog.save.isEnabled()
        dialog.reject()

    seen = fill_with(dialogs, steps)
    window.card.contacts.view.setFocus()
    QTest.keyClick(window.card.contacts.view, Qt.Key.Key_Return)
    assert seen and seen[0].windowTitle() == "Edit contact"


def test_a_risky_promise_raises_the_banner_until_it_is_resolved(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    # A client with no promise to discuss yet.
    assert window.db is not None
    row = next(
        i
        for i, r in enumerate(window.queue.model.shown_rows)
        if not client_card(window.db, r.client_id).promises_to_discuss
        and not any(f.unanswered for f in client_card(window.db, r.client_id).feedback)
        and len(client_card(window.db, r.client_id).managers_last_year) < 3
    )
    click_row(window, row)
    banner = window.findChild(QLabel, "promiseBanner")
    assert banner is not None and not banner.isVisible()
    open_tab(window, "Promises")

    def promise(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        type_text(field(dialog.form, "what"), "Топ-5 по «купить диван» за неделю")
        type_text(field(dialog.form, "promised_by"), "Антон (продажи)")
        field(dialog.form, "due_on").set_value(TODAY - timedelta(days=1))
        assert error(dialog.form, "due_on") == "is before the day the promise was made"
        field(dialog.form, "due_on").set_value(TODAY + timedelta(days=7))
        combo: QComboBox = field(dialog.form, "feasibility")
        combo.setCurrentIndex(combo.findData("unrealistic"))
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    fill_with(dialogs, promise)
    press(window.card.promises, "promises_add")
    assert banner.isVisible()
    assert "Before your next call: 1 promise needs a talk" in banner.text()
    assert "Топ-5 по «купить диван» за неделю" in banner.text()

    def kept(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        combo: QComboBox = field(dialog.form, "status")
        combo.setCurrentIndex(combo.findData("renegotiated"))
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    window.card.promises.view.selectRow(0)
    fill_with(dialogs, kept)
    press(window.card.promises, "promises_edit")
    assert not banner.isVisible()
    assert stored(window).promises[0].status == "renegotiated" or any(
        p.status == "renegotiated" for p in stored(window).promises
    )


def test_feedback_without_a_reaction_is_flagged_until_answered(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    click_row(window, 0)
    open_tab(window, "NPS")
    assert window.card.chart is not None  # the trend is drawn once the tab is open

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        type_text(field(dialog.form, "score"), "12")
        assert error(dialog.form, "score") == "must be at most 10"
        assert not dialog.save.isEnabled()
        retype(field(dialog.form, "score"), "4")
        type_text(field(dialog.form, "comment"), "Отчёты приходят с опозданием")
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    fill_with(dialogs, add)
    press(window.card.feedback, "feedback_add")
    newest = next(f for f in stored(window).feedback if f.comment == "Отчёты приходят с опозданием")
    assert (newest.score, newest.received_on, newest.unanswered) == (4, TODAY, True)
    page = window.card.feedback
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == newest.id)
    assert page.model.index(row, 3).data() == "⚠ no reaction yet"
    assert "without a reaction" in window.findChild(QLabel, "promiseBanner").text()  # type: ignore[union-attr]

    def react(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        type_text(field(dialog.form, "reaction"), "Перенесли отчёт на понедельник")
        assert error(dialog.form, "reacted_on") == "give the day of the reaction"
        field(dialog.form, "reacted_on").set_value(TODAY)
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    page.view.selectRow(row)
    fill_with(dialogs, react)
    press(page, "feedback_edit")
    answered = next(f for f in stored(window).feedback if f.id == newest.id)
    assert not answered.unanswered and answered.reaction == "Перенесли отчёт на понедельник"
    assert page.model.index(row, 3).data() == "Перенесли отчёт на понедельник"


def test_a_greeting_is_planned_from_the_proposed_dates(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot
) -> None:  # type: ignore[no-untyped-def]
    click_row(window, 0)
    assert window.db is not None and window.card.card is not None
    contact = window.card.card.contacts[0]
    # A birthday in ten days, so there is always something to greet.
    save_record(
        window.db,
        "contact",
        window.card.card.id,
        {
            "name": contact.name,
            "birthday": (TODAY + timedelta(days=10)).replace(year=1990),
            "is_primary": True,
        },
        record_id=contact.id,
        expected_version=contact.version,
    )
    click_row(window, 1)
    click_row(window, 0)
    open_tab(window, "Loyalty")
    greetings = window.card.greetings
    qtbot.waitUntil(lambda: greetings.model.rowCount() > 0)
    row = next(
        r for r in range(greetings.model.rowCount()) if greetings.model.row_at(r).kind == "birthday"
    )
    greetings.view.selectRow(row)
    fill_with(dialogs, lambda d: QTest.mouseClick(d.save, Qt.MouseButton.LeftButton))
    press(greetings, "greetings_plan")
    planned = [a for a in stored(window).loyalty if a.planned_on == TODAY + timedelta(days=10)]
    assert planned and planned[0].practice == "greetings"
    assert planned[0].note == f"Birthday: {contact.name}"


def test_service_offer_follows_the_cadence(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    click_row(window, 0)
    open_tab(window, "Services")
    page = window.card.services
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).state == "none")
    page.view.selectRow(row)
    service = page.model.row_at(row)

    def offer(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        state: QComboBox = field(dialog.form, "state")
        state.setCurrentIndex(state.findData("offered"))
        field(dialog.form, "last_offer_on").set_value(TODAY)
        retype(field(dialog.form, "monthly_value"), "-1")
        assert error(dialog.form, "monthly_value") == "must not be negative"
        retype(field(dialog.form, "monthly_value"), "80000")
        QTest.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    fill_with(dialogs, offer)
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    cell = next(c for c in stored(window).services if c.service_id == service.service_id)
    assert (cell.state, cell.monthly_value, cell.next_offer_on) == (
        "offered",
        8_000_000,
        TODAY + timedelta(days=90),
    )


def test_history_warns_about_three_managers_in_a_year(window: MainWindow) -> None:
    assert window.db is not None
    rows = window.queue.model.shown_rows
    row = next(
        i
        for i, r in enumerate(rows)
        if len(client_card(window.db, r.client_id).managers_last_year) >= 3
    )
    click_row(window, row)
    open_tab(window, "History")
    summary = window.card.history_summary.text()
    assert int(summary.split()[0]) >= 3 and " managers in the last 12 months: " in summary
    assert "keep this one stable" in summary
    assert window.card.history.model.rowCount() >= 3
    assert "continuity is at risk" in window.findChild(QLabel, "promiseBanner").text()  # type: ignore[union-attr]


# The team matrix ---------------------------------------------------------------------------


def test_matrix_from_the_menu_opens_a_client(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window.findChild(type(window.menuBar().actions()[0]), "actionUpsellMatrix").trigger()
    dialog = window._matrix
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    due_clients = dialog.proxy.rowCount()
    assert 0 < due_clients <= len(dialog.model.matrix.clients)
    assert dialog.summary.text().startswith(f"{dialog.model.matrix.due_count} offers due")
    QTest.mouseClick(dialog.only_due, Qt.MouseButton.LeftButton)
    assert dialog.proxy.rowCount() == len(dialog.model.matrix.clients)
    type_text(dialog.search, "Колос")
    assert dialog.proxy.rowCount() >= 1
    index = dialog.proxy.index(0, 0)
    dialog.view.doubleClicked.emit(index)
    assert window.findChild(QLabel, "clientName").text() == index.data()  # type: ignore[union-attr]


def test_card_lists_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    click_row(window, 0)
    for page in (window.card.contacts, window.card.services, window.card.feedback):
        qtmodeltester.check(page.model)
    empty = MatrixModel()
    qtmodeltester.check(empty)
    assert isinstance(window.card.findChild(QLineEdit, "field_name"), QLineEdit)


def test_a_channel_outside_the_list_is_shown_as_stored(window: MainWindow) -> None:
    click_row(window, 0)
    shown = stored(window)
    assert window.db is not None
    update_client(
        window.db,
        shown.id,
        shown.profile() | {"preferred_channel": "viber"},
        expected_version=shown.version,
    )
    click_row(window, 1)
    click_row(window, 0)
    combo: QComboBox = field(window.card.profile.form, "preferred_channel")
    assert combo.currentText() == "viber"
    assert not window.card.profile.form.dirty and not window.card.profile.save.isEnabled()
