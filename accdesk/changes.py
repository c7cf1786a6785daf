"""What a write changed, so each pane can decide for itself whether to reload."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Changes:
    """Kinds of rows (`"brief"`, `"project"`...) and the ids that changed, with new versions.

    `versions` gives the optimistic-lock version each row now has, so the caller can make
    its next edit (an undo, say) without reading the row again.
    """

    kinds: Mapping[str, frozenset[uuid.UUID]] = field(default_factory=dict)
    versions: Mapping[uuid.UUID, int] = field(default_factory=dict)

    @classmethod
    def one(cls, kind: str, row_id: uuid.UUID, version: int | None = None) -> Changes:
        versions = {row_id: version} if version is not None else {}
        return cls(MappingProxyType({kind: frozenset([row_id])}), MappingProxyType(versions))

    @classmethod
    def of(
        cls, kinds: Mapping[str, frozenset[uuid.UUID]], versions: Mapping[uuid.UUID, int]
    ) -> Changes:
        return cls(MappingProxyType(dict(kinds)), MappingProxyType(dict(versions)))

    @classmethod
    def everything(cls, kinds: tuple[str, ...]) -> Changes:
        """A change too broad to list row by row, such as a new database or demo data."""
        return cls(MappingProxyType({kind: frozenset() for kind in kinds}))

    def touches(self, kind: str) -> bool:
        return kind in self.kinds
