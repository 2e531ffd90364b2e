"""The coach's rules as Markdown tables, made from the data the code reads (flags.yaml,
taxonomy.yaml's ladder, scores.yaml), so docs/coach.md cannot drift from the code.

`scripts/write_rule_tables.py` writes them into docs/coach.md between markers;
tests/test_docs.py checks the doc holds exactly these tables.
"""

from __future__ import annotations

from storyladder import taxonomy
from storyladder.coach.scoring import recipe


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def flag_table() -> str:
    tax = taxonomy.load()
    rows = ["| flag | severity | raised when | held back by |", "|---|---|---|---|"]
    for flag in tax.flags:
        held = [f"`{h}`" for h in flag.held_back_by]
        if flag.absence:
            held.append(f"a well-told answer ({tax.told_story_signs}+ of 7 signs)")
        cell = ", ".join(held) or "-"
        rows.append(f"| `{flag.id}` | {flag.severity} | {_cell(flag.when)} | {cell} |")
    return "\n".join(rows)


def level_table() -> str:
    tax = taxonomy.load()
    rows = [
        "| level | tests | flags it asks about | asked when not met |",
        "|---|---|---|---|",
    ]
    for level in tax.levels:
        flags = ", ".join(f"`{f}`" for f in level.flags)
        rows.append(f"| `{level.id}` | {_cell(level.tests)} | {flags} | {_cell(level.missing)} |")
    return "\n".join(rows)


def score_table() -> str:
    book = recipe()
    rows = [
        "| dimension | starts at | rises with (points, up to) | falls with |",
        "|---|---|---|---|",
    ]
    for name, spec in book["dimensions"].items():
        rises = ", ".join(
            f"{e} +{r['points']}" + (f" (x{r['cap']})" if r.get("cap", 1) != 1 else "")
            for e, r in (spec.get("evidence") or {}).items()
        )
        falls = ", ".join(f"`{f}` -{p}" for f, p in (spec.get("flags") or {}).items())
        rows.append(f"| {name} | {spec['base']} | {rises} | {falls} |")
    return "\n".join(rows)


TABLES = {"flags": flag_table, "levels": level_table, "scores": score_table}


def fill(document: str) -> str:
    """`document` with every `<!-- NAME:begin -->...<!-- NAME:end -->` block remade."""
    for name, make in TABLES.items():
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if begin in document:
            head, rest = document.split(begin, 1)
            _, tail = rest.split(end, 1)
            document = f"{head}{begin}\n{make()}\n{end}{tail}"
    return document
