"""File → Connect to team database: where the server is and who is connecting.

The address is remembered in the settings without the password. The password is used for
this session only, or kept in the system keyring when asked; a person who keeps it in libpq's
`~/.pgpass` (or names a service from `pg_service.conf` as the server) leaves it empty.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from accdesk.storage.credentials import (
    NoKeyring,
    remember_password,
    with_password,
    without_password,
)
from ui.common.widgets import accessible

SETTING = "team/lastServer"
TLS_MODES = ("prefer", "require", "verify-full", "disable")  # libpq's sslmode values
NAME = re.compile(r"[A-Za-z0-9_.-]+")


class ConnectDialog(QDialog):
    """Asks for a team server; `url()` is the address to open, password included if typed."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team database"))
        self.setObjectName("connectDialog")
        self._settings = settings
        self._url = ""
        form = QFormLayout()
        self.host = accessible(QLineEdit(self), "connectHost", self.tr("Server"))
        self.host.setPlaceholderText("db.agency.local")
        self.port = accessible(QSpinBox(self), "connectPort", self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = accessible(QLineEdit(self), "connectDatabase", self.tr("Database"))
        self.database.setPlaceholderText("agency")
        self.login = accessible(QLineEdit(self), "connectLogin", self.tr("Login"))
        self.tls = accessible(QComboBox(self), "connectTls", self.tr("Encryption (TLS)"))
        labels = {
            "prefer": self.tr("If the server offers it"),
            "require": self.tr("Required"),
            "verify-full": self.tr("Required, and the server's certificate checked"),
            "disable": self.tr("Off (a trusted local network only)"),
        }
        for mode in TLS_MODES:
            self.tls.addItem(labels[mode], mode)
        self.password = accessible(QLineEdit(self), "connectPassword", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: from ~/.pgpass or not needed"))
        self.remember = accessible(
            QCheckBox(self.tr("Remember the password in the system keyring"), self),
            "connectRemember",
            self.tr("Remember the password"),
        )
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Encryption:"), self.tls)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        self.error = accessible(QLabel(self), "connectError", self.tr("Problem"))
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        connect = buttons.button(QDialogButtonBox.StandardButton.Ok)
        connect.setText(self.tr("Connect"))
        connect.setObjectName("connectButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill(str(settings.value(SETTING, "") or ""))

    def _fill(self, remembered: str) -> None:
        if not remembered:
            return
        try:
            last = make_url(remembered)
        except ArgumentError:  # a hand-edited setting that is not a URL: start empty
            return
        self.host.setText(last.host or "")
        self.port.setValue(last.port or 5432)
        self.database.setText(last.database or "")
        self.login.setText(last.username or "")
        mode = last.query.get("sslmode", "prefer")
        self.tls.setCurrentIndex(max(self.tls.findData(mode), 0))

    def url(self) -> str:
        return self._url

    def accept(self) -> None:
        problem = self._problem()
        if problem is not None:
            field, text = problem
            self.error.setText(f"{field}: {text}")
            self.error.show()
            return
        address = URL.create(
            "postgresql+psycopg",
            username=self.login.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            query={"sslmode": str(self.tls.currentData())},
        ).render_as_string(hide_password=False)
        password = self.password.text()
        if password and self.remember.isChecked():
            try:
                remember_password(address, password)
            except NoKeyring as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        self._settings.setValue(SETTING, without_password(address))
        self._url = with_password(address, password) if password else address
        super().accept()

    def _problem(self) -> tuple[str, str] | None:
        """The first field a person must fix, and what is wrong with it."""
        for label, widget in (
            (self.tr("Server"), self.host),
            (self.tr("Database"), self.database),
            (self.tr("Login"), self.login),
        ):
            value = widget.text().strip()
            if not value:
                return label, self.tr("must not be empty")
            if not NAME.fullmatch(value):
                return label, self.tr("only Latin letters, digits, dots, dashes and _")
        return None
