"""Keeping the translation catalogues in step with the sources: `python -m ui.common.translations`.

Qt's `pyside6-lupdate` reads every translatable string out of `ui/` and `accdesk/` into
`resources/translations/accdesk_ru.ts`; `pyside6-lrelease` compiles each `.ts` into the `.qm`
the application loads. One thing lupdate's Python reader misses: a `translate()` call whose
count is a variable is not marked as a plural. Every source with `%n` is a plural here, so
this step marks them, keeps the forms already translated, and writes the English catalogue
(plural forms only: English sources say "%n project(s)").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from accdesk.text import english_plural

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
RU, EN = FOLDER / "accdesk_ru.ts", FOLDER / "accdesk_en.ts"
PLACEHOLDER = re.compile(r"%\d|\{[^}]*\}")

Key = tuple[str, str]  # (context, source)


@dataclass
class Message:
    context: str
    source: str
    forms: list[str]  # one text, or one per plural form; empty when not translated
    finished: bool

    @property
    def plural(self) -> bool:
        return "%n" in self.source


def sources() -> list[Path]:
    """Every module of both packages; migrations say nothing to a person."""
    found = [*ROOT.glob("ui/**/*.py"), *ROOT.glob("accdesk/**/*.py")]
    return sorted(p for p in found if "migrations" not in p.parts)


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this interpreter, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (it comes with PySide6-Essentials)")
    return found


def read(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            translation = m.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or (
                [translation.text] if translation.text else []
            )
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            messages.append(Message(name, m.findtext("source") or "", forms, finished))
    return messages


def write(path: Path, language: str, messages: list[Message]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for m in messages:
        by_context.setdefault(m.context, []).append(m)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for m in sorted(by_context[name], key=lambda m: m.source):
            element = ET.SubElement(context, "message")
            if m.plural:
                element.set("numerus", "yes")
            ET.SubElement(element, "source").text = m.source
            translation = ET.SubElement(element, "translation")
            if not m.finished or not m.forms:
                translation.set("type", "unfinished")
            if m.plural:
                for form in m.forms or [""]:
                    ET.SubElement(translation, "numerusform").text = form
            elif m.forms:
                translation.text = m.forms[0]
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def extracted() -> list[Key]:
    """What lupdate finds in the sources now, as (context, source)."""
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "all.ts"
        command = [tool("pyside6-lupdate"), *map(str, sources())]
        command += ["-locations", "none", "-ts", str(target)]
        subprocess.run(command, check=True, capture_output=True)
        return [(m.context, m.source) for m in read(target)]


def english_forms(source: str) -> list[str]:
    """English singular and plural of a source, for the English catalogue."""
    return [english_plural(source, True), english_plural(source, False)]


def update() -> tuple[int, int]:
    """Bring both catalogues up to date; returns (messages, still untranslated in Russian)."""
    keys = extracted()
    old_ru = {(m.context, m.source): m for m in read(RU)} if RU.exists() else {}
    old_en = {(m.context, m.source): m for m in read(EN)} if EN.exists() else {}
    moved = _moved(old_ru, set(keys))
    ru, en = [], []
    for context, source in keys:
        kept = old_ru.get((context, source)) or moved.get(source)
        done = bool(kept and kept.finished)
        ru.append(Message(context, source, kept.forms if kept else [], done))
        if "%n" in source:
            known = old_en.get((context, source))
            forms = known.forms if known and known.finished else english_forms(source)
            en.append(Message(context, source, forms, True))
    write(RU, "ru", ru)
    write(EN, "en", en)
    for ts in (RU, EN):
        release(ts, ts.with_suffix(".qm"))
    return len(ru), sum(1 for m in ru if not (m.finished and m.forms))


def _moved(old: dict[Key, Message], now: set[Key]) -> dict[str, Message]:
    """Translations of sources whose context is gone (code moved to another class): each is
    carried to the source's new context when every old context translated it the same way."""
    found: dict[str, list[Message]] = {}
    for key, message in old.items():
        if key not in now and message.finished and message.forms:
            found.setdefault(key[1], []).append(message)
    return {
        source: messages[0]
        for source, messages in found.items()
        if all(m.forms == messages[0].forms for m in messages)
    }


def release(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True)


def main() -> int:
    total, missing = update()
    print(f"{total} messages; {missing} still need a Russian translation ({RU.name})")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
