"""Briefs without a screen: levels, completeness, rendering, revisions and drafts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accdesk.briefs.content import (
    BriefContent,
    FieldSpec,
    audience_gap,
    completeness,
    from_json,
    problems,
    to_json,
)
from accdesk.briefs.render import brief_html, brief_markdown, diff_lines
from accdesk.briefs.schema import DEFAULT_AUDIENCE_LEVELS, TemplateData, Templates
from accdesk.demo.briefs import NEWSLETTER
from accdesk.errors import ValidationError
from accdesk.ops.briefs import (
    create_brief,
    draft_for,
    find_brief,
    get_brief,
    revisions,
    save_draft,
    save_template,
    set_audience_levels,
    templates,
    update_brief,
)
from accdesk.ops.queue import list_queue
from accdesk.storage.db import Database

WEB_FORM = Templates.of().get("web_form")
FULL = BriefContent(
    "Форма подписки",
    10,
    "developer",
    "web_form",
    {**NEWSLETTER, "deadline": date(2026, 12, 4), "estimate": 6.0},
)


def test_each_level_expects_the_sections_of_the_levels_below_it() -> None:
    counts = [len(WEB_FORM.expected(level)) for level in range(1, 11)]
    assert counts == [1, 2, 3, 5, 6, 7, 8, 9, 10, 13]
    assert [s.key for s in WEB_FORM.expected(4)][-2:] == ["deadline", "estimate"]


def test_level_1_renders_the_title_alone_and_level_10_the_whole_spec() -> None:
    assert brief_markdown(WEB_FORM, FULL.__class__(FULL.title, 1, values=FULL.values)) == (
        "# Форма подписки\n"
    )
    text = brief_markdown(WEB_FORM, FULL)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == 12
    assert "| consent | checkbox | yes |" in text
    assert "| email | адрес вида имя@домен | Проверьте адрес: нужен знак @ |" in text


def test_completeness_and_the_audience_gap() -> None:
    half = BriefContent("Форма", 8, "developer", "web_form", {"goal": "Подписчики"})
    done = completeness(WEB_FORM, half)
    assert (done.done, len(done.expected)) == (2, 9)
    low = BriefContent("Форма", 3, "developer", "web_form", dict(FULL.values))
    gap = audience_gap(WEB_FORM, low, DEFAULT_AUDIENCE_LEVELS)
    assert gap is not None and gap.level == 8
    assert [s.key for s in gap.missing] == [
        "deadline",
        "estimate",
        "acceptance",
        "placement",
        "content",
        "fields",
    ]
    pm = BriefContent("Форма", 3, "project_manager", "web_form")
    assert audience_gap(WEB_FORM, pm, DEFAULT_AUDIENCE_LEVELS) is None


def test_problems_name_the_place_to_fix() -> None:
    bad = BriefContent(
        " ",
        9,
        "developer",
        "web_form",
        {
            "estimate": -1.0,
            "fields": (
                FieldSpec("email"),
                FieldSpec("Email "),
                FieldSpec(""),
                FieldSpec("x", rule="r"),
            ),
        },
    )
    assert problems(WEB_FORM, bad) == {
        "title": "write what needs to be done",
        "estimate": "cannot be below zero",
        "fields.2.name": "“Email” is already row 1",
        "fields.3.name": "the field needs a name",
        "fields.4.error": "say what the visitor sees when the rule fails",
    }
    hidden = BriefContent("Форма", 3, "developer", "web_form", {"fields": (FieldSpec(""),)})
    assert problems(WEB_FORM, hidden) == {}  # not shown at level 3, so not in the way


@given(
    title=st.text(max_size=40),
    level=st.integers(1, 10),
    goal=st.text(max_size=60),
    items=st.lists(st.text(min_size=1, max_size=20), max_size=4),
)
def test_content_survives_its_stored_form(
    title: str, level: int, goal: str, items: list[str]
) -> None:
    content = BriefContent(
        title,
        level,
        "qa",
        "web_form",
        {
            "goal": goal,
            "context": tuple(items),
            "deadline": date(2027, 1, 5),
            "fields": (FieldSpec("a", "date", True, "r", "e"),),
        },
    )
    assert from_json(to_json(content)) == content


def test_html_escapes_everything_typed() -> None:
    content = BriefContent("<script>x</script>", 2, values={"goal": "a & <b>b</b>"})
    html = brief_html(Templates.of().get("generic"), content)
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "a &amp; &lt;b&gt;b&lt;/b&gt;" in html


def test_diff_marks_removed_and_added_lines() -> None:
    assert diff_lines("a\nb\nc", "a\nB\nc") == [
        ("same", "a"),
        ("removed", "b"),
        ("added", "B"),
        ("same", "c"),
    ]


def test_an_agency_template_must_be_sound() -> None:
    with pytest.raises(Exception, match="needs the title section"):
        TemplateData.model_validate(
            {"key": "x", "name": "X", "sections": [{"key": "goal", "level": 2}]}
        )
    with pytest.raises(Exception, match="needs a title and a kind"):
        TemplateData.model_validate(
            {
                "key": "x",
                "name": "X",
                "sections": [{"key": "title", "level": 1}, {"key": "api", "level": 4}],
            }
        )


def _project(db: Database):  # type: ignore[no-untyped-def]
    return list_queue(db)[0].id


def test_saves_close_together_share_a_revision(demo_db: Database) -> None:
    doc, _ = create_brief(
        demo_db, _project(demo_db), {"title": "Лендинг", "template": "landing_page"}
    )
    assert get_brief(demo_db, doc.id).level == 7  # the template's starting level
    version = doc.version
    for title in ("Лендинг 1", "Лендинг 2"):
        version = update_brief(
            demo_db, doc.id, {"title": title}, expected_version=version
        ).versions[doc.id]
    assert [(r.number, r.content.title) for r in revisions(demo_db, doc.id)] == [(1, "Лендинг 2")]


def test_a_late_draft_never_replaces_a_newer_save(demo_db: Database) -> None:
    doc, _ = create_brief(demo_db, _project(demo_db), {"title": "Форма"})
    typed = to_json(BriefContent("Форма с опечат", 3))
    update_brief(demo_db, doc.id, {"title": "Форма с опечаткой"}, expected_version=doc.version)
    save_draft(demo_db, doc.id, {"content": typed}, based_on=doc.version)
    assert draft_for(demo_db, doc.id) is None
    save_draft(demo_db, doc.id, {"content": typed}, based_on=doc.version + 1)
    draft = draft_for(demo_db, doc.id)
    assert draft is not None and draft.content.title == "Форма с опечат"


def test_a_saved_template_starts_new_briefs_with_its_text(demo_db: Database) -> None:
    doc, _ = create_brief(demo_db, _project(demo_db), {"title": "Ошибка", "template": "bug_fix"})
    update_brief(
        demo_db,
        doc.id,
        {"values": {"steps": ["Открыть корзину", "Нажать «Оплатить»"]}},
        expected_version=doc.version,
    )
    template, _ = save_template(demo_db, doc.id, "Ошибка оплаты")
    assert template.key == "agency_1" and templates(demo_db).get("agency_1").name == "Ошибка оплаты"
    new, _ = create_brief(demo_db, _project(demo_db), {"title": "Снова", "template": "agency_1"})
    assert new.content.values["steps"] == ("Открыть корзину", "Нажать «Оплатить»")
    assert find_brief(demo_db, new.code).id == new.id


def test_audience_levels_are_checked(demo_db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        set_audience_levels(demo_db, {"qa": 11, "boss": 3})
    assert caught.value.errors == {
        "qa": "must be a whole number from 1 to 10",
        "boss": "is not an audience",
    }
