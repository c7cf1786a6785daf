"""File → Import from a spreadsheet…: a file, its columns, a check, then the import.

Every step shows what the core will do with the file: how it was read (encoding,
delimiter, rows), which column feeds which field (guessed, changeable), and, before
anything is written, the rows as they will be stored and every problem with its line.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from accdesk.errors import AccdeskError
from accdesk.ops.import_fields import FIELDS, KEYS, KINDS
from accdesk.ops.importing import ImportReport, guess_mapping, import_rows
from accdesk.storage.db import Database
from accdesk.storage.files import read_input
from accdesk.storage.sheets_in import SourceTable, read_table
from accdesk.text import QT_TRANSLATE_NOOP
from ui.common.background import Background, ProgressCarrier
from ui.common.dialogs import Dialogs
from ui.common.i18n import translate

FILE_FILTER = "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"
ENCODINGS = (
    ("", QT_TRANSLATE_NOOP("Import", "Detect")),
    ("utf-8", QT_TRANSLATE_NOOP("Import", "UTF-8")),
    ("cp1251", QT_TRANSLATE_NOOP("Import", "Windows-1251")),
)
DELIMITERS = (
    ("", QT_TRANSLATE_NOOP("Import", "Detect")),
    (";", QT_TRANSLATE_NOOP("Import", "Semicolon ;")),
    (",", QT_TRANSLATE_NOOP("Import", "Comma ,")),
    ("\t", QT_TRANSLATE_NOOP("Import", "Tab")),
    ("|", QT_TRANSLATE_NOOP("Import", "|")),
)
KIND_LABELS = {
    "clients": QT_TRANSLATE_NOOP("Import", "Clients"),
    "contacts": QT_TRANSLATE_NOOP("Import", "Contacts"),
    "projects": QT_TRANSLATE_NOOP("Import", "Projects"),
    "services": QT_TRANSLATE_NOOP("Import", "Services (the catalogue)"),
}
NOT_IMPORTED = -1


def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ImportWizard(QWizard):
    imported = Signal(object)  # Changes

    def __init__(
        self, db: Database, dialogs: Dialogs, background: Background, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(translate("Import", "Import from a spreadsheet"))
        self._db, self._dialogs, self._background = db, dialogs, background
        self.table: SourceTable | None = None
        self.report: ImportReport | None = None
        self.progress: QProgressDialog | None = None  # while the import runs
        self.file_page = _FilePage(self)
        self.columns_page = _ColumnsPage(self)
        self.check_page = _CheckPage(self)
        for page in (self.file_page, self.columns_page, self.check_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("Import", "Import"))
        self.resize(860, 620)

    # What the pages share ----------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.file_page.kind.currentData())

    def import_options(self) -> dict[str, Any]:
        page = self.file_page
        return {
            "key": page.key.currentData(),
            "stop_on_errors": page.strict.isChecked(),
        }

    def mapping(self) -> dict[str, int]:
        return {
            name: combo.currentData()
            for name, combo in self.columns_page.combos.items()
            if combo.currentData() != NOT_IMPORTED
        }

    def run_check(self) -> ImportReport | None:
        assert self.table is not None
        try:
            self.report = import_rows(
                self._db,
                self.kind,
                self.table,
                self.mapping(),
                dry_run=True,
                **self.import_options(),
            )
        except AccdeskError as exc:
            self._dialogs.error(self, translate("Import", "Import"), str(exc))
            self.report = None
        return self.report

    def accept(self) -> None:
        """The import itself, in a worker, with a progress bar whose Cancel writes nothing."""
        assert self.table is not None
        db, kind, table, mapping, options = (
            self._db,
            self.kind,
            self.table,
            self.mapping(),
            self.import_options(),
        )
        cancel = threading.Event()
        carrier = ProgressCarrier(self)
        progress = QProgressDialog(
            translate("Import", "Importing…"),
            translate("Import", "Cancel"),
            0,
            len(table.rows),
            self,
        )
        progress.setObjectName("importProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(cancel.set)
        carrier.moved.connect(lambda done, _total: progress.setValue(done))
        self.progress = progress

        def job() -> ImportReport:
            def report(done: int, total: int) -> bool:
                carrier.moved.emit(done, total)
                return not cancel.is_set()

            return import_rows(db, kind, table, mapping, progress=report, **options)

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self._background.run(job, self._done)

    def _done(self, report: ImportReport | None, error: Exception | None) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if error is not None or report is None:
            self._dialogs.error(self, translate("Import", "Import"), str(error))
            return
        self.report = report
        problem_lines = len({e.row for e in report.errors})
        if report.written:
            self.imported.emit(report.changes)
        self._dialogs.about(
            self,
            translate("Import", "Import"),
            translate(
                "Import",
                "%1 new, %2 updated, %3 unchanged; %n line(s) with problems not imported.",
                "",
                problem_lines,
            )
            .replace("%1", str(report.created))
            .replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged)),
        )
        super().accept()


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(translate("Import", "Which file, and what is in it"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        for kind in KINDS:
            self.kind.addItem(translate("Import", KIND_LABELS[kind]), kind)
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(translate("Import", "A .csv or .xlsx file"))
        browse = QPushButton(translate("Import", "Choose…"), self)
        browse.clicked.connect(self._browse)
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("importEncoding")
        for value, label in ENCODINGS:
            self.encoding.addItem(translate("Import", label), value)
        self.delimiter = QComboBox(self)
        self.delimiter.setObjectName("importDelimiter")
        for value, label in DELIMITERS:
            self.delimiter.addItem(translate("Import", label), value)
        self.key = QComboBox(self)
        self.key.setObjectName("importKey")
        self.strict = QCheckBox(
            translate("Import", "Stop on errors: import nothing if any line is wrong"), self
        )
        self.strict.setObjectName("importStrict")
        self.read = QLabel(self)
        self.read.setObjectName("importRead")
        self.read.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(translate("Import", "Import"), self.kind)
        form.addRow(translate("Import", "File"), row)
        form.addRow(translate("Import", "Encoding (CSV)"), self.encoding)
        form.addRow(translate("Import", "Delimiter (CSV)"), self.delimiter)
        form.addRow(translate("Import", "Match rows on"), self.key)
        form.addRow("", self.strict)
        form.addRow("", self.read)
        self.kind.currentIndexChanged.connect(self._keys)
        for signal in (
            self.path.editingFinished,
            self.encoding.currentIndexChanged,
            self.delimiter.currentIndexChanged,
        ):
            signal.connect(self._load)
        self._keys()

    def _keys(self) -> None:
        kind = str(self.kind.currentData())
        self.key.clear()
        labels = {t.key: t.label for t in FIELDS[kind]}
        for key in KEYS[kind]:
            self.key.addItem(translate("Import", labels[key]), key)

    def _browse(self) -> None:
        chosen = self.wizard_._dialogs.open_path(
            self, translate("Import", "Import from a spreadsheet"), FILE_FILTER
        )
        if chosen:
            self.path.setText(chosen)
            self._load()

    def _load(self) -> None:
        """Read the file as chosen; what was read is said under the form."""
        self.wizard_.table = None
        text = self.path.text().strip()
        if text:
            try:
                data = read_input(Path(text).expanduser())
                table = read_table(
                    data,
                    Path(text).name,
                    encoding=self.encoding.currentData() or None,
                    delimiter=self.delimiter.currentData() or None,
                )
            except AccdeskError as exc:
                self.read.setText(str(exc))
            else:
                self.wizard_.table = table
                lines = len(table.rows)
                how = (
                    translate("Import", "Excel workbook")
                    if table.encoding is None
                    else f"{table.encoding}, «{table.delimiter!r}»".replace("'", "")
                )
                self.read.setText(
                    translate("Import", "%n line(s) under the header: %1", "", lines).replace(
                        "%1", f"{how}; " + " | ".join(table.headers)
                    )
                )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wizard_.table is not None


class _ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(translate("Import", "Which column holds what"))
        self.setSubTitle(
            translate("Import", "Guessed from the headers; fields marked * are required.")
        )
        self.form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        table = self.wizard_.table
        assert table is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        guessed = guess_mapping(self.wizard_.kind, table.headers)
        self.combos = {}
        for target in FIELDS[self.wizard_.kind]:
            combo = QComboBox(self)
            combo.setObjectName(f"importColumn_{target.key}")
            combo.addItem(translate("Import", "— not imported —"), NOT_IMPORTED)
            for i, header in enumerate(table.headers):
                combo.addItem(header, i)
            if target.key in guessed:
                combo.setCurrentIndex(combo.findData(guessed[target.key]))
            combo.currentIndexChanged.connect(self.completeChanged)
            self.combos[target.key] = combo
            self.form.addRow(
                translate("Import", target.label) + (" *" if target.required else ""), combo
            )

    def isComplete(self) -> bool:
        required = [t.key for t in FIELDS[self.wizard_.kind] if t.required]
        return all(
            k in self.combos and self.combos[k].currentData() != NOT_IMPORTED for k in required
        )


class _CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(translate("Import", "Check before importing"))
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.preview = QTableWidget(self)
        self.preview.setObjectName("importPreview")
        self.problems = QTableWidget(self)
        self.problems.setObjectName("importProblems")
        self.problems.horizontalHeader().setStretchLastSection(True)
        for table in (self.preview, self.problems):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(
            QLabel(translate("Import", "The first lines as they will be stored:"), self)
        )
        layout.addWidget(self.preview, 2)
        layout.addWidget(
            QLabel(translate("Import", "Problems (these lines are not imported):"), self)
        )
        layout.addWidget(self.problems, 1)

    def initializePage(self) -> None:
        report = self.wizard_.run_check()
        if report is None:
            self.summary.setText("")
            return
        lines = len({e.row for e in report.errors})
        text = translate(
            "Import", "%1 new, %2 updated, %3 unchanged, %n line(s) with problems.", "", lines
        )
        text = (
            text.replace("%1", str(report.created))
            .replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged))
        )
        if lines and self.wizard_.import_options()["stop_on_errors"]:
            text += " " + translate("Import", "With “stop on errors” nothing will be imported.")
        self.summary.setText(text)
        headers = list(report.preview[0]) if report.preview else []
        _fill(
            self.preview,
            [translate("Import", h) for h in headers],
            [[row.get(h, "") for h in headers] for row in report.preview],
        )
        _fill(
            self.problems,
            [
                translate("Import", "Line"),
                translate("Import", "Column"),
                translate("Import", "Problem"),
            ],
            [[str(e.row), e.column, e.message] for e in report.errors],
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
