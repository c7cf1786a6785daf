"""The agency's brief settings as the editor asks for them: a name for a new template, and
the minimum level of detail per specialist behind the audience warning."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from accdesk.briefs.schema import AUDIENCES
from accdesk.changes import Changes
from accdesk.ops.briefs import audience_levels, check_audience_levels, set_audience_levels
from accdesk.storage.db import Database
from ui.common.dialogs import Dialogs
from ui.common.forms import Form, RecordDialog
from ui.common.i18n import translate


def ask_template_name(parent: QWidget, dialogs: Dialogs) -> str | None:
    return dialogs.ask_text(
        parent,
        translate("BriefEditorPane", "Save as template"),
        translate(
            "BriefEditorPane",
            "New briefs from this template start with this brief's sections and text.\nTemplate name:",  # noqa: E501
        ),
    )


def audience_levels_dialog(
    parent: QWidget, db: Database, publish: Callable[[Changes], None]
) -> RecordDialog:
    """A form with one level (1..10) per specialist; saving stores them for the agency."""

    def build(form: Form) -> None:
        for item in AUDIENCES:
            form.number(item.key, translate("Briefs", item.name), 1, 10)

    dialog = RecordDialog(
        translate("BriefEditorPane", "Audience levels"),
        build,
        check_audience_levels,
        lambda values: publish(set_audience_levels(db, values)),
        parent,
    )
    dialog.start(audience_levels(db))
    return dialog
