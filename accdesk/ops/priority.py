"""Priority scores for the queue, from its rows and the agency's weights."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from accdesk.changes import Changes
from accdesk.errors import ValidationError
from accdesk.models import ProjectStatus
from accdesk.ops.readmodels import ProjectRow
from accdesk.ops.settings import get_setting, put_setting
from accdesk.planning.priority import PRESETS, Score, Weights, score_values
from accdesk.planning.workdays import WorkdayCalendar
from accdesk.storage.db import Database
from accdesk.text import translate

DEFAULT_PRESET = "conveyor"
NO_DEADLINE_PRESSURE = frozenset({ProjectStatus.DONE.value, ProjectStatus.PAUSED.value})


Scorer = Callable[[ProjectRow], Score]


def make_scorer(
    rows: Sequence[ProjectRow],
    weights: Weights,
    *,
    now: datetime,
    zone: ZoneInfo,
    calendar: WorkdayCalendar,
) -> Scorer:
    """A function scoring one row of this queue, so a view scores only what it shows.

    Client value is measured against the largest monthly budget in `rows`, so it reads the
    same at any agency size.
    """
    today = now.astimezone(zone).date()
    top = max((r.client_budget for r in rows), default=0) or 1
    between = calendar.business_days_between

    def scorer(r: ProjectRow) -> Score:
        # Finished or paused work has no deadline pressure; a waiting client still counts.
        pressing = r.deadline is not None and r.status not in NO_DEADLINE_PRESSURE
        return score_values(
            between(today, r.deadline) if pressing and r.deadline else None,
            int((r.next_response_due - now).total_seconds() // 60) if r.next_response_due else None,
            r.client_budget / top,
            r.last_nps,
            r.unreacted_feedback,
            r.risky_promises,
            r.pinned,
            (now - r.last_touched_at).days if r.last_touched_at else None,
            weights,
        )

    return scorer


def priority_rules(db: Database) -> tuple[str, Weights]:
    """The agency's preset name and weights (a preset, or weights saved over it)."""
    with db.reading() as s:
        return stored_rules(get_setting(s, "priority"))


def stored_rules(stored: object) -> tuple[str, Weights]:
    """The preset and weights the setting `priority` holds."""
    if not isinstance(stored, dict):
        return DEFAULT_PRESET, PRESETS[DEFAULT_PRESET]
    name = stored.get("preset", DEFAULT_PRESET)
    base = PRESETS.get(name, PRESETS[DEFAULT_PRESET])
    custom = stored.get("weights") or {}
    known = {k: v for k, v in custom.items() if k in asdict(base)}
    return name, Weights(**{**asdict(base), **known})


def set_priority_preset(db: Database, name: str) -> Changes:
    if name not in PRESETS:
        raise ValidationError(
            {
                "preset": translate("Input", "must be one of: {value}").format(
                    value=", ".join(PRESETS)
                )
            }
        )
    with db.transaction() as s:
        put_setting(s, "priority", {"preset": name})
        return Changes.written(s)
