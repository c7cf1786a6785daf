"""Alembic migrations shipped inside the package, and the helpers that run them.

`SCHEMA_HEAD` lets a normal start compare one string instead of loading Alembic's script
directory; a test keeps it equal to the real head, so forgetting to bump it fails CI.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

SCHEMA_HEAD = "0001"
HERE = Path(__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def known_revisions() -> frozenset[str]:
    """Every revision this version of accdesk can migrate from."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in scripts.walk_revisions())


def upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
