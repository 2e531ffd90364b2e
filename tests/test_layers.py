"""The house rules of docs/ARCHITECTURE.md, checked: the pure core imports no store, no face,
no database driver and no web framework, and no module reaches into another's privates."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("args", [["--help"], ["story", "add", "--help"], ["bank", "--help"]])
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    """`storyladder --help` and a subcommand's `--help` print from the command table alone.
    Nothing heavy is imported to print them: no coach, model, taxonomy, web framework or
    database driver; not pydantic (typer would import it to coerce the missing global
    options); not Rich (imported on first output)."""
    import subprocess
    import sys

    probe = (
        f"import sys, runpy; sys.argv = ['storyladder', *{args!r}]\n"
        "try:\n    runpy.run_module('storyladder', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('storyladder.coach', "
        "'storyladder.taxonomy', 'storyladder.model', 'storyladder.formats', 'fastapi', "
        "'sqlalchemy', 'faster_whisper', 'pydantic', 'rich'))]\n"
        "print('HEAVY', sorted(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout, result.stdout[-400:] + result.stderr[-400:]
    assert "Usage:" in result.stdout
