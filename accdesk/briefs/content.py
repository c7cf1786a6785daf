"""What a brief says, section by section, and how complete it is for its level and audience."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from accdesk.briefs.schema import FIELD_TYPES, MAX_LEVEL, MIN_LEVEL, Section, Template
from accdesk.text import translate
from accdesk.types import typed_number

TITLE_MAX = 300


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One input of a form the specialist builds: the row of the fields table."""

    name: str = ""
    type: str = "text"
    required: bool = False
    rule: str = ""
    error: str = ""


@dataclass(frozen=True)
class BriefContent:
    """Everything a person writes in a brief. `values` holds the sections by key:
    text as `str`, lists as `tuple[str, ...]`, dates, hours as `float`, the fields table as
    `tuple[FieldSpec, ...]`. Sections above the brief's level keep their values (lowering
    the level hides them, it does not delete them)."""

    title: str
    level: int = 1
    audience: str = "developer"
    template: str = "generic"
    values: Mapping[str, Any] = field(default_factory=dict)
    notes: str = ""

    def value(self, key: str) -> Any:
        return self.title if key == "title" else self.values.get(key)

    def with_value(self, key: str, value: Any) -> BriefContent:
        if key == "title":
            return replace(self, title=value)
        return replace(self, values={**self.values, key: value})

    def normalized(self) -> BriefContent:
        """The same brief without empty sections, so that an untouched editor (which holds
        "" or () for every empty input) equals what is stored."""
        kept = {k: v for k, v in self.values.items() if v is not None and v != "" and v != ()}
        return replace(self, title=self.title.strip(), values=kept)

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return tuple(self.values.get("fields") or ())


def hours_from_text(text: str) -> float | None:
    """An estimate as typed ("6", "1,5"); None when left empty. Raises `ValueError` with
    the message to show for text that is not a number."""
    if not text.strip():
        return None
    number = typed_number(text)
    if number is None:
        raise ValueError(translate("Briefs", "type a number of hours, like 6 or 1.5"))
    return float(number)


def is_filled(section: Section, content: BriefContent) -> bool:
    if section.kind == "rules":
        rules = [f for f in content.fields if f.rule.strip()]
        return bool(rules) and all(f.error.strip() for f in rules)
    value = content.value(section.key)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, tuple | list):
        return any(
            (item.name.strip() if isinstance(item, FieldSpec) else str(item).strip())
            for item in value
        )
    return value is not None


@dataclass(frozen=True)
class Completeness:
    """The sections a level calls for, and those still empty ("7 of 9 sections for level 8")."""

    level: int
    expected: tuple[Section, ...]
    missing: tuple[Section, ...]

    @property
    def done(self) -> int:
        return len(self.expected) - len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing


def completeness(
    template: Template, content: BriefContent, level: int | None = None
) -> Completeness:
    expected = template.expected(content.level if level is None else level)
    return Completeness(
        content.level if level is None else level,
        expected,
        tuple(s for s in expected if not is_filled(s, content)),
    )


def audience_gap(
    template: Template, content: BriefContent, levels: Mapping[str, int]
) -> Completeness | None:
    """What the chosen specialist will miss: the sections of the level they need that this
    brief does not show (above its level, even if written) or has empty; None when the
    brief's level is enough for them."""
    needed = levels.get(content.audience, MIN_LEVEL)
    if needed <= content.level:
        return None
    expected = template.expected(needed)
    missing = tuple(s for s in expected if s.level > content.level or not is_filled(s, content))
    return Completeness(needed, expected, missing)


