"""The team's load as the workload window and `accdesk workload` show it: which managers
are over capacity and which have room for more."""

from __future__ import annotations

from enum import StrEnum

OVER_CAPACITY = 1.0  # utilisation above this is overload
ROOM_BELOW = 0.6  # below this a manager has room for more work


class LoadState(StrEnum):
    OVER = "over"
    ROOM = "room"
    OK = "ok"


def load_state(utilisation: float) -> LoadState:
    if utilisation > OVER_CAPACITY:
        return LoadState.OVER
    if utilisation < ROOM_BELOW:
        return LoadState.ROOM
    return LoadState.OK
