"""A brief as a specialist reads it: Markdown for trackers and git, HTML for mail and PDF.

Rendering goes through a small block structure (headings, paragraphs, bullet lists,
tables) kept per section, so the editor's preview can redraw only the section that
changed, and both writers agree on what a level shows.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from accdesk.briefs.content import BriefContent, is_filled
from accdesk.briefs.schema import Section, Template
from accdesk.text import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    depth: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


YES, NO = QT_TRANSLATE_NOOP("Briefs", "yes"), QT_TRANSLATE_NOOP("Briefs", "no")
Block = Heading | Paragraph | Bullets | Table
Part = tuple[str, tuple[Block, ...]]  # (section key, its blocks)


def render(template: Template, content: BriefContent) -> tuple[Part, ...]:
    """The parts the brief shows at its level: the title, then each filled section in the
    template's order, then the notes if there are any."""
    parts: list[Part] = [("title", (Heading(content.title.strip(), 1),))]
    for section in template.expected(content.level):
        if section.key != "title" and is_filled(section, content):
            parts.append((section.key, (Heading(section.title, 2), *_body(section, content))))
    if content.notes.strip():
        parts.append(
            ("notes", (Heading(translate("Briefs", "Notes"), 2), Paragraph(content.notes.strip())))
        )
    return tuple(parts)


def _body(section: Section, content: BriefContent) -> tuple[Block, ...]:
    value = content.value(section.key)
    if section.kind == "fields":
        rows = tuple(
            (f.name.strip(), f.type, translate("Briefs", YES if f.required else NO))
            for f in content.fields
            if f.name.strip()
        )
        header = (
            translate("Briefs", "Field"),
            translate("Briefs", "Type"),
            translate("Briefs", "Required"),
        )
        return (Table(header, rows),)
    if section.kind == "rules":
        rules = tuple(
            (f.name.strip(), f.rule.strip(), f.error.strip())
            for f in content.fields
            if f.rule.strip()
        )
        header = (
            translate("Briefs", "Field"),
            translate("Briefs", "Rule"),
            translate("Briefs", "Error message"),
        )
        return (Table(header, rules),)
    if section.kind == "list":
        return (Bullets(tuple(item.strip() for item in value if item.strip())),)
    if section.kind == "date":
        return (Paragraph(value.isoformat()),)
    if section.kind == "number":
        amount = f"{value:g}"
        return (Paragraph(f"{amount} {section.unit}".strip()),)
    return tuple(Paragraph(p.strip()) for p in str(value).split("\n\n") if p.strip())


# --- Markdown ----------------------------------------------------------------------------------
def markdown(parts: Sequence[Part]) -> str:
    chunks = [_md_block(block) for _key, blocks in parts for block in blocks]
    return "\n\n".join(chunks) + "\n"


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.depth} {block.text}"
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(f"- {item}" for item in block.items)
    lines = [_md_row(block.header), "|" + "---|" * len(block.header)]
    lines.extend(_md_row(row) for row in block.rows)
    return "\n".join(lines)


def _md_row(cells: tuple[str, ...]) -> str:
    # A pipe would end the cell early; a line break would end the table.
    escaped = (c.replace("|", "\\|").replace("\n", " ") for c in cells)
    return "| " + " | ".join(escaped) + " |"


# --- HTML --------------------------------------------------------------------------------------
STYLE = """
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt; color: #1d2733; }
h1 { font-size: 13pt; margin: 0 0 6pt 0; }
h2 { font-size: 11pt; margin: 10pt 0 4pt 0; color: #2b4a6f; }
table { margin: 4pt 0 8pt 0; border-color: #b8c2cc; }
th, td { padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
"""


def html_block(block: Block) -> str:
    """One block as HTML; everything a person typed is escaped, so `<script>` stays text."""
    if isinstance(block, Heading):
        return f"<h{block.depth}>{_esc(block.text)}</h{block.depth}>"
    if isinstance(block, Paragraph):
        return f"<p>{_esc(block.text)}</p>".replace("\n", "<br>")
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_esc(i)}</li>" for i in block.items) + "</ul>"
    head = "".join(f"<th>{_esc(c)}</th>" for c in block.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in block.rows
    )
    return f'<table border="1" cellspacing="0" cellpadding="5"><tr>{head}</tr>{rows}</table>'


def html_document(parts: Sequence[Part]) -> str:
    title = parts[0][1][0].text if parts and isinstance(parts[0][1][0], Heading) else ""
    body = "\n".join(html_block(block) for _key, blocks in parts for block in blocks)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{_esc(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def brief_markdown(template: Template, content: BriefContent) -> str:
    return markdown(render(template, content))


def brief_html(template: Template, content: BriefContent) -> str:
    return html_document(render(template, content))


# --- Differences between two revisions ------------------------------------------------------
LineKind = Literal["same", "removed", "added"]


def diff_lines(before: str, after: str) -> list[tuple[LineKind, str]]:
    """Line by line, what changed from one rendering of a brief to another."""
    old, new = before.splitlines(), after.splitlines()
    result: list[tuple[LineKind, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            result.extend(("same", line) for line in old[i1:i2])
            continue
        result.extend(("removed", line) for line in old[i1:i2])
        result.extend(("added", line) for line in new[j1:j2])
    return result
