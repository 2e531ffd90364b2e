"""The house rules of docs/ARCHITECTURE.md, checked: the pure core imports no store, no face,
no database driver and no web framework, and no module reaches into another's privates."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parent.parent / "src" / "storyladder"
CORE = ["model.py", "taxonomy.py", "coach", "interview", "plan"]
FORBIDDEN = (
    "storyladder.store",
    "storyladder.cli",
    "storyladder.web",
    "storyladder.mcp_server",
    "sqlalchemy",
    "fastapi",
    "starlette",
    "typer",
    "rich",
    "psycopg",
)


def _files(*parts: str) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        path = SRC / part
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return out


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_the_pure_core_imports_no_store_face_or_driver() -> None:
    bad = [
        f"{path.relative_to(SRC)}: {module}"
        for path in _files(*CORE)
        for module, _ in _imports(path)
        if module.startswith(FORBIDDEN)
    ]
    assert bad == []


def test_no_module_imports_another_modules_private_names() -> None:
    bad = [
        f"{path.relative_to(SRC)}: from {module} import {name}"
        for path in _files(".")
        for module, names in _imports(path)
        if module.startswith("storyladder")
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert bad == []


def test_help_imports_nothing_heavy() -> None:
    """`storyladder --help` prints from the command table alone: no coach, no model, no
    taxonomy, no web framework, no database driver is imported to print it."""
    import subprocess
    import sys

    probe = (
        "import sys, runpy; sys.argv = ['storyladder', '--help']\n"
        "try:\n    runpy.run_module('storyladder', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('storyladder.coach', "
        "'storyladder.taxonomy', 'storyladder.model', 'storyladder.formats', 'fastapi', "
        "'sqlalchemy', 'faster_whisper'))]\n"
        "print('HEAVY', sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    assert "HEAVY []" in out, out[-400:]
