"""Files the app writes appear whole or not at all, readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accdesk.storage.files import atomic_write


def test_atomic_write_is_owner_only(tmp_path: Path) -> None:
    target = atomic_write(tmp_path / "export.md", "# ТЗ: форма подписки\n".encode())
    assert target.read_text(encoding="utf-8") == "# ТЗ: форма подписки\n"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_part(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "export.md"
    target.write_text("old", encoding="utf-8")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, b"new text that never lands")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]
