"""What a brief should contain at each level of detail, for each kind of task.

A brief's level (1..10) decides which sections it is expected to have: a level-1 brief is
one line, a level-10 brief a full spec. Which sections there are, and at which level each
becomes expected, is data: a `Template` lists its sections with their levels, so an agency
can add a template (or move a section to another level) without touching the editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from accdesk.text import QT_TRANSLATE_NOOP, translate

Kind = Literal["line", "text", "list", "date", "number", "fields", "rules"]
KINDS: tuple[str, ...] = ("line", "text", "list", "date", "number", "fields", "rules")
MIN_LEVEL, MAX_LEVEL = 1, 10

FIELD_TYPES: tuple[str, ...] = (
    "text",
    "email",
    "phone",
    "number",
    "date",
    "select",
    "checkbox",
    "file",
)


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a brief: how it is entered (`kind`) and from which level it is expected.

    `rules` is the validation view of the `fields` table: it has no value of its own.
    """

    key: str
    title: str
    kind: Kind
    level: int
    hint: str = ""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Audience:
    key: str
    name: str
    level: int  # the lowest level this specialist can work from without guessing


AUDIENCES: tuple[Audience, ...] = (
    Audience("project_manager", QT_TRANSLATE_NOOP("Briefs", "Project manager"), 1),
    Audience("ux_designer", QT_TRANSLATE_NOOP("Briefs", "UX designer"), 3),
    Audience("developer", QT_TRANSLATE_NOOP("Briefs", "Developer"), 8),
    Audience("qa", QT_TRANSLATE_NOOP("Briefs", "QA engineer"), 9),
    Audience("seo", QT_TRANSLATE_NOOP("Briefs", "SEO specialist"), 5),
    Audience("ppc", QT_TRANSLATE_NOOP("Briefs", "PPC specialist"), 5),
    Audience("smm", QT_TRANSLATE_NOOP("Briefs", "SMM specialist"), 4),
    Audience("designer", QT_TRANSLATE_NOOP("Briefs", "Designer"), 6),
    Audience("copywriter", QT_TRANSLATE_NOOP("Briefs", "Copywriter"), 7),
)
AUDIENCE_NAMES = {a.key: a.name for a in AUDIENCES}
DEFAULT_AUDIENCE_LEVELS = {a.key: a.level for a in AUDIENCES}

