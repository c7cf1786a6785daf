"""Any table on screen to CSV or XLSX, as shown: its rows in their order (filtered and
sorted as they are), its visible columns in the order the header shows them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from accdesk.errors import AccdeskError
from accdesk.storage.files import write_export
from accdesk.storage.sheets import table_csv, table_xlsx
from ui.common.dialogs import Dialogs
from ui.common.i18n import translate

FILTERS = "Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)"


def shown_table(view: QTableView) -> tuple[list[str], list[list[str]]]:
    """The header texts and the cell texts of what `view` shows."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    role = Qt.ItemDataRole.DisplayRole
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, role) or "") for c in columns]
    rows = []
    for row in range(model.rowCount()):
        values = (model.index(row, c).data(role) for c in columns)
        rows.append(["" if v is None else str(v) for v in values])
    return headers, rows


def export_view(
    parent: QWidget, view: QTableView, dialogs: Dialogs, title: str, suggested: str
) -> Path | None:
    """Ask where, then write the table; an unknown ending means CSV. Problems are shown."""
    target = dialogs.save_path(
        parent, translate("TableExport", "Export table"), f"{suggested}.xlsx", FILTERS
    )
    if not target:
        return None
    path = Path(target)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        path = path.with_suffix(".csv")
    headers, rows = shown_table(view)
    data = (
        table_xlsx(title, headers, rows)
        if path.suffix.lower() == ".xlsx"
        else table_csv(headers, rows)
    )
    try:
        return write_export(path, data)
    except AccdeskError as exc:
        dialogs.error(parent, translate("TableExport", "Export table"), str(exc))
        return None
