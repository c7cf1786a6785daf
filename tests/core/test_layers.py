"""The core must run without a screen: nothing under accdesk/ may reach for Qt or the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

FORBIDDEN = ("PySide6", "pyqtgraph", "ui", "shiboken6")
CORE = Path(__file__).resolve().parents[2] / "accdesk"


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_core_module_imports_qt_or_ui() -> None:
    offenders = {
        str(path.relative_to(CORE.parent)): sorted(_imported_roots(path) & set(FORBIDDEN))
        for path in CORE.rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(CORE.parent).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


MODULE_LINES, FUNCTION_LINES = 600, 80
REASON = "# long: "  # what a module or function that is longer says about why


def _needs_reason(path: Path) -> list[str]:
    """What in `path` is longer than a reader takes in at once and does not say why: a
    module over MODULE_LINES without a `# long:` line near its top, a function over
    FUNCTION_LINES without one on the line above its `def` or its first line."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    if len(lines) > MODULE_LINES and not any(line.startswith(REASON) for line in lines[:40]):
        found.append(f"{len(lines)} lines")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            near = lines[first - 2 : node.lineno + 1]
            if size > FUNCTION_LINES and not any(line.strip().startswith(REASON) for line in near):
                found.append(f"{node.name}() is {size} lines")
    return found


def test_nothing_is_long_without_saying_why() -> None:
    root = CORE.parent
    long = {
        str(path.relative_to(root)): found
        for folder in ("accdesk", "ui")
        for path in (root / folder).rglob("*.py")
        if "versions" not in path.parts and (found := _needs_reason(path))
    }
    assert long == {}
