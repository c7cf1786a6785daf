"""How a team's work is spread, and a set of moves that spreads it better.

Plain values in, plain values out: the operations read projects and managers, this module
decides, and the team lead sees every move with its reason before anything is written.

The objective is the one a team lead has: first bring the highest utilisation (weekly
effort hours over capacity) down as far as it goes, then move as few hours, projects and
clients as possible, because clients value continuity. Moves never give a project to a
manager without the skill for its service, never take anyone over their capacity (unless
the team as a whole has more work than capacity: then someone has to be over, and a move
may load its target up to just below where its source stood), and never touch pinned
projects or clients that keep their manager.
"""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

EPSILON = 1e-9


@dataclass(frozen=True)
class Person:
    """A manager who can take work: weekly capacity in hours, skill level per service."""

    id: uuid.UUID
    name: str
    capacity: float
    skills: Mapping[uuid.UUID, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Work:
    """An active project: who has it and how many hours a week it takes."""

    id: uuid.UUID
    client_id: uuid.UUID
    service_id: uuid.UUID
    manager_id: uuid.UUID
    hours: float
    pinned: bool = False
    keep_manager: bool = False  # the client asked to keep their manager
    recently_moved: bool = False  # the client's manager changed lately


@dataclass(frozen=True)
class Rules:
    """The agency's rebalancing rules (setting `rebalance`)."""

    min_skill: int = 2
    whole_clients: bool = False
    project_penalty: float = 2.0  # hours a move of one project "costs" beyond its effort
    client_penalty: float = 4.0  # ... and a client who gets a new manager
    recent_days: int = 90  # a manager change this recent makes a client "recently moved"


@dataclass(frozen=True)
class Move:
    """One unit of work (a project, or a client's projects with one manager) to move."""

    project_ids: tuple[uuid.UUID, ...]
    client_id: uuid.UUID
    source: uuid.UUID
    target: uuid.UUID
    hours: float
    source_before: float  # utilisation of the source before this move, and after
    source_after: float
    target_before: float
    target_after: float
    recently_moved: bool


@dataclass(frozen=True)
class Plan:
    moves: tuple[Move, ...]
    load_before: Mapping[uuid.UUID, float]
    load_after: Mapping[uuid.UUID, float]
    max_before: float
    max_after: float
    bound: float  # no set of moves can bring the highest utilisation below this

    @property
    def moved_hours(self) -> float:
        return sum(m.hours for m in self.moves)


def utilisation(load: float, capacity: float) -> float:
    """Load over capacity; a manager with no capacity but some load counts as infinitely
    loaded, one with neither as idle."""
    if capacity > 0:
        return load / capacity
    return float("inf") if load > 0 else 0.0


def loads(people: Iterable[Person], work: Iterable[Work]) -> dict[uuid.UUID, float]:
    result = {p.id: 0.0 for p in people}
    for w in work:
        if w.manager_id in result:
            result[w.manager_id] += w.hours
    return result


def lower_bound(people: Sequence[Person], work: Sequence[Work], rules: Rules) -> float:
    """The highest utilisation no rebalance can go below: the team's total over its total
    capacity, or a manager's work that may not move, over their capacity."""
    total_capacity = sum(p.capacity for p in people)
    load = loads(people, work)
    fixed = loads(people, (w for w in work if _fixed(w)))
    bound = utilisation(sum(load.values()), total_capacity)
    for p in people:
        bound = max(bound, utilisation(fixed[p.id], p.capacity))
    return bound


def _fixed(w: Work) -> bool:
    return w.pinned or w.keep_manager


@dataclass
class _Unit:
    project_ids: tuple[uuid.UUID, ...]
    client_id: uuid.UUID
    services: frozenset[uuid.UUID]
    hours: float
    recently_moved: bool
    cost: float
    order: int  # place in a stable order of all units: the last tie-break


def _units(work: Sequence[Work], rules: Rules) -> dict[uuid.UUID, list[_Unit]]:
    """Movable units per manager: single projects, or a client's projects with one manager
    when whole clients move together."""
    groups: dict[tuple[uuid.UUID, object], list[Work]] = {}
    for w in sorted(work, key=lambda w: w.id):
        if _fixed(w) or w.hours <= 0:
            continue
        key: object = w.client_id if rules.whole_clients else w.id
        groups.setdefault((w.manager_id, key), []).append(w)
    units: dict[uuid.UUID, list[_Unit]] = {}
    for order, ((manager, _key), members) in enumerate(groups.items()):
        hours = sum(w.hours for w in members)
        units.setdefault(manager, []).append(
            _Unit(
                project_ids=tuple(w.id for w in members),
                client_id=members[0].client_id,
                services=frozenset(w.service_id for w in members),
                hours=hours,
                recently_moved=any(w.recently_moved for w in members),
                cost=hours + rules.project_penalty * len(members) + rules.client_penalty,
                order=order,
            )
        )
    return units


class _Pool:
    """One manager's movable units, grouped by the set of services they need and sorted by
    hours, so the unit that best evens out a pair is a binary search."""

    def __init__(self, units: Iterable[_Unit]) -> None:
        self.by_services: dict[frozenset[uuid.UUID], list[_Unit]] = {}
        for unit in units:
            self.by_services.setdefault(unit.services, []).append(unit)
        self.hours: dict[frozenset[uuid.UUID], list[float]] = {}
        for services, group in self.by_services.items():
            group.sort(key=lambda u: (u.hours, u.cost, u.project_ids))
            self.hours[services] = [u.hours for u in group]

    def remove(self, unit: _Unit) -> None:
        group = self.by_services[unit.services]
        index = group.index(unit)
        del group[index]
        del self.hours[unit.services][index]

    def add(self, unit: _Unit) -> None:
        group = self.by_services.setdefault(unit.services, [])
        hours = self.hours.setdefault(unit.services, [])
        index = bisect_right(hours, unit.hours)
        group.insert(index, unit)
        hours.insert(index, unit.hours)

    def near(self, services: frozenset[uuid.UUID], ideal: float) -> list[_Unit]:
        """The units just below and just above `ideal` hours."""
        hours = self.hours.get(services, [])
        i = bisect_right(hours, ideal)
        group = self.by_services[services] if hours else []
        return [group[j] for j in (i - 1, i) if 0 <= j < len(group)]


def rebalance(people: Sequence[Person], work: Sequence[Work], rules: Rules) -> Plan:
    """Moves, best first, that lower the highest utilisation as far as single moves can.

    Each round takes the most loaded manager and, for every colleague who may take some of
    their work, the unit whose hours come nearest to evening out the two; the move that
    leaves the pair's higher utilisation lowest wins, the cheaper on ties (effort hours
    plus a penalty per project and per client). A move must lower the source's utilisation
    and leave the target below where the source was, so rounds end. Clients whose manager
    changed lately are moved only when no other move helps.
    """
    # Managers by index in id order: lists instead of dictionaries keyed by UUIDs, which
    # hash slowly, and the id order as the tie-break.
    ranked = sorted(people, key=lambda p: p.id)
    index = {p.id: i for i, p in enumerate(ranked)}
    capacity = {p.id: p.capacity for p in people}
    load_before = loads(people, work)
    caps = [p.capacity for p in ranked]
    load = [load_before[p.id] for p in ranked]
    movable = [w for w in work if w.manager_id in index]
    units = _units(movable, rules)
    fresh = [_Pool(u for u in units.get(p.id, ()) if not u.recently_moved) for p in ranked]
    recent = [_Pool(u for u in units.get(p.id, ()) if u.recently_moved) for p in ranked]
    able = _Able(ranked, rules)
    bound = lower_bound(people, work, rules)
    overloaded = bound > 1.0 + EPSILON
    ceiling = [float("inf") if overloaded else c for c in caps]
    steps: list[tuple[_Unit, uuid.UUID, uuid.UUID]] = []
    # Each move lowers the sorted list of utilisations, so this ends; the cap is a guard.
    for _ in range(len(movable) + 1):
        source = max(range(len(ranked)), key=lambda i: (utilisation(load[i], caps[i]), i))
        found = None
        for pools in (fresh, recent):
            found = _best_move(source, pools[source], load, caps, ceiling, able)
            if found is not None:
                break
        if found is None:
            break
        unit, target = found
        pools = recent if unit.recently_moved else fresh
        pools[source].remove(unit)
        pools[target].add(unit)
        load[source] -= unit.hours
        load[target] += unit.hours
        steps.append((unit, ranked[source].id, ranked[target].id))
    moves, after = _fold(steps, load_before, capacity)
    return Plan(
        moves=tuple(moves),
        load_before=load_before,
        load_after=after,
        max_before=_highest(load_before, capacity),
        max_after=_highest(after, capacity),
        bound=bound,
    )


def _best_move(
    source: int,
    pool: _Pool,
    load: Sequence[float],
    capacity: Sequence[float],
    ceiling: Sequence[float],
    able: _Able,
) -> tuple[_Unit, int] | None:
    source_load, source_capacity = load[source], capacity[source]
    top = utilisation(source_load, source_capacity)
    best: tuple[float, float, float, int, int] | None = None
    found: tuple[_Unit, int] | None = None
    for services in pool.by_services:
        for target in able(services):
            room = ceiling[target] - load[target]
            if target == source or room <= EPSILON or capacity[target] <= 0:
                continue
            target_load, target_capacity = load[target], capacity[target]
            # Hours that would leave both at the same utilisation.
            ideal = (source_load * target_capacity - target_load * source_capacity) / (
                source_capacity + target_capacity
            )
            for unit in pool.near(services, ideal):
                if unit.hours > room + EPSILON:
                    continue
                after_t = utilisation(target_load + unit.hours, target_capacity)
                if after_t >= top - EPSILON:
                    continue
                after_s = utilisation(source_load - unit.hours, source_capacity)
                # The pair's higher utilisation, then the cheaper move, then the emptier
                # target (so work spreads instead of piling on the first colleague).
                pair = round(max(after_s, after_t), 9)
                key = (pair, unit.cost, round(after_t, 9), target, unit.order)
                if best is None or key < best:
                    best, found = key, (unit, target)
    return found


class _Able:
    """Who may take work needing a set of services: indexes into the managers as ranked."""

    def __init__(self, ranked: Sequence[Person], rules: Rules) -> None:
        self._skills = [
            frozenset(s for s, level in p.skills.items() if level >= rules.min_skill)
            for p in ranked
        ]
        self._cache: dict[frozenset[uuid.UUID], list[int]] = {}

    def __call__(self, services: frozenset[uuid.UUID]) -> list[int]:
        found = self._cache.get(services)
        if found is None:
            found = [i for i, known in enumerate(self._skills) if services <= known]
            self._cache[services] = found
        return found


def _fold(
    steps: Sequence[tuple[_Unit, uuid.UUID, uuid.UUID]],
    start: Mapping[uuid.UUID, float],
    capacity: Mapping[uuid.UUID, float],
) -> tuple[list[Move], dict[uuid.UUID, float]]:
    """The moves as the team lead sees them, and the load after all of them: a unit moved
    twice (A to B, later B to C) is one move from A to C, and one moved back where it
    started is no move."""
    first: dict[tuple[uuid.UUID, ...], tuple[_Unit, uuid.UUID]] = {}
    last: dict[tuple[uuid.UUID, ...], uuid.UUID] = {}
    for unit, source, target in steps:
        first.setdefault(unit.project_ids, (unit, source))
        last[unit.project_ids] = target
    load = dict(start)
    moves: list[Move] = []
    for key, (unit, source) in first.items():
        target = last[key]
        if target == source:
            continue
        before_s = utilisation(load[source], capacity[source])
        before_t = utilisation(load[target], capacity[target])
        load[source] -= unit.hours
        load[target] += unit.hours
        moves.append(
            Move(
                project_ids=key,
                client_id=unit.client_id,
                source=source,
                target=target,
                hours=unit.hours,
                source_before=before_s,
                source_after=utilisation(load[source], capacity[source]),
                target_before=before_t,
                target_after=utilisation(load[target], capacity[target]),
                recently_moved=unit.recently_moved,
            )
        )
    return moves, load


def _highest(load: Mapping[uuid.UUID, float], capacity: Mapping[uuid.UUID, float]) -> float:
    return max((utilisation(load[m], capacity[m]) for m in load), default=0.0)
