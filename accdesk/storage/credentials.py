"""Team database passwords, never written in plain text by accdesk.

A password reaches the server in one of three ways, tried in this order by libpq and by us:
1. typed in File → Connect to team database, for this session only, or kept in the system
   keyring (Secret Service, KWallet, macOS Keychain, Windows Credential Locker) when the
   person ticks "Remember";
2. libpq's own password file (`~/.pgpass`, mode 600) or a service file (`?service=NAME`),
   which the person or an administrator writes, as for `psql`;
3. none, where the server trusts the login (peer or certificate authentication).
Settings and the recent-database list hold the address without the password.
"""

from __future__ import annotations

from types import ModuleType

from sqlalchemy.engine import make_url

from accdesk.errors import AccdeskError
from accdesk.text import translate

SERVICE = "accdesk"  # the keyring's name for our entries


class NoKeyring(AccdeskError):
    """This system has no keyring to keep a password in."""


def key_for(url: str) -> str:
    """How a server's password is filed in the keyring: login@host:port/database."""
    parsed = make_url(url)
    return f"{parsed.username}@{parsed.host}:{parsed.port or 5432}/{parsed.database}"


def without_password(url: str) -> str:
    """The address to show, remember or log."""
    # URL.set() takes None for "leave as it is"; the named tuple's own _replace clears it.
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def remember_password(url: str, password: str) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, key_for(url), password)
    except keyring.errors.KeyringError as exc:
        raise _no_keyring(exc) from exc


def forget_password(url: str) -> None:
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, key_for(url))
    except keyring.errors.PasswordDeleteError:
        pass  # nothing was kept
    except keyring.errors.KeyringError as exc:
        raise _no_keyring(exc) from exc


def saved_password(url: str) -> str | None:
    """The keyring's password for this server and login, if one is kept (and a keyring is
    there to ask: without one libpq's password file still works)."""
    if make_url(url).password is not None:
        return None
    try:
        keyring = _keyring()
    except NoKeyring:
        return None
    try:
        found = keyring.get_password(SERVICE, key_for(url))
    except keyring.errors.KeyringError:  # locked or absent: the password file still works
        return None
    return str(found) if found is not None else None


def _keyring() -> ModuleType:
    try:
        import keyring
        import keyring.errors
    except ImportError as exc:
        raise _no_keyring(exc) from exc
    return keyring


def _no_keyring(cause: object) -> NoKeyring:
    return NoKeyring(
        translate(
            "Credentials",
            "no system keyring can keep the password here ({cause}); put it in libpq's password file ~/.pgpass instead (host:port:database:login:password, readable by you alone)",  # noqa: E501
        ).format(cause=cause)
    )
