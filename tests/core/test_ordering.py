"""Queue order changes: a reorder never loses, duplicates or invents a project."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accdesk.planning.ordering import by_priority, move_before, move_by

orders = st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=30, unique=True)


@given(order=orders, data=st.data())
def test_move_before_keeps_every_project_and_places_the_moved_ones(
    order: list[int], data: st.DataObject
) -> None:
    moving = data.draw(st.lists(st.sampled_from(order), min_size=1, unique=True))
    before = data.draw(st.one_of(st.none(), st.sampled_from(order)))
    after = move_before(order, moving, before)
    assert sorted(after) == sorted(order)
    moved = [item for item in order if item in moving]
    start = after.index(moved[0])
    assert after[start : start + len(moved)] == moved  # together, in their old order
    if before is not None and before not in moving:
        assert after[start + len(moved)] == before
    else:
        assert after[-len(moved) :] == moved


def test_move_before_examples() -> None:
    assert move_before(["a", "b", "c", "d"], ["d"], "a") == ["d", "a", "b", "c"]
    assert move_before(["a", "b", "c", "d"], ["a", "c"], None) == ["b", "d", "a", "c"]


@given(order=orders, data=st.data())
def test_move_by_swaps_neighbours_or_refuses_at_the_ends(
    order: list[int], data: st.DataObject
) -> None:
    item = data.draw(st.sampled_from(order))
    step = data.draw(st.sampled_from([-1, 1]))
    after = move_by(order, item, step)
    index = order.index(item)
    if not 0 <= index + step < len(order):
        assert after is None
    else:
        assert after is not None and sorted(after) == sorted(order)
        assert after[index + step] == item and after[index] == order[index + step]


def test_by_priority_is_highest_first_and_stable_for_ties() -> None:
    scores = {"a": 5, "b": 9, "c": 5, "d": 0}
    assert by_priority(["a", "b", "c", "d"], scores.__getitem__) == ["b", "a", "c", "d"]
