"""Docs that tests keep true: every command is in the README and has help with an example."""

from __future__ import annotations

from pathlib import Path

import typer

from storyladder.cli.main import app

README = (Path(__file__).parent.parent / "README.md").read_text()


def _commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    out = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None)
        if subs:
            out += [(f"{name} {sub}", c) for sub, c in subs.items()]
        else:
            out.append((name, command))
    return out


def test_every_command_is_in_the_readme() -> None:
    missing = [
        name
        for name, _ in _commands()
        if f"storyladder {name}" not in README and f"storyladder {name.split()[0]} " not in README
    ]
    assert missing == []


def test_every_command_has_help_with_an_example() -> None:
    bare = [name for name, c in _commands() if "Example:" not in (c.help or "")]  # type: ignore[attr-defined]
    assert bare == []


def test_the_rule_tables_in_the_coach_doc_are_made_from_the_data() -> None:
    from storyladder.coach.rubric import TABLES, fill

    doc = (Path(__file__).parent.parent / "docs" / "coach.md").read_text(encoding="utf-8")
    assert fill(doc) == doc, "run scripts/write_rule_tables.py"
    for name in TABLES:
        assert f"<!-- {name}:begin -->" in doc


def test_every_flag_rule_quotes_its_limits() -> None:
    from storyladder import taxonomy

    for flag in taxonomy.load().flags:
        assert "{" not in flag.when, flag.id  # every placeholder was filled from the data
        for value in flag.limits.values():
            assert f"{value:g}" in flag.when, (flag.id, value)
