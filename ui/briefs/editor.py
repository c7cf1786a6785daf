"""Right pane: the briefs of the selected project and a structured editor for one of them.

The editor shows the sections the brief's level calls for (the template decides which
and when), a completeness meter, a warning when the chosen specialist needs more detail,
and a live preview. Typing keeps a draft within two seconds; leaving an input saves the
brief as one undoable step.
"""

# long: the one brief being typed, with its draft, save, undo and reload states together

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QTime,
)
from PySide6.QtGui import QGuiApplication

from accdesk.briefs.content import (
    BriefContent,
    audience_gap,
    completeness,
    from_json,
    problems,
    to_json,
)
from accdesk.briefs.render import brief_markdown, render
from accdesk.briefs.schema import Template, Templates
from accdesk.changes import Changes, Kind
from accdesk.errors import AccdeskError, ValidationError
from accdesk.ops.briefs import (
    audience_levels,
    briefs_for_project,
    create_brief,
    discard_draft,
    draft_for,
    export_bytes,
    get_brief,
    restore_revision,
    save_draft,
    save_template,
    set_brief_status,
    templates,
    update_brief,
)
from accdesk.ops.readmodels import BriefDoc, ProjectRow
from accdesk.screens.dependencies import Screen
from accdesk.storage.access import may_change_project
from accdesk.storage.db import Database
from accdesk.storage.files import write_export
from accdesk.storage.live import ServerUnavailable
from ui.briefs.agency import ask_template_name, audience_levels_dialog
from ui.briefs.editor_view import BriefEditorView
from ui.briefs.export import pdf_bytes
from ui.briefs.list_model import status_text
from ui.common.commands import VersionedEdit
from ui.common.context import PaneContext
from ui.common.drafts import Autosave, LocalDrafts
from ui.common.formatting import stamp
from ui.common.qt import slot

AUTOSAVE_MS = 1500  # the promise is 2 s; the write itself takes a few milliseconds more
EXPORT_FILTERS = {
    "md": "Markdown (*.md)",
    "html": "HTML (*.html)",
    "pdf": "PDF (*.pdf)",
}


def _content_writer(
    db: Database, brief_id: uuid.UUID
) -> Callable[[dict[str, Any], int | None], Changes]:
    """How an undo or redo writes a brief's content back."""
    return lambda values, version: update_brief(db, brief_id, values, expected_version=version or 0)


