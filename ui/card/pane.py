"""Middle pane: the client of the selected project, as an account manager reads it before a
call, and edits it: profile and time, contacts, services, promises, loyalty, feedback, history.

What needs a talk comes first, above the tabs: promises that were doubtful or unrealistic and
are still open, feedback nobody reacted to, and a client who has had too many managers.
"""

from __future__ import annotations

import dataclasses
import html
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer

from accdesk.changes import Changes, Kind
from accdesk.errors import AccdeskError, StaleEdit
from accdesk.facts import LOYALTY_PRACTICES
from accdesk.ops.clients import (
    RECORDS,
    client_card,
    save_record,
    set_record_deleted,
    set_service_cell,
    update_client,
)
from accdesk.ops.inputs import ServiceCellEdit, validate
from accdesk.ops.readmodels import ClientCard
from accdesk.planning.continuity import TOO_MANY_MANAGERS
from accdesk.planning.greetings import GreetingDate, greeting_dates, public_holidays
from accdesk.screens.dependencies import Screen, concerns_client
from accdesk.storage.access import may_change_client
from accdesk.storage.db import Database
from accdesk.text import QT_TRANSLATE_NOOP
from ui.card.profile import response_time_text
from ui.card.records import (
    contact_form,
    feedback_form,
    label,
    loyalty_form,
    promise_form,
    service_form,
)
from ui.card.view import GREETING_DAYS, ClientCardView
from ui.common.commands import OperationCommand, VersionedEdit
from ui.common.context import PaneContext
from ui.common.drafts import Autosave, LocalDrafts
from ui.common.formatting import day, money
from ui.common.forms import RecordDialog
from ui.common.i18n import translate
from ui.common.qt import box_layout

CLOCK_MS = 20_000
DRAFT_DELAY_MS = 400


FORMS: dict[str, Callable[..., None]] = {
    "contact": contact_form,
    "promise": promise_form,
    "loyalty": loyalty_form,
    "feedback": feedback_form,
}
NOUNS = {
    "contact": QT_TRANSLATE_NOOP("ClientCard", "contact"),
    "promise": QT_TRANSLATE_NOOP("ClientCard", "promise"),
    "loyalty": QT_TRANSLATE_NOOP("ClientCard", "loyalty action"),
    "feedback": QT_TRANSLATE_NOOP("ClientCard", "feedback"),
}


def _values(row: Any) -> dict[str, Any]:
    """A record as its form edits it: every field but identity and version."""
    return {
        f.name: getattr(row, f.name)
        for f in dataclasses.fields(row)
        if f.name not in ("id", "version")
    }


