"""Team workload, moving projects and rebalancing: the rules a team lead relies on."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from accdesk.changes import Kind
from accdesk.errors import StaleEdit, ValidationError
from accdesk.models import Assignment, Client, Manager, ManagerSkill, Project
from accdesk.ops.settings import put_setting
from accdesk.ops.workload import (
    ProjectMove,
    manager_work,
    move_warnings,
    moves_of,
    reassign,
    suggest_rebalance,
    team_workload,
)
from accdesk.planning.workload import Person, Plan, Rules, Work, lower_bound, rebalance, utilisation
from accdesk.storage.db import Database
from tests.conftest import DEMO_NOW

SEO, PPC, SMM = (uuid.UUID(int=100 + i) for i in range(3))


def team(*capacities: float, skills: dict[uuid.UUID, int] | None = None) -> list[Person]:
    known = skills or {SEO: 3, PPC: 3, SMM: 3}
    return [
        Person(uuid.UUID(int=i + 1), f"M{i + 1}", c, dict(known)) for i, c in enumerate(capacities)
    ]


def project(manager: Person, hours: float = 3.0, service: uuid.UUID = SEO, **kw: object) -> Work:
    client = kw.pop("client", None) or uuid.uuid4()
    return Work(uuid.uuid4(), client, service, manager.id, hours, **kw)  # type: ignore[arg-type]


def counts_after(work: list[Work], plan: Plan) -> Counter[uuid.UUID]:
    owner = {w.id: w.manager_id for w in work}
    for move in plan.moves:
        for pid in move.project_ids:
            owner[pid] = move.target
    return Counter(owner.values())


def test_twelve_three_and_three_equal_projects_end_at_six_each_in_six_moves() -> None:
    a, b, c = people = team(40, 40, 40)
    work = [project(a) for _ in range(12)] + [project(b) for _ in range(3)]
    work += [project(c) for _ in range(3)]
    plan = rebalance(people, work, Rules())
    assert len(plan.moves) == 6
    assert counts_after(work, plan) == {a.id: 6, b.id: 6, c.id: 6}
    assert plan.max_before == pytest.approx(0.9) and plan.max_after == pytest.approx(0.45)
    assert plan.bound == pytest.approx(0.45)


def test_a_client_with_three_projects_moves_as_one_unit_when_whole_clients_move() -> None:
    a, b = people = team(40, 40)
    client = uuid.uuid4()
    work = [project(a, 4.0, client=client) for _ in range(3)]
    work += [project(a, 10.0), project(a, 2.0)]
    plan = rebalance(people, work, Rules(whole_clients=True))
    assert len(plan.moves) == 1
    move = plan.moves[0]
    assert move.client_id == client and len(move.project_ids) == 3 and move.target == b.id
    assert plan.load_after == {a.id: 12.0, b.id: 12.0}
    # Without the rule the same work moves project by project.
    single = rebalance(people, work, Rules(whole_clients=False))
    assert all(len(m.project_ids) == 1 for m in single.moves)
    assert single.max_after == pytest.approx(0.3)


def test_a_manager_without_the_seo_skill_never_receives_an_seo_project() -> None:
    a, b = team(40, 40)
    no_seo = Person(uuid.UUID(int=9), "No SEO", 40, {PPC: 5, SMM: 5})
    people = [a, b, no_seo]
    work = [project(a, 4.0, SEO) for _ in range(8)] + [project(a, 4.0, PPC) for _ in range(4)]
    plan = rebalance(people, work, Rules())
    service = {w.id: w.service_id for w in work}
    to_no_seo = [pid for m in plan.moves if m.target == no_seo.id for pid in m.project_ids]
    assert to_no_seo, "the manager without SEO takes the PPC work"
    assert all(service[pid] == PPC for pid in to_no_seo)


def test_a_client_whose_manager_changed_lately_moves_only_when_nothing_else_helps() -> None:
    a, _ = people = team(40, 40)
    settled = [project(a, 4.0) for _ in range(4)]
    lately = [project(a, 4.0, recently_moved=True) for _ in range(4)]
    plan = rebalance(people, settled + lately, Rules())
    moved = {pid for m in plan.moves for pid in m.project_ids}
    assert moved == {w.id for w in settled}
    # With only recently moved clients left, they do move, and the move says so.
    plan = rebalance(people, lately, Rules())
    assert plan.moves and all(m.recently_moved for m in plan.moves)


def test_pinned_projects_and_clients_that_keep_their_manager_stay() -> None:
    a, _ = people = team(40, 40)
    work = [project(a, 5.0, pinned=True) for _ in range(4)]
    work += [project(a, 5.0, keep_manager=True) for _ in range(4)]
    plan = rebalance(people, work, Rules())
    assert plan.moves == ()
    assert plan.bound == pytest.approx(1.0)  # what may not move sets the bound


# Properties -------------------------------------------------------------------------------

services = st.sampled_from([SEO, PPC, SMM])


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[Person], list[Work], Rules]:
    size = draw(st.integers(2, 6))
    people = [
        Person(
            uuid.UUID(int=i + 1),
            f"M{i}",
            draw(st.sampled_from([0.0, 10.0, 20.0, 40.0])),
            {s: draw(st.integers(0, 5)) for s in (SEO, PPC, SMM)},
        )
        for i in range(size)
    ]
    clients = [uuid.UUID(int=1000 + i) for i in range(draw(st.integers(1, 8)))]
    work = [
        Work(
            uuid.UUID(int=10_000 + i),
            draw(st.sampled_from(clients)),
            draw(services),
            draw(st.sampled_from(people)).id,
            draw(st.sampled_from([0.0, 1.0, 2.5, 4.0, 8.0, 16.0])),
            pinned=draw(st.booleans()) and draw(st.booleans()),
            keep_manager=draw(st.booleans()) and draw(st.booleans()),
            recently_moved=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 30)))
    ]
    rules = Rules(min_skill=draw(st.integers(0, 4)), whole_clients=draw(st.booleans()))
    return people, work, rules


@settings(max_examples=300, deadline=None)
@given(problems())
def test_suggestions_keep_every_rule_and_never_raise_the_highest_utilisation(
    problem: tuple[list[Person], list[Work], Rules],
) -> None:
    people, work, rules = problem
    plan = rebalance(people, work, rules)
    by_id = {p.id: p for p in people}
    projects = {w.id: w for w in work}
    for move in plan.moves:
        target = by_id[move.target]
        for pid in move.project_ids:
            w = projects[pid]
            assert not w.pinned and not w.keep_manager
            assert target.skills.get(w.service_id, 0) >= rules.min_skill
            assert w.manager_id == move.source
        if rules.whole_clients:
            assert len({projects[p].client_id for p in move.project_ids}) == 1
    assert plan.max_after <= plan.max_before + 1e-9
    assert plan.max_after >= plan.bound - 1e-9
    for p in people:
        received = plan.load_after[p.id] > plan.load_before[p.id] + 1e-9
        if received and plan.bound <= 1.0:
            assert plan.load_after[p.id] <= p.capacity + 1e-9  # nobody pushed over capacity
        if received:
            assert utilisation(plan.load_after[p.id], p.capacity) < plan.max_before
    assert len({pid for m in plan.moves for pid in m.project_ids}) == sum(
        len(m.project_ids) for m in plan.moves
    )


@settings(max_examples=100, deadline=None)
@given(problems(), st.randoms(use_true_random=False))
def test_the_same_team_gives_the_same_moves_whatever_the_order_it_is_read_in(
    problem: tuple[list[Person], list[Work], Rules], shuffle: random.Random
) -> None:
    people, work, rules = problem
    first = rebalance(people, work, rules)
    shuffled_people, shuffled_work = list(people), list(work)
    shuffle.shuffle(shuffled_people)
    shuffle.shuffle(shuffled_work)
    again = rebalance(shuffled_people, shuffled_work, rules)
    assert again.moves == first.moves
    assert lower_bound(people, work, rules) == first.bound


# On the demo agency -----------------------------------------------------------------------


def moved_count(db: Database) -> int:
    with db.reading() as s:
        return int(s.execute(select(func.count()).select_from(Assignment)).scalar_one())


def managers(db: Database) -> dict[str, uuid.UUID]:
    with db.reading() as s:
        return {m.name: m.id for m in s.exec(select(Manager)).scalars()}  # type: ignore[attr-defined]


def test_workload_adds_up_to_what_is_stored(demo_db: Database) -> None:
    team_load = team_workload(demo_db, DEMO_NOW)
    assert len(team_load.managers) == 6
    work = manager_work(demo_db, None)
    for m in team_load.managers:
        mine = [w for w in work if w.manager_id == m.id]
        assert m.projects == len(mine)
        assert m.load_hours == pytest.approx(sum(w.hours for w in mine if w.status == "active"))
        assert m.clients == len({w.client_id for w in mine})
    assert team_load.projects_per_manager == pytest.approx(len(work) / 6)


def test_reassigning_is_recorded_and_undo_leaves_no_trace(demo_db: Database) -> None:
    lead = team_workload(demo_db, DEMO_NOW).managers
    source = max(lead, key=lambda m: m.utilisation)
    target = min(lead, key=lambda m: m.utilisation)
    mine = manager_work(demo_db, source.id)[:2]
    before = moved_count(demo_db)
    moves = [ProjectMove(w.id, source.id, target.id) for w in mine]
    ids = [uuid.uuid4(), uuid.uuid4()]
    done = reassign(demo_db, moves, "Отпуск менеджера", ids, now=DEMO_NOW)
    assert done.changes.kinds[Kind.PROJECT] == {w.id for w in mine}
    assert moved_count(demo_db) == before + 2
    assert {w.id for w in manager_work(demo_db, target.id)} >= {w.id for w in mine}
    with demo_db.reading() as s:
        row = s.get(Assignment, ids[0])
        assert row is not None and row.reason == "Отпуск менеджера"
        assert row.previous_manager_id == source.id
    # A second move made from the same stale view is refused.
    with pytest.raises(StaleEdit, match="moved by someone else"):
        reassign(demo_db, moves, "again", [uuid.uuid4(), uuid.uuid4()], now=DEMO_NOW)
    reassign(demo_db, list(done.back), "", ids, now=DEMO_NOW, undoing=True)
    assert moved_count(demo_db) == before
    assert [w.id for w in manager_work(demo_db, source.id)][:2] == [w.id for w in mine]
    with demo_db.reading() as s:
        for w, back in zip(mine, done.back, strict=True):
            stored = s.get(Project, w.id)
            assert stored is not None and stored.queue_position == back.position


def test_a_move_without_a_reason_writes_nothing(demo_db: Database) -> None:
    lead = team_workload(demo_db, DEMO_NOW).managers
    work = manager_work(demo_db, lead[0].id)[0]
    with pytest.raises(ValidationError) as raised:
        reassign(demo_db, [ProjectMove(work.id, lead[0].id, lead[1].id)], "  ", [uuid.uuid4()])
    assert "reason" in raised.value.errors
    assert manager_work(demo_db, lead[0].id)[0].id == work.id


def test_a_third_manager_within_a_year_and_a_missing_skill_are_warned_about(
    demo_db: Database,
) -> None:
    names = managers(demo_db)
    with demo_db.transaction() as s:
        # A client who has had one manager so far.
        single = (
            select(Project.client_id)
            .join(Assignment, Assignment.project_id == Project.id)
            .group_by(Project.client_id)
            .having(func.count(Assignment.manager_id.distinct()) == 1)
        )
        client = s.exec(select(Client).where(Client.id.in_(single))).scalars().first()  # type: ignore[attr-defined]
        projects = s.exec(select(Project).where(Project.client_id == client.id)).scalars().all()  # type: ignore[attr-defined]
        owner = projects[0].manager_id
        others = [m for m in names.values() if m != owner]
    first = reassign(
        demo_db, [ProjectMove(projects[0].id, owner, others[0])], "x", [uuid.uuid4()], now=DEMO_NOW
    )
    assert first.changes.touches(Kind.CLIENT_RECORDS)
    warnings = move_warnings(demo_db, [projects[0].id], others[1], DEMO_NOW)
    assert any("would have 3 managers within 12 months" in w for w in warnings)
    with demo_db.transaction() as s:
        for skill in s.exec(
            select(ManagerSkill).where(ManagerSkill.manager_id == others[1])
        ).scalars():  # type: ignore[attr-defined]
            skill.level = 0
    warnings = move_warnings(demo_db, [projects[0].id], others[1], DEMO_NOW)
    assert any("below the agency's minimum of 2" in w for w in warnings)


def test_applying_a_suggestion_changes_the_database_once(demo_db: Database) -> None:
    plan = suggest_rebalance(demo_db, DEMO_NOW)
    assert plan.moves and plan.max_after < plan.max_before
    assert all(m.reason for m in plan.moves)
    before = moved_count(demo_db)
    moves = moves_of(plan)
    reassign(demo_db, moves, "Rebalance", [uuid.uuid4() for _ in moves], now=DEMO_NOW)
    assert moved_count(demo_db) == before + len(moves)
    after = team_workload(demo_db, DEMO_NOW)
    assert max(m.utilisation for m in after.managers) == pytest.approx(plan.max_after)
    # The preview's "after" is what the team then is.
    figures = [(m.projects, m.clients, m.load_hours) for m in after.managers]
    assert figures == [(m.projects, m.clients, m.load_hours) for m in plan.after.managers]
    assert suggest_rebalance(demo_db, DEMO_NOW).moves == ()


def test_whole_client_moves_follow_the_agency_setting(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        put_setting(s, "rebalance", {"whole_clients": True})
    plan = suggest_rebalance(demo_db, DEMO_NOW)
    work = {w.id: w for w in manager_work(demo_db, None)}
    for move in plan.moves:
        assert len({work[p].client_id for p in move.project_ids}) == 1


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accdesk", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_rebalance_lists_then_applies_the_moves(demo_path: Path) -> None:
    shown = run_cli("workload", "--db", str(demo_path), "--json")
    assert shown.returncode == 0, shown.stderr
    figures = json.loads(shown.stdout)
    assert len(figures["managers"]) == 6 and figures["utilisation"] > 0
    dry = run_cli("rebalance", "--db", str(demo_path), "--json")
    assert dry.returncode == 0, dry.stderr
    planned = json.loads(dry.stdout)
    assert planned["moves"] and not planned["applied"]
    assert planned["max_utilisation_after"] < planned["max_utilisation_before"]
    assert planned["max_utilisation_after"] >= planned["lower_bound"]
    again = json.loads(run_cli("rebalance", "--db", str(demo_path), "--json").stdout)
    assert again["moves"] == planned["moves"]  # a dry run wrote nothing
    applied = run_cli("rebalance", "--db", str(demo_path), "--apply")
    assert applied.returncode == 0 and applied.stdout.startswith("Moved ")
    after = json.loads(run_cli("rebalance", "--db", str(demo_path), "--json").stdout)
    assert after["moves"] == []
    assert after["max_utilisation_before"] == planned["max_utilisation_after"]