class BriefEditorPane(BriefEditorView):
    """The list of a project's briefs over the editor of the chosen one."""

    def __init__(self, context: PaneContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._undo, self._dialogs = context.undo, context.dialogs
        self._background = context.background
        # Drafts typed while a team server is away are kept here, on this computer.
        self._db: Database | None = None
        self._project: ProjectRow | None = None
        self._doc: BriefDoc | None = None
        self._content: BriefContent | None = None
        self._templates = Templates.of()
        self._levels: dict[str, int] = {}
        self._template: Template | None = None
        self._publishing = False
        self._loading = False
        self.drafted = False  # a draft of the shown brief is in the database
        self._reload_after_draft = False  # others changed briefs while this one was typed in
        # Typed text becomes a draft this long after the last keystroke.
        self._autosave = Autosave(AUTOSAVE_MS, self)
        self._autosave.due.connect(self.keep_draft)
        self._local = LocalDrafts(context.settings, "briefDrafts")
        self._connect()
        context.events.subscribe(Screen.BRIEFS, self._on_changed)
        self.show_project(None)

    def _connect(self) -> None:
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        self.level.valueChanged.connect(self._on_level)
        self.audience.currentIndexChanged.connect(self._on_audience)
        for status, action in self.status_actions.items():
            action.triggered.connect(slot(self.set_status, status))
        for fmt, action in self.export_actions.items():
            action.triggered.connect(slot(self.export, fmt))
        self.copy_action.triggered.connect(lambda _c=False: self.copy_markdown())
        self.history_button.clicked.connect(lambda _c=False: self.show_history())

    # Public --------------------------------------------------------------------------------
    @property
    def doc(self) -> BriefDoc | None:
        """The brief in the editor as last stored (or read)."""
        return self._doc

    @property
    def content(self) -> BriefContent | None:
        """What the editor holds now, saved or not."""
        return self._content

    @property
    def template(self) -> Template | None:
        return self._template

    def set_database(self, db: Database | None) -> None:
        self._db = db
        self._templates = templates(db) if db else Templates.of()
        self._levels = audience_levels(db) if db else {}
        self.show_project(None)

    def show_project(self, project: ProjectRow | None) -> None:
        self.commit()
        same = project is not None and self._project is not None and project.id == self._project.id
        self._project = project
        self.new_button.setEnabled(project is not None and self._writable())
        # The same project again (the queue reloaded): stay on the brief being written.
        self._reload(self._doc.id if same and self._doc else None)

    def open_brief(self, brief_id: uuid.UUID) -> None:
        """Show one of the current project's briefs (one just made from a request, say)."""
        if self.commit():
            self._reload(brief_id)

    def commit(self) -> bool:
        """Save what is in the editor if it differs from what is stored. False if refused
        (the messages are shown where the problems are)."""
        self._autosave.stop()
        doc, db, content = self._doc, self._db, self._content
        if doc is None or db is None or content is None or not self._writable():
            return True
        if content.normalized() == doc.content:
            return True
        if self._show_problems():
            self._say(self.tr("Not saved: correct what is marked in red."), error=True)
            return False
        before, after = to_json(doc.content), to_json(content)
        try:
            changes = update_brief(db, doc.id, after, expected_version=doc.version)
        except ValidationError as exc:
            self._show_problems(exc.errors)
            self._say(self.tr("Not saved: correct what is marked in red."), error=True)
            return False
        except ServerUnavailable:
            self._keep_here(doc.id, {"title": content.title, "content": after})
            return False
        except AccdeskError as exc:
            self._say(self.tr("Not saved: ") + str(exc), error=True)
            return False
        self._stored(get_brief(db, doc.id))
        self._push(
            self.tr("Edit brief “%1”").replace("%1", content.title[:40]),
            _content_writer(db, doc.id),
            before,
            after,
            changes.versions[doc.id],
        )
        self._publish(changes)
        self._say(self.tr("Saved at %1").replace("%1", QTime.currentTime().toString("HH:mm")))
        return True

    def new_brief(self, template: str = "generic") -> None:
        if self._project is None or self._db is None or not self.commit():
            return
        try:
            doc, changes = create_brief(
                self._db, self._project.id, {"title": self.tr("New brief"), "template": template}
            )
        except AccdeskError as exc:
            self._dialogs.error(self, self.tr("New brief"), str(exc))
            return
        self._publish(changes)
        self._reload(doc.id)
        title = self.boxes["title"].input
        title.setFocus()
        title.selectAll()  # type: ignore[attr-defined]

    def keep_draft(self) -> bool:
        """Write what is typed as a draft in a worker, without saving the brief: after a
        crash the next start puts it back. False when there was nothing to write."""
        doc, db, content = self._doc, self._db, self._content
        if doc is None or db is None or content is None or not self._writable():
            return False
        if content.normalized() == doc.content:
            if not self.drafted:
                return False
            self._background.run(lambda: discard_draft(db, doc.id), self._drafted(False))
            return True
        data = {"title": content.title, "content": to_json(content)}
        self._background.run(
            lambda: save_draft(db, doc.id, data, based_on=doc.version),
            self._drafted(True, (doc.id, data)),
        )
        return True

    def _location(self) -> str:
        return self._db.location if self._db else ""

    def _keep_here(self, brief_id: uuid.UUID, data: dict[str, Any]) -> None:
        """The team database is away: keep the text on this computer until it is back."""
        self._local.keep(self._location(), brief_id, data)
        self._say(
            self.tr(
                "The team database is away: your text is kept on this computer and saved "
                "there when it is back"
            ),
            error=True,
        )

    def _kept_here(self, brief_id: uuid.UUID) -> BriefContent | None:
        """A draft kept on this computer while the team database was away, if any."""
        saved = self._local.kept(self._location(), brief_id)
        try:
            return from_json(saved["content"]) if saved is not None else None
        except (ValueError, KeyError, TypeError):  # not ours to read: leave it be
            return None

    def _drafted(self, kept: bool, draft: tuple[uuid.UUID, dict[str, Any]] | None = None) -> Any:
        def then(result: object, error: Exception | None) -> None:
            if isinstance(error, ServerUnavailable) and draft is not None:
                self._keep_here(*draft)
                return
            if error is not None:
                self._say(self.tr("Could not keep a draft: ") + str(error), error=True)
                return
            if draft is not None:
                self._local.drop(self._location(), draft[0])
            if self._reload_after_draft:
                self._reload_after_draft = False
                self._reload(self._doc.id if self._doc else None)
            if kept and not (isinstance(result, Changes) and result.touches(Kind.BRIEF_DRAFT)):
                return  # the brief was saved meanwhile; that draft was dropped, rightly
            self.drafted = kept
            if kept:
                self._say(
                    self.tr("Draft kept at %1; leaving the field saves it").replace(
                        "%1", QTime.currentTime().toString("HH:mm:ss")
                    )
                )

        return then

    def set_status(self, status: str) -> None:
        if (saved := self._saved()) is None:
            return
        doc, db = saved
        before = {"status": doc.status, "sent_at": doc.sent_at, "accepted_at": doc.accepted_at}

        def write(values: dict[str, Any], version: int | None) -> Changes:
            return set_brief_status(
                db,
                doc.id,
                values["status"],
                expected_version=version or 0,
                sent_at=values["sent_at"],
                accepted_at=values["accepted_at"],
            )

        try:
            changes = set_brief_status(db, doc.id, status, expected_version=doc.version)
        except AccdeskError as exc:
            self._say(str(exc), error=True)
            return
        now = get_brief(db, doc.id)
        after = {"status": now.status, "sent_at": now.sent_at, "accepted_at": now.accepted_at}
        self._stored(now)
        self._push(
            self.tr("Mark brief %1").replace("%1", status_text(status)),
            write,
            before,
            after,
            now.version,
        )
        self._publish(changes)

    def restore(self, number: int) -> None:
        """Make an old revision current again, as one undoable step."""
        if (saved := self._saved()) is None:
            return
        doc, db = saved
        try:
            changes = restore_revision(db, doc.id, number, expected_version=doc.version)
        except AccdeskError as exc:
            self._say(str(exc), error=True)
            return
        now = get_brief(db, doc.id)
        self._push(
            self.tr("Restore revision %1").replace("%1", str(number)),
            _content_writer(db, doc.id),
            to_json(doc.content),
            to_json(now.content),
            now.version,
        )
        self._context.publish(changes)  # the editor reloads like any other change
        self._say(self.tr("Revision %1 restored; Undo takes it back").replace("%1", str(number)))

    def _saved(self) -> tuple[BriefDoc, Database] | None:
        """The brief and database for an action, once what is typed is saved; None if
        there is no brief or the typing cannot be saved (its messages are shown)."""
        if self._doc is None or self._db is None or not self._writable() or not self.commit():
            return None
        assert self._doc is not None
        return self._doc, self._db

    def _push(
        self,
        text: str,
        write: Callable[[dict[str, Any], int | None], Changes],
        before: dict[str, Any],
        after: dict[str, Any],
        version: int,
    ) -> None:
        """Record a write that has been done as one step of Edit → Undo."""
        assert self._doc is not None
        self._undo.push(
            VersionedEdit(
                text,
                self._doc.id,
                write,
                before,
                after,
                version,
                self._context.publish,
                self._report,
            )
        )

    def show_history(self) -> None:
        from ui.briefs.history import HistoryDialog

        doc, db, content = self._doc, self._db, self._content
        if doc is None or db is None or content is None or self._template is None:
            return
        dialog = HistoryDialog(db, doc.id, self._template, content, self._writable(), self)
        if self._dialogs.run(dialog) and dialog.chosen is not None:
            self.restore(dialog.chosen)

    def markdown(self) -> str:
        if self._content is None or self._template is None:
            return ""
        return brief_markdown(self._template, self._content)

    def copy_markdown(self) -> None:
        if self._content is not None:
            QGuiApplication.clipboard().setText(self.markdown())
            self._say(self.tr("Copied as Markdown"))

    def export(self, fmt: str) -> None:
        """Save the brief as it is in the editor (saved first, if it can be) to a file."""
        doc, db = self._doc, self._db
        if doc is None or db is None or self._content is None:
            return
        self.commit()
        suggested = f"{doc.code}.{fmt}"
        path = self._dialogs.save_path(
            self, self.tr("Export brief"), suggested, EXPORT_FILTERS[fmt]
        )
        if not path:
            return
        shown = replace(doc, content=self._content)
        try:
            data = export_bytes(db, shown, fmt, pdf_bytes)
            written = write_export(Path(path), data)
        except AccdeskError as exc:
            self._dialogs.error(self, self.tr("Export brief"), str(exc))
            return
        self._say(self.tr("Exported to %1").replace("%1", str(written)))

    def save_as_template(self) -> None:
        if (saved := self._saved()) is None:
            return
        doc, db = saved
        name = ask_template_name(self, self._dialogs)
        if not name:
            return
        try:
            template, changes = save_template(db, doc.id, name)
        except AccdeskError as exc:
            self._dialogs.error(self, self.tr("Save as template"), str(exc))
            return
        self._publish(changes)
        self._templates = templates(db)
        self._say(self.tr("Template “%1” saved").replace("%1", template.name))

    def edit_audience_levels(self) -> None:
        """The agency's minimum level per specialist, behind the audience warning."""
        db = self._db
        if db is not None and self._writable():
            self._dialogs.run(audience_levels_dialog(self, db, self._context.publish))

    def settings_changed(self) -> None:
        """Agency settings (templates, audience levels) changed: read them again."""
        if self._db is not None:
            self._templates = templates(self._db)
            self._levels = audience_levels(self._db)
            self._refresh()

    # Editing -------------------------------------------------------------------------------------
    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        for template in self._templates:
            action = self.new_menu.addAction(template.name, slot(self.new_brief, template.key))
            action.setObjectName(f"newBrief_{template.key}")
            action.setToolTip(template.description)

    def _build_sections(self, template: Template) -> None:
        """The section boxes of `template`, made once per template and kept."""
        if self._template is not None and self._template == template:
            return
        for box in self.show_page(template):
            box.edited.connect(self._on_edited)
            box.finished.connect(self._on_finished)
        self._template = template

    def _on_edited(self, key: str) -> None:
        if self._loading or self._content is None:
            return
        self._content = self._content.with_value(key, self.boxes[key].value())
        self._refresh()
        self._autosave.touch()

    def _on_finished(self, key: str) -> None:
        if not self._loading:
            self.commit()

    def _on_level(self, level: int) -> None:
        if self._loading or self._content is None:
            return
        self._content = replace(self._content, level=level)
        self._refresh()
        self.commit()

    def _on_audience(self, _index: int) -> None:
        if self._loading or self._content is None:
            return
        self._content = replace(self._content, audience=str(self.audience.currentData()))
        self._refresh()
        self.commit()

    def _refresh(self) -> None:
        """Bring everything that follows from the content up to date: which sections show,
        the meter, the audience warning, messages, and the preview."""
        content, template = self._content, self._template
        if content is None or template is None:
            return
        self.show_expected({s.key for s in template.expected(content.level)})
        self.show_completeness(completeness(template, content), content.level)
        self.show_audience_gap(audience_gap(template, content, self._levels), content.level)
        self._show_problems()
        self.preview.show_parts(render(template, content))

    def _show_problems(self, errors: dict[str, str] | None = None) -> bool:
        """Put each message beside its section; True if there are any."""
        content, template = self._content, self._template
        if content is None or template is None:
            return False
        return self.show_problems(
            dict(errors) if errors is not None else problems(template, content)
        )

    # Loading -----------------------------------------------------------------------------------
    def _writable(self) -> bool:
        db, project = self._db, self._project
        if db is None or db.read_only:
            return False
        return project is None or may_change_project(db.identity, project.manager_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        target = self.list_model.doc(current.row()) if current.isValid() else None
        self.commit()
        self._show_doc(target)

    def _reload(self, select: uuid.UUID | None) -> None:
        """Read the project's briefs again and show `select` (or the newest one)."""
        project, db = self._project, self._db
        docs = briefs_for_project(db, project.id) if project and db else []
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.list_model.set_docs(docs)
        row = self.list_model.row_of(select) if select else (0 if docs else None)
        if row is not None:
            self.list.setCurrentIndex(self.list_model.index(row))
        selection.blockSignals(False)
        self.list.setVisible(bool(docs))
        # As tall as its briefs, up to four lines; the editor gets the rest.
        rows = min(max(len(docs), 1), 4)
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 2
        )
        self._show_doc(docs[row] if row is not None else None)

    def _publish(self, changes: Changes) -> None:
        """Tell the other panes; this pane has already updated itself."""
        self._publishing = True
        try:
            self._context.publish(changes)
        finally:
            self._publishing = False

    def _stored(self, doc: BriefDoc) -> None:
        """The brief as now stored: the baseline the editor's content is compared with."""
        self._doc = doc
        self.drafted = False
        self._local.drop(self._location(), doc.id)  # saved, so nothing is kept aside
        self.list_model.update_doc(doc)
        self._show_meta(doc)

    def _show_doc(self, doc: BriefDoc | None) -> None:
        self._autosave.stop()
        self._doc = doc
        if doc is None:
            self._content = None
            self.stack.setCurrentWidget(self.no_project if self._project is None else self.no_brief)
            return
        draft = draft_for(self._db, doc.id) if self._db else None
        self.drafted = draft is not None
        content = draft.content if draft else doc.content
        away = self._kept_here(doc.id)
        if away is not None:
            content = away
        self._build_sections(self._templates.get(content.template))
        self._loading = True
        try:
            self._content = content
            for key, box in self.boxes.items():
                box.set_value(content.value(key))
            self.level.setValue(content.level)
            self.audience.setCurrentIndex(max(self.audience.findData(content.audience), 0))
        finally:
            self._loading = False
        self._show_meta(doc)
        if away is not None:
            self._say(
                self.tr(
                    "Restored text typed while the team database was away; it is kept as a "
                    "draft there as soon as it can be"
                )
            )
            self._autosave.touch()
        elif draft is not None and content.normalized() != doc.content:
            typed = stamp(draft.typed_at)
            self._say(
                self.tr(
                    "Restored text you had not saved (typed %1); leaving the field saves it"
                ).replace("%1", typed)
            )
        elif self._db is not None and not self._db.read_only and not self._writable():
            assert self._project is not None
            text = self.tr(
                "Read only: %1 manages this project; only they or a team lead can change its briefs"
            )
            self._say(text.replace("%1", self._project.manager or "—"))
        else:
            self._say("")
        read_only = not self._writable()
        for box in self.boxes.values():
            box.set_read_only(read_only)
        for widget in (self.level, self.audience, self.status_button):
            widget.setEnabled(not read_only)
        self._refresh()
        self.stack.setCurrentWidget(self.editor)

    def _show_meta(self, doc: BriefDoc) -> None:
        self.show_meta(doc, self._templates.get(doc.content.template).name)

    def _on_changed(self, changes: Changes) -> None:
        if self._publishing:
            return
        if changes.touches(Kind.SETTING):
            self.settings_changed()
        if changes.touches(Kind.BRIEF):
            # Typing going on is kept as a draft first, then the briefs are read again, so
            # someone else's change never replaces what is being typed.
            typing = self._autosave.pending()
            self._autosave.stop()
            if typing and self.keep_draft():
                self._reload_after_draft = True
            else:
                self._reload(self._doc.id if self._doc else None)

    def _report(self, text: str) -> None:
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
