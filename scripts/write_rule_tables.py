"""Write the rule tables of docs/coach.md from the data the coach reads.

Run: .venv/bin/python scripts/write_rule_tables.py
"""

from __future__ import annotations

from pathlib import Path

from storyladder.coach.rubric import fill

DOC = Path(__file__).resolve().parent.parent / "docs" / "coach.md"


def main() -> None:
    DOC.write_text(fill(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rule tables written into {DOC.name}")  # noqa: T201


if __name__ == "__main__":
    main()
