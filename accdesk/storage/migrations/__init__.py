"""Alembic migrations shipped inside the package, and the helpers that run them.

`SCHEMA_HEAD` lets a normal start compare one string instead of loading Alembic's script
directory; a test keeps it equal to the real head, so forgetting to bump it fails CI.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

if TYPE_CHECKING:
    from alembic.config import Config

SCHEMA_HEAD = "0009"
HERE = Path(__file__).resolve().parent


# Alembic is imported inside the functions: a normal start only compares SCHEMA_HEAD, and
# every command and crash-test child process starts faster without loading it.
def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def known_revisions() -> frozenset[str]:
    """Every revision this version of accdesk can migrate from."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in scripts.walk_revisions())


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
