"""What a brief should contain at each level of detail, for each kind of task.

A brief's level (1..10) decides which sections it is expected to have: a level-1 brief is
one line, a level-10 brief a full spec. Which sections there are, and at which level each
becomes expected, is data: a `Template` lists its sections with their levels, so an agency
can add a template (or move a section to another level) without touching the editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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
    Audience("project_manager", "Project manager", 1),
    Audience("ux_designer", "UX designer", 3),
    Audience("developer", "Developer", 8),
    Audience("qa", "QA engineer", 9),
    Audience("seo", "SEO specialist", 5),
    Audience("ppc", "PPC specialist", 5),
    Audience("smm", "SMM specialist", 4),
    Audience("designer", "Designer", 6),
    Audience("copywriter", "Copywriter", 7),
)
AUDIENCE_NAMES = {a.key: a.name for a in AUDIENCES}
DEFAULT_AUDIENCE_LEVELS = {a.key: a.level for a in AUDIENCES}

# Every section a built-in template uses: title, kind, what to write there.
_CATALOGUE: dict[str, tuple[str, Kind, str]] = {
    "title": ("Title", "line", "What needs to be done, in one line"),
    "goal": ("Goal", "text", "What the client wants and why it matters to them"),
    "context": ("Context and links", "list", "Prototype, page, accounts: one per line"),
    "deadline": ("Deadline", "date", ""),
    "estimate": ("Effort estimate", "number", "Hours of work"),
    "acceptance": ("Acceptance criteria", "list", "How we will know it is done: one per line"),
    "placement": ("Placement", "text", "Where on the page or in the product it goes"),
    "content": ("Content", "text", "Heading, texts, button labels"),
    "fields": ("Fields", "fields", ""),
    "validation": ("Validation and error messages", "rules", ""),
    "after_submit": ("After submit", "text", "Pop-up, emails, redirects"),
    "edge_cases": ("Edge cases", "list", "What if…: one per line"),
    "analytics": ("Analytics events", "list", "Event names and when they fire: one per line"),
    "page_blocks": ("Page blocks", "list", "The blocks of the page, top to bottom"),
    "steps": ("Steps to reproduce", "list", "One step per line"),
    "expected": ("Expected and actual behaviour", "text", "What should happen, what happens"),
    "environment": ("Environment", "text", "Browser, device, account, time it happened"),
    "regression": ("What to re-check", "list", "Pages and features the fix may touch"),
    "pages": ("Target pages", "list", "One address per line"),
    "keywords": ("Keywords", "list", "One phrase per line"),
    "meta": ("Titles, descriptions, headings", "text", ""),
    "budget": ("Budget and bidding", "line", "Monthly budget, bidding strategy"),
    "targeting": ("Targeting", "text", "Regions, audiences, schedule"),
    "ads": ("Ad texts and extensions", "text", ""),
    "tracking": ("Goals and tracking", "list", "Goals, UTM tags, call tracking"),
    "platforms": ("Platforms", "list", "One network per line"),
    "topics": ("Topics and formats", "list", "One topic per line"),
    "schedule": ("Posting schedule", "text", "Days, times, frequency"),
    "approval": ("Approval", "text", "Who signs off, and by when"),
}
_UNITS = {"estimate": "h"}


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
        "Generic task",
        "Any task: goal, context, deadline, acceptance, then details as the level grows",
        (
            *_START,
            ("acceptance", 5),
            ("placement", 6),
            ("content", 7),
            ("edge_cases", 8),
            ("approval", 9),
            ("analytics", 10, {"title": "How results are measured", "hint": ""}),
        ),
        level=3,
        audience="project_manager",
    ),
    _template(
        "web_form",
        "Web form",
        "A form on a site or in a prototype: fields, checks, what happens after sending",
        _DEFAULT_LAYOUT,
        level=8,
        audience="developer",
    ),
    _template(
        "landing_page",
        "Landing page",
        "A page for a campaign or an offer, with its lead form",
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
        "Bug fix",
        "Something broken: how to see it, what should happen instead",
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
        "SEO task",
        "Pages, queries and meta tags to work on",
        (
            *_START,
            ("acceptance", 5),
            ("pages", 6),
            ("keywords", 7),
            ("meta", 8),
            ("analytics", 9, {"title": "How results are measured", "hint": "Positions, traffic"}),
        ),
        level=5,
        audience="seo",
    ),
    _template(
        "ppc_campaign",
        "PPC campaign",
        "An advertising campaign: budget, targeting, ads, tracking",
        (
            *_START,
            ("acceptance", 5),
            ("budget", 6),
            ("targeting", 6),
            ("keywords", 7),
            ("ads", 8),
            ("tracking", 9),
            ("edge_cases", 10, {"title": "Limits and stop rules", "hint": ""}),
        ),
        level=5,
        audience="ppc",
    ),
    _template(
        "smm_content_plan",
        "SMM content plan",
        "Posts for a period: where, what about, when, who approves",
        (
            *_START,
            ("acceptance", 5),
            ("platforms", 6),
            ("topics", 7),
            ("schedule", 8),
            ("content", 8, {"title": "Post texts and visuals", "hint": ""}),
            ("approval", 9),
            ("analytics", 10, {"title": "How results are measured", "hint": "Reach, clicks"}),
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
            raise ValueError(f"“{value}” is not an audience")
        return value

    @field_validator("sections")
    @classmethod
    def _sound_sections(cls, sections: list[_SectionData]) -> list[_SectionData]:
        keys = [s.key for s in sections]
        if len(set(keys)) != len(keys):
            raise ValueError("a section is listed twice")
        if "title" not in keys:
            raise ValueError("a template needs the title section")
        for s in sections:
            if s.key not in _CATALOGUE and (s.title is None or s.kind is None):
                raise ValueError(f"the new section “{s.key}” needs a title and a kind")
        if "validation" in keys and "fields" not in keys:
            raise ValueError("validation needs the fields section")
        return sections

    def build(self) -> Template:
        sections = []
        for s in self.sections:
            title, kind, hint = _CATALOGUE.get(s.key, ("", "text", ""))
            level = 1 if s.key == "title" else s.level
            sections.append(
                Section(
                    s.key,
                    s.title or title,
                    s.kind or kind,
                    level,
                    s.hint if s.hint is not None else hint,
                    _UNITS.get(s.key, ""),
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
        merged = {t.key: t for t in BUILTIN_TEMPLATES}
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