class ClientCardPane(ClientCardView):
    def __init__(self, context: PaneContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._undo, self._dialogs = context.undo, context.dialogs
        self._background = context.background
        self._db: Database | None = None
        self.card: ClientCard | None = None
        self._holidays: dict[int, Any] = {}
        self._built = False
        self._writable = False

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(lambda: self.profile.update_clock(context.now().astimezone()))
        self._autosave = Autosave(DRAFT_DELAY_MS, self)
        self._autosave.due.connect(self.keep_draft)
        self._drafts = LocalDrafts(context.settings, "cardDrafts")
        context.events.subscribe(Screen.CARD, self._on_changed)

    def _build(self) -> None:
        """The card's body, built when the first client is shown."""
        self._built = True
        self.build_body(self._currency, self._today)
        self.profile.now = self._context.now
        self.profile.save_requested.connect(self._save_profile)
        self.profile.revert_requested.connect(self._revert_profile)
        self.profile.form.edited.connect(self._draft_later)
        for page, kind in (
            (self.contacts, "contact"),
            (self.promises, "promise"),
            (self.loyalty, "loyalty"),
            (self.feedback, "feedback"),
        ):
            page.triggered.connect(lambda action, row, k=kind: self._on_record(k, action, row))
        self.services.triggered.connect(self._on_service)
        self.greetings.triggered.connect(lambda _a, g: self._plan_greeting(g))
        self.contacts.triggered.connect(self._on_contact_extra)
        self.tabs.currentChanged.connect(self._on_tab)
        self._apply_writable()

    def _currency(self) -> str:
        return self.card.currency if self.card else "RUB"

    def _today(self) -> date:
        return date.today()

    # Loading ------------------------------------------------------------------------------------
    def set_database(self, db: Database | None) -> None:
        self.keep_draft()
        self._db = db
        self._writable = db is not None and not db.read_only
        if self._built:
            self._apply_writable()
        self.show_client(None)

    def _apply_writable(self) -> None:
        for page in (
            self.contacts,
            self.services,
            self.promises,
            self.loyalty,
            self.feedback,
            self.greetings,
        ):
            page.set_writable(self._writable)
        self.profile.form.setEnabled(self._writable)

    def show_client(self, client_id: uuid.UUID | None) -> None:
        """Show a client's card (None: nobody). Unsaved profile edits of the client being left
        are kept as a draft and come back when it is shown again."""
        if self.card is not None and (client_id is None or client_id != self.card.id):
            self.keep_draft()
        if client_id is None or self._db is None:
            self.card = None
            self._clock.stop()
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            card = client_card(self._db, client_id)
        except AccdeskError as exc:
            self._report(str(exc))
            self.show_client(None)
            return
        same = self.card is not None and self.card.id == card.id
        self._show(card, keep_edits=same and self.profile.form.dirty)
        if not same:
            self._restore_draft(card)

    def reload(self) -> None:
        if self.card is not None:
            self.show_client(self.card.id)

    def _show(self, card: ClientCard, *, keep_edits: bool) -> None:
        if not self._built:
            self._build()
        self.card = card
        # On a team database another manager's client is shown read-only: nothing is typed
        # that could not be saved.
        db = self._db
        writable = (
            db is not None and not db.read_only and may_change_client(db.identity, card.manager_ids)
        )
        if writable != self._writable:
            self._writable = writable
            self._apply_writable()
        self.name.setText(card.name)
        parts = [card.code, card.legal_name, card.segment]
        self.subtitle.setText(" · ".join(p for p in parts if p))
        self.facts.setText(
            translate(
                "ClientCard",
                "%1 a month · reply within %2 · %3 · %4 projects · %5 requests waiting",
            )
            .replace("%1", money(card.monthly_budget, card.currency))
            .replace("%2", response_time_text(card.response_minutes))
            .replace("%3", ", ".join(card.managers) or translate("ClientCard", "no manager"))
            .replace("%4", str(card.project_count))
            .replace("%5", str(card.open_requests))
        )
        self._show_banner(card)
        self.profile.show_card(card, keep_edits=keep_edits)
        self.contacts.set_rows(card.contacts)
        self.services.set_rows(card.services, key=lambda c: c.service_id)
        self.promises.set_rows(card.promises)
        self.loyalty.set_rows(card.loyalty)
        used = card.practices_done()
        self.practices.set_rows(
            [(p, used[p.key]) for p in sorted(LOYALTY_PRACTICES, key=lambda p: -p.share)]
        )
        self._show_greetings(card)
        self.feedback.set_rows(card.feedback)
        self._show_chart()
        self.history.set_rows(card.history, key=lambda a: (a.assigned_at, a.project))
        self._show_history(card)
        self._clock.start()
        self.stack.setCurrentIndex(1)

    def _show_banner(self, card: ClientCard) -> None:
        lines = []
        for p in card.promises_to_discuss:
            due = (
                ", " + translate("ClientCard", "due %1").replace("%1", day(p.due_on))
                if p.due_on
                else ""
            )
            lines.append(
                f"<li>{html.escape(p.what)} — {html.escape(p.promised_by)} "
                f"({html.escape(label(p.feasibility) + due)})</li>"
            )
        unanswered = sum(f.unanswered for f in card.feedback)
        if unanswered:
            lines.append(
                "<li>"
                + html.escape(
                    translate(
                        "ClientCard", "%n feedback answer(s) without a reaction", "", unanswered
                    )
                )
                + "</li>"
            )
        if len(card.managers_last_year) >= TOO_MANY_MANAGERS:
            lines.append(
                "<li>"
                + html.escape(
                    translate(
                        "ClientCard", "%1 managers in the last 12 months: continuity is at risk"
                    ).replace("%1", str(len(card.managers_last_year)))
                )
                + "</li>"
            )
        if not lines:
            self.banner.hide()
            return
        talk = len(card.promises_to_discuss)
        head = (
            translate("ClientCard", "Before your next call: %n promise(s) need a talk", "", talk)
            if talk
            else translate("ClientCard", "Before your next call")
        )
        self.banner.setText(
            f"<b>⚠ {html.escape(head)}</b><ul style='margin:2px 0 0 -20px'>{''.join(lines)}</ul>"
        )
        self.banner.show()

    def _show_history(self, card: ClientCard) -> None:
        names = card.managers_last_year
        count = len(names)
        text = translate("ClientCard", "%n manager(s) in the last 12 months", "", count)
        if names:
            text += ": " + ", ".join(names)
        warn = len(names) >= TOO_MANY_MANAGERS
        if warn:
            text += ". " + translate(
                "ClientCard", "Clients who change managers often complain; keep this one stable."
            )
        self.history_summary.setText(text)
        self.history_summary.setProperty("warning", warn)
        self.history_summary.style().polish(self.history_summary)

    # Greetings ----------------------------------------------------------------------------------
    def _show_greetings(self, card: ClientCard) -> None:
        today = self._today()
        holidays = self._holidays.get(today.year)
        if holidays is None:
            # The holiday tables take a few tenths of a second: read once, off the GUI thread.
            self.greetings.set_rows([])
            self.greetings.empty.setText(translate("ClientCard", "Looking up holidays…"))
            year = today.year
            self._background.run(
                lambda: public_holidays("RU", year),
                lambda found, error: self._holidays_ready(year, found, error),
            )
            return
        self.greetings.empty.setText(
            translate(
                "ClientCard", "No birthdays or holidays in the next %n day(s).", None, GREETING_DAYS
            )
        )
        self.greetings.set_rows(
            greeting_dates(
                today,
                days=GREETING_DAYS,
                birthdays=[(c.name, c.birthday) for c in card.contacts if c.birthday],
                segment=card.segment,
                public=holidays,
            ),
            key=lambda g: (g.day, g.occasion),
        )

    def _holidays_ready(self, year: int, found: Any, error: Exception | None) -> None:
        self._holidays[year] = {} if error is not None else found
        if self.card is not None:
            self._show_greetings(self.card)

    def _plan_greeting(self, greeting: GreetingDate | None) -> None:
        if greeting is None or self.card is None:
            return
        self._edit_record(
            "loyalty",
            None,
            {"practice": "greetings", "planned_on": greeting.day, "note": greeting.occasion},
        )

    # Chart --------------------------------------------------------------------------------------
    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.feedback_page:
            self._show_chart()

    def _show_chart(self) -> None:
        """The NPS trend, built the first time the Feedback tab is opened (pyqtgraph is a
        large import that the first paint should not wait for)."""
        if self.card is None or self.tabs.currentWidget() is not self.feedback_page:
            return
        if self.chart is None:
            from ui.card.nps_chart import NpsChart

            self.chart = NpsChart(self.feedback_page)
            box_layout(self.feedback_page).insertWidget(0, self.chart)
        self.chart.show_feedback(self.card.feedback)

    # Writing ------------------------------------------------------------------------------------
    def _publish(self, changes: Changes) -> None:
        self._context.publish(changes)

    def _report(self, text: str) -> None:
        self._dialogs.error(self, translate("ClientCard", "Client card"), text)

    def _save_profile(self, values: dict[str, Any]) -> None:
        card, db = self.card, self._db
        if card is None or db is None:
            return
        client_id = card.id
        before = card.profile()

        def write(data: dict[str, Any], version: int | None) -> Changes:
            return update_client(db, client_id, data, expected_version=version or 0)

        try:
            changes = write(values, card.version)
        except StaleEdit as exc:
            self._offer_reload(str(exc))
            return
        except AccdeskError as exc:
            self.profile.form.show_problem(str(exc))
            return
        self._drop_draft(client_id)
        self.profile.form.load(values)  # saved: the form is clean until the next keystroke
        title = translate("ClientCard", "Edit client “%1”").replace(
            "%1", str(values.get("name", ""))[:40]
        )
        self._edited(title, client_id, write, before, values, changes)

    def _edited(
        self,
        text: str,
        row_id: uuid.UUID,
        write: Callable[[dict[str, Any], int | None], Changes],
        before: dict[str, Any],
        after: dict[str, Any],
        changes: Changes,
    ) -> None:
        """An edit just written becomes one undo step, and the other panes hear of it."""
        version = changes.versions.get(row_id)
        command = VersionedEdit(
            text, row_id, write, before, after, version, self._publish, self._report
        )
        self._undo.push(command)
        self._publish(changes)

    def _offer_reload(self, message: str) -> None:
        question = (
            message
            + "\n\n"
            + translate(
                "ClientCard",
                "Reload the client now? Your edits here will be replaced by the saved version.",
            )
        )
        if self._dialogs.confirm(self, translate("ClientCard", "Changed elsewhere"), question):
            self._revert_profile()
        else:
            self.profile.form.show_problem(message)

    def _revert_profile(self) -> None:
        """Drop the unsaved edits and show the client as stored now."""
        if self.card is not None and self._db is not None:
            self._drop_draft(self.card.id)
            self.profile.form.load(self.card.profile())
            self.reload()

    def _on_record(self, kind: str, action: str, row: Any) -> None:
        if action == "add":
            self._edit_record(kind, None, {})
        elif action == "edit" and row is not None:
            self._edit_record(kind, row, _values(row))
        elif action == "delete" and row is not None:
            self._delete_record(kind, row)

    def _on_contact_extra(self, action: str, row: Any) -> None:
        if action == "primary" and row is not None and not row.is_primary:
            self._write_record("contact", row, _values(row) | {"is_primary": True})

    def _defaults(self, kind: str) -> dict[str, Any]:
        today = self._today()
        defaults: dict[str, dict[str, Any]] = {
            "contact": {"is_primary": not (self.card and self.card.contacts)},
            "promise": {"promised_on": today, "feasibility": "realistic", "status": "open"},
            "loyalty": {"practice": "feedback", "done_on": today},
            "feedback": {"received_on": today, "score": ""},
        }
        return defaults[kind]

    def _edit_record(self, kind: str, row: Any, values: dict[str, Any]) -> None:
        if self.card is None or self._db is None:
            return
        noun = translate("ClientCard", NOUNS[kind])
        title = (
            translate("ClientCard", "Edit %1")
            if row is not None
            else translate("ClientCard", "New %1")
        ).replace("%1", noun)
        dialog = RecordDialog(
            title,
            FORMS[kind],
            lambda data: validate(RECORDS[kind].edit, data),
            lambda data: self._write_record(kind, row, data),
            self,
        )
        dialog.setObjectName(f"{kind}Dialog")
        dialog.start(self._defaults(kind) | values if row is None else values)
        self._dialogs.run(dialog)

    def _write_record(self, kind: str, row: Any, data: dict[str, Any]) -> None:
        """Store a record from its dialog and make it undoable; problems propagate to it."""
        card, db = self.card, self._db
        assert card is not None and db is not None
        client_id, noun = card.id, translate("ClientCard", NOUNS[kind])
        if row is None:
            new_id, changes = save_record(db, kind, client_id, data)
            self._undo.push(
                OperationCommand(
                    translate("ClientCard", "Add %1").replace("%1", noun),
                    lambda: set_record_deleted(db, kind, client_id, new_id, False),
                    lambda: set_record_deleted(db, kind, client_id, new_id, True),
                    self._publish,
                    self._report,
                    done=True,
                )
            )
        else:
            record_id = row.id

            def write(values: dict[str, Any], version: int | None) -> Changes:
                return save_record(
                    db, kind, client_id, values, record_id=record_id, expected_version=version
                )[1]

            changes = write(data, row.version)
            self._edited(
                translate("ClientCard", "Edit %1").replace("%1", noun),
                record_id,
                write,
                _values(row),
                data,
                changes,
            )
            return
        self._publish(changes)

    def _delete_record(self, kind: str, row: Any) -> None:
        card, db = self.card, self._db
        if card is None or db is None:
            return
        client_id, record_id = card.id, row.id
        command = OperationCommand(
            translate("ClientCard", "Delete %1").replace(
                "%1", translate("ClientCard", NOUNS[kind])
            ),
            lambda: set_record_deleted(db, kind, client_id, record_id, True),
            lambda: set_record_deleted(db, kind, client_id, record_id, False),
            self._publish,
            self._report,
        )
        self._undo.push(command)

    def _on_service(self, action: str, cell: Any) -> None:
        if action == "matrix":
            window = self.window()
            opener = getattr(window, "open_upsell_matrix", None)
            if opener is not None:
                opener()
            return
        if cell is None or self.card is None or self._db is None:
            return
        db, client_id, service_id = self._db, self.card.id, cell.service_id
        keys = ("state", "monthly_value", "last_offer_on", "next_offer_on", "helper")
        before = {k: getattr(cell, k) for k in keys}

        def write(values: dict[str, Any], version: int | None) -> Changes:
            return set_service_cell(db, client_id, service_id, values, expected_version=version)

        def submit(values: dict[str, Any]) -> None:
            changes = write(values, cell.version)
            cell_id = next(iter(changes.ids(Kind.CLIENT_SERVICE)))
            title = translate("ClientCard", "Edit %1 for the client").replace("%1", cell.service)
            self._edited(title, cell_id, write, before, values, changes)

        dialog = RecordDialog(
            cell.service,
            service_form,
            lambda data: validate(ServiceCellEdit, data),
            submit,
            self,
        )
        dialog.setObjectName("serviceDialog")
        dialog.start(before)
        self._dialogs.run(dialog)

    # Drafts -------------------------------------------------------------------------------------
    def _draft_later(self) -> None:
        self._autosave.touch()

    def keep_draft(self) -> None:
        """Keep unsaved profile edits (they survive a crash or a switch to another client)."""
        self._autosave.stop()
        card, db = self.card, self._db
        if card is None or db is None:
            return
        if self.profile.form.dirty:
            self._drafts.keep(db.location, card.id, self.profile.form.values())
        else:
            self._drop_draft(card.id)

    def _drop_draft(self, client_id: uuid.UUID) -> None:
        if self._db is not None:
            self._drafts.drop(self._db.location, client_id)

    def _restore_draft(self, card: ClientCard) -> None:
        values = self._drafts.kept(self._db.location, card.id) if self._db else None
        if values is None:
            return
        self.profile.form.restore(values)
        self.profile.form.show_problem(
            translate(
                "ClientCard",
                "Unsaved edits from earlier are back. Save them, or Revert to drop them.",
            )
        )

    # Reactions ----------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        card = self.card
        if card is None:
            return
        if concerns_client(changes, card.id):
            self.reload()