def problems(template: Template, content: BriefContent) -> dict[str, str]:
    """Why this content cannot be saved, by the place a person would fix it.

    Only what the level shows is checked: a half-written section hidden by lowering the
    level does not block saving until the level reveals it again.
    """
    errors: dict[str, str] = {}
    if not content.title.strip():
        errors["title"] = translate("Briefs", "write what needs to be done")
    elif "\n" in content.title:
        errors["title"] = translate("Briefs", "must be one line")
    elif len(content.title) > TITLE_MAX:
        errors["title"] = translate("Briefs", "is longer than {TITLE_MAX} characters").format(
            TITLE_MAX=TITLE_MAX
        )
    if not MIN_LEVEL <= content.level <= MAX_LEVEL:
        errors["level"] = translate("Briefs", "must be from {MIN_LEVEL} to {MAX_LEVEL}").format(
            MIN_LEVEL=MIN_LEVEL, MAX_LEVEL=MAX_LEVEL
        )
    for key, value in content.values.items():
        section = template.section(key)
        if section is None:
            errors[key] = translate("Briefs", "is not a section of a “{name}” brief").format(
                name=template.name
            )
        elif value is None:
            continue
        elif not isinstance(value, SHAPES[section.kind]):
            errors[key] = translate("Briefs", "has the wrong kind of value")
        elif isinstance(value, tuple) and not all(
            isinstance(v, FieldSpec if section.kind == "fields" else str) for v in value
        ):
            errors[key] = translate("Briefs", "has the wrong kind of items")
    shown = {s.key: s for s in template.expected(content.level)}
    for key, section in shown.items():
        value = content.value(key)
        if key in errors:
            continue
        if section.kind == "number" and isinstance(value, float) and value < 0:
            errors[key] = translate("Briefs", "cannot be below zero")
        if section.kind == "fields":
            errors.update(_field_problems(tuple(value or ())))
    return errors


# The Python type each kind of section holds (see BriefContent).
SHAPES: dict[str, type | tuple[type, ...]] = {
    "line": str,
    "text": str,
    "list": tuple,
    "date": date,
    "number": float,
    "fields": tuple,
    "rules": type(None),
}


def _field_problems(fields: tuple[FieldSpec, ...]) -> dict[str, str]:
    errors: dict[str, str] = {}
    seen: dict[str, int] = {}
    for row, spec in enumerate(fields, start=1):
        name = spec.name.strip().casefold()
        if not name:
            errors[f"fields.{row}.name"] = translate("Briefs", "the field needs a name")
        elif name in seen:
            errors[f"fields.{row}.name"] = translate(
                "Briefs", "“{name}” is already row {row}"
            ).format(name=spec.name.strip(), row=seen[name])
        else:
            seen[name] = row
        if spec.type not in FIELD_TYPES:
            errors[f"fields.{row}.type"] = translate(
                "Briefs", "“{type}” is not a field type"
            ).format(type=spec.type)
        if spec.rule.strip() and not spec.error.strip():
            errors.setdefault(
                f"fields.{row}.error",
                translate("Briefs", "say what the visitor sees when the rule fails"),
            )
    return errors


# --- Stored form -------------------------------------------------------------------------------
def to_json(content: BriefContent) -> dict[str, Any]:
    """Plain JSON for the database (drafts, revisions); dates are tagged so they come back
    as dates."""
    return {
        "title": content.title,
        "level": content.level,
        "audience": content.audience,
        "template": content.template,
        "notes": content.notes,
        "values": {k: _encode(v) for k, v in content.values.items()},
    }


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple | list):
        return [
            {
                "name": v.name,
                "type": v.type,
                "required": v.required,
                "rule": v.rule,
                "error": v.error,
            }
            if isinstance(v, FieldSpec)
            else v
            for v in value
        ]
    return value


def from_json(data: Mapping[str, Any]) -> BriefContent:
    """Read content back, forgiving about shape: a draft may hold anything half-typed."""
    values = data.get("values")
    return BriefContent(
        title=str(data.get("title", "")),
        level=_level(data.get("level")),
        audience=str(data.get("audience", "developer")),
        template=str(data.get("template", "generic")),
        values={k: _decode(v) for k, v in values.items()} if isinstance(values, dict) else {},
        notes=str(data.get("notes", "")),
    )


def _level(value: Any) -> int:
    return min(max(value, MIN_LEVEL), MAX_LEVEL) if isinstance(value, int) else MIN_LEVEL


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("date"), str):
        return date.fromisoformat(value["date"])
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            return tuple(
                FieldSpec(
                    name=str(v.get("name", "")),
                    type=str(v.get("type", "text")),
                    required=bool(v.get("required", False)),
                    rule=str(v.get("rule", "")),
                    error=str(v.get("error", "")),
                )
                for v in value
                if isinstance(v, dict)
            )
        return tuple(str(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
