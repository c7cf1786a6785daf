"""A manager's manual queue order: what a drag, a keystroke or "make it my order" turns it into.

Plain lists of ids in, a new list out; the caller stores it with `ops.queue.reorder`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def move_before(order: Sequence[T], moving: Sequence[T], before: T | None) -> list[T]:
    """`moving` (kept in their current order) placed just above `before`, or at the end
    when `before` is None or is itself being moved."""
    chosen = set(moving)
    moved = [item for item in order if item in chosen]
    rest = [item for item in order if item not in chosen]
    at = rest.index(before) if before in rest else len(rest)
    return rest[:at] + moved + rest[at:]


def move_by(order: Sequence[T], item: T, step: int) -> list[T] | None:
    """`item` swapped with its neighbour `step` places away, or None at either end."""
    index = list(order).index(item)
    target = index + step
    if not 0 <= target < len(order):
        return None
    result = list(order)
    result[index], result[target] = result[target], result[index]
    return result


def by_priority(order: Sequence[T], score: Callable[[T], int]) -> list[T]:
    """Highest score first; equal scores keep their current order (the sort is stable)."""
    return sorted(order, key=lambda item: -score(item))