# Every section a built-in template uses: title, kind, what to write there.
_CATALOGUE: dict[str, tuple[str, Kind, str]] = {
    "title": (
        QT_TRANSLATE_NOOP("Briefs", "Title"),
        "line",
        QT_TRANSLATE_NOOP("Briefs", "What needs to be done, in one line"),
    ),
    "goal": (
        QT_TRANSLATE_NOOP("Briefs", "Goal"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "What the client wants and why it matters to them"),
    ),
    "context": (
        QT_TRANSLATE_NOOP("Briefs", "Context and links"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "Prototype, page, accounts: one per line"),
    ),
    "deadline": (QT_TRANSLATE_NOOP("Briefs", "Deadline"), "date", ""),
    "estimate": (
        QT_TRANSLATE_NOOP("Briefs", "Effort estimate"),
        "number",
        QT_TRANSLATE_NOOP("Briefs", "Hours of work"),
    ),
    "acceptance": (
        QT_TRANSLATE_NOOP("Briefs", "Acceptance criteria"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "How we will know it is done: one per line"),
    ),
    "placement": (
        QT_TRANSLATE_NOOP("Briefs", "Placement"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Where on the page or in the product it goes"),
    ),
    "content": (
        QT_TRANSLATE_NOOP("Briefs", "Content"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Heading, texts, button labels"),
    ),
    "fields": (QT_TRANSLATE_NOOP("Briefs", "Fields"), "fields", ""),
    "validation": (QT_TRANSLATE_NOOP("Briefs", "Validation and error messages"), "rules", ""),
    "after_submit": (
        QT_TRANSLATE_NOOP("Briefs", "After submit"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Pop-up, emails, redirects"),
    ),
    "edge_cases": (
        QT_TRANSLATE_NOOP("Briefs", "Edge cases"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "What if…: one per line"),
    ),
    "analytics": (
        QT_TRANSLATE_NOOP("Briefs", "Analytics events"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "Event names and when they fire: one per line"),
    ),
    "page_blocks": (
        QT_TRANSLATE_NOOP("Briefs", "Page blocks"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "The blocks of the page, top to bottom"),
    ),
    "steps": (
        QT_TRANSLATE_NOOP("Briefs", "Steps to reproduce"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "One step per line"),
    ),
    "expected": (
        QT_TRANSLATE_NOOP("Briefs", "Expected and actual behaviour"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "What should happen, what happens"),
    ),
    "environment": (
        QT_TRANSLATE_NOOP("Briefs", "Environment"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Browser, device, account, time it happened"),
    ),
    "regression": (
        QT_TRANSLATE_NOOP("Briefs", "What to re-check"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "Pages and features the fix may touch"),
    ),
    "pages": (
        QT_TRANSLATE_NOOP("Briefs", "Target pages"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "One address per line"),
    ),
    "keywords": (
        QT_TRANSLATE_NOOP("Briefs", "Keywords"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "One phrase per line"),
    ),
    "meta": (QT_TRANSLATE_NOOP("Briefs", "Titles, descriptions, headings"), "text", ""),
    "budget": (
        QT_TRANSLATE_NOOP("Briefs", "Budget and bidding"),
        "line",
        QT_TRANSLATE_NOOP("Briefs", "Monthly budget, bidding strategy"),
    ),
    "targeting": (
        QT_TRANSLATE_NOOP("Briefs", "Targeting"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Regions, audiences, schedule"),
    ),
    "ads": (QT_TRANSLATE_NOOP("Briefs", "Ad texts and extensions"), "text", ""),
    "tracking": (
        QT_TRANSLATE_NOOP("Briefs", "Goals and tracking"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "Goals, UTM tags, call tracking"),
    ),
    "platforms": (
        QT_TRANSLATE_NOOP("Briefs", "Platforms"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "One network per line"),
    ),
    "topics": (
        QT_TRANSLATE_NOOP("Briefs", "Topics and formats"),
        "list",
        QT_TRANSLATE_NOOP("Briefs", "One topic per line"),
    ),
    "schedule": (
        QT_TRANSLATE_NOOP("Briefs", "Posting schedule"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Days, times, frequency"),
    ),
    "approval": (
        QT_TRANSLATE_NOOP("Briefs", "Approval"),
        "text",
        QT_TRANSLATE_NOOP("Briefs", "Who signs off, and by when"),
    ),
}
_UNITS = {"estimate": QT_TRANSLATE_NOOP("Briefs", "h")}


def _section(key: str, level: int, **override: str) -> Section:
    title, kind, hint = _CATALOGUE[key]
    return Section(
        key,
        override.get("title", title),
        kind,
        level,
        override.get("hint", hint),
        _UNITS.get(key, ""),
    )


@dataclass(frozen=True, slots=True)
class Template:
    """A kind of task: its sections in reading order, and where a new brief of it starts."""

    key: str
    name: str
    description: str
    sections: tuple[Section, ...]
    level: int = 3
    audience: str = "developer"
    starter: Mapping[str, Any] = field(default_factory=dict)
    builtin: bool = True

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def expected(self, level: int) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.level <= level)


def _template(
    key: str,
    name: str,
    description: str,
    layout: Iterable[tuple[str, int] | tuple[str, int, dict[str, str]]],
    *,
    level: int,
    audience: str,
) -> Template:
    sections = tuple(
        _section(item[0], item[1], **(item[2] if len(item) == 3 else {})) for item in layout
    )
    return Template(key, name, description, sections, level, audience)


_DEFAULT_LAYOUT: tuple[tuple[str, int], ...] = (
    ("title", 1),
    ("goal", 2),
    ("context", 3),
    ("deadline", 4),
    ("estimate", 4),
    ("acceptance", 5),
    ("placement", 6),
    ("content", 7),
    ("fields", 8),
    ("validation", 9),
    ("after_submit", 10),
    ("edge_cases", 10),
    ("analytics", 10),
)
_START = (("title", 1), ("goal", 2), ("context", 3), ("deadline", 4), ("estimate", 4))

BUILTIN_TEMPLATES: tuple[Template, ...] = (
    _template(
        "generic",
        QT_TRANSLATE_NOOP("Briefs", "Generic task"),
        QT_TRANSLATE_NOOP(
            "Briefs",
            "Any task: goal, context, deadline, acceptance, then details as the level grows",
        ),
        (
            *_START,
            ("acceptance", 5),
            ("placement", 6),
            ("content", 7),
            ("edge_cases", 8),
            ("approval", 9),
            (
                "analytics",
                10,
                {"title": QT_TRANSLATE_NOOP("Briefs", "How results are measured"), "hint": ""},
            ),
        ),
        level=3,
        audience="project_manager",
    ),
    _template(
        "web_form",
        QT_TRANSLATE_NOOP("Briefs", "Web form"),
        QT_TRANSLATE_NOOP(
            "Briefs",
            "A form on a site or in a prototype: fields, checks, what happens after sending",
        ),
        _DEFAULT_LAYOUT,
        level=8,
        audience="developer",
    ),
    _template(
        "landing_page",
        QT_TRANSLATE_NOOP("Briefs", "Landing page"),
        QT_TRANSLATE_NOOP("Briefs", "A page for a campaign or an offer, with its lead form"),
        (
            *_START,
            ("acceptance", 5),
            ("page_blocks", 6),
            ("content", 7),
            ("fields", 8),
            ("validation", 9),
            ("after_submit", 10),
            ("edge_cases", 10),
            ("analytics", 10),
        ),
        level=7,
        audience="designer",
    ),
    _template(
        "bug_fix",
        QT_TRANSLATE_NOOP("Briefs", "Bug fix"),
        QT_TRANSLATE_NOOP("Briefs", "Something broken: how to see it, what should happen instead"),
        (
            ("title", 1),
            ("expected", 2),
            ("steps", 3),
            ("context", 3),
            ("deadline", 4),
            ("estimate", 4),
            ("acceptance", 5),
            ("environment", 6),
            ("edge_cases", 8),
            ("regression", 9),
        ),
        level=6,
        audience="developer",
    ),
    _template(
        "seo_task",
        QT_TRANSLATE_NOOP("Briefs", "SEO task"),
        QT_TRANSLATE_NOOP("Briefs", "Pages, queries and meta tags to work on"),
        (
            *_START,
            ("acceptance", 5),
            ("pages", 6),
            ("keywords", 7),
            ("meta", 8),
            (
                "analytics",
                9,
                {
                    "title": QT_TRANSLATE_NOOP("Briefs", "How results are measured"),
                    "hint": QT_TRANSLATE_NOOP("Briefs", "Positions, traffic"),
                },
            ),
        ),
        level=5,
        audience="seo",
    ),
    _template(
        "ppc_campaign",
        QT_TRANSLATE_NOOP("Briefs", "PPC campaign"),
        QT_TRANSLATE_NOOP("Briefs", "An advertising campaign: budget, targeting, ads, tracking"),
        (
            *_START,
            ("acceptance", 5),
            ("budget", 6),
            ("targeting", 6),
            ("keywords", 7),
            ("ads", 8),
            ("tracking", 9),
            (
                "edge_cases",
                10,
                {"title": QT_TRANSLATE_NOOP("Briefs", "Limits and stop rules"), "hint": ""},
            ),
        ),
        level=5,
        audience="ppc",
    ),
    _template(
        "smm_content_plan",
        QT_TRANSLATE_NOOP("Briefs", "SMM content plan"),
        QT_TRANSLATE_NOOP("Briefs", "Posts for a period: where, what about, when, who approves"),
        (
            *_START,
            ("acceptance", 5),
            ("platforms", 6),
            ("topics", 7),
            ("schedule", 8),
            (
                "content",
                8,
                {"title": QT_TRANSLATE_NOOP("Briefs", "Post texts and visuals"), "hint": ""},
            ),
            ("approval", 9),
            (
                "analytics",
                10,
                {
                    "title": QT_TRANSLATE_NOOP("Briefs", "How results are measured"),
                    "hint": QT_TRANSLATE_NOOP("Briefs", "Reach, clicks"),
                },
            ),
        ),
        level=5,
        audience="smm",
    ),
)


# --- Templates an agency adds, as stored in its settings --------------------------------------
class _SectionData(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    level: int = Field(ge=MIN_LEVEL, le=MAX_LEVEL)
    title: str | None = Field(default=None, min_length=1, max_length=80)
    kind: Kind | None = None
    hint: str | None = Field(default=None, max_length=200)


class TemplateData(BaseModel):
    """An agency's own template as JSON; sections not in the catalogue need a title and kind."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    name: str = Field(min_length=1, max_length=80)
    description: str = Field(default="", max_length=300)
    level: int = Field(default=3, ge=MIN_LEVEL, le=MAX_LEVEL)
    audience: str = "developer"
    sections: list[_SectionData] = Field(min_length=1)
    starter: dict[str, Any] = Field(default_factory=dict)

    @field_validator("audience")
    @classmethod
    def _known_audience(cls, value: str) -> str:
        if value not in AUDIENCE_NAMES:
            raise ValueError(
                translate("Briefs", "“{value}” is not an audience").format(value=value)
            )
        return value

    @field_validator("sections")
    @classmethod
    def _sound_sections(cls, sections: list[_SectionData]) -> list[_SectionData]:
        keys = [s.key for s in sections]
        if len(set(keys)) != len(keys):
            raise ValueError(translate("Briefs", "a section is listed twice"))
        if "title" not in keys:
            raise ValueError(translate("Briefs", "a template needs the title section"))
        for s in sections:
            if s.key not in _CATALOGUE and (s.title is None or s.kind is None):
                raise ValueError(
                    translate("Briefs", "the new section “{key}” needs a title and a kind").format(
                        key=s.key
                    )
                )
        if "validation" in keys and "fields" not in keys:
            raise ValueError(translate("Briefs", "validation needs the fields section"))
        return sections

    def build(self) -> Template:
        sections = []
        for s in self.sections:
            title, kind, hint = _CATALOGUE.get(s.key, ("", "text", ""))
            title, hint = _tr(title), _tr(hint)
            level = 1 if s.key == "title" else s.level
            sections.append(
                Section(
                    s.key,
                    s.title or title,
                    s.kind or kind,
                    level,
                    s.hint if s.hint is not None else hint,
                    _tr(_UNITS.get(s.key, "")),
                )
            )
        return Template(
            self.key,
            self.name,
            self.description,
            tuple(sections),
            self.level,
            self.audience,
            dict(self.starter),
            builtin=False,
        )


def _tr(text: str) -> str:
    return translate("Briefs", text) if text else ""


def localised(template: Template) -> Template:
    """A built-in template in the reader's language: its names, titles and hints are
    written in English in this module and translated when the templates are listed."""
    sections = tuple(
        replace(s, title=_tr(s.title), hint=_tr(s.hint), unit=_tr(s.unit))
        for s in template.sections
    )
    return replace(
        template, name=_tr(template.name), description=_tr(template.description), sections=sections
    )


def audience_name(key: str) -> str:
    return _tr(AUDIENCE_NAMES.get(key, key))


def template_data(template: Template) -> dict[str, Any]:
    """A template as the agency's settings store it (the inverse of `TemplateData.build`)."""
    return {
        "key": template.key,
        "name": template.name,
        "description": template.description,
        "level": template.level,
        "audience": template.audience,
        "sections": [
            {"key": s.key, "level": s.level, "title": s.title, "kind": s.kind, "hint": s.hint}
            for s in template.sections
        ],
        "starter": dict(template.starter),
    }


@dataclass(frozen=True)
class Templates:
    """The built-in templates and the agency's own, by key; an agency template may replace a
    built-in one of the same key. A brief whose template is gone is laid out as generic."""

    by_key: Mapping[str, Template]

    @classmethod
    def of(cls, agency: Iterable[Template] = ()) -> Templates:
        merged = {t.key: localised(t) for t in BUILTIN_TEMPLATES}
        merged.update((t.key, t) for t in agency)
        return cls(merged)

    def get(self, key: str) -> Template:
        return self.by_key.get(key) or self.by_key["generic"]

    def __iter__(self) -> Any:
        return iter(self.by_key.values())


def agency_templates(stored: Any) -> list[Template]:
    """The agency's templates from its settings; an entry that no longer parses is skipped
    rather than making every brief unreadable."""
    templates = []
    for item in stored if isinstance(stored, list) else []:
        try:
            templates.append(TemplateData.model_validate(item).build())
        except ValidationError:
            continue
    return templates
