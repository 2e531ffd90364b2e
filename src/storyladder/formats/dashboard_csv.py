"""A dashboard's rows (plan/dashboard.py) as CSV, one line per candidate, in the rows'
order. An empty cell is something not shared (never zero); lists are joined with '; '.
A text cell that a spreadsheet would run as a formula is quoted with a leading "'"."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

Row = dict[str, Any]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _get(*path: str) -> Callable[[Row], Any]:
    def get(row: Row) -> Any:
        value: Any = row
        for key in path:
            if value is None:
                return None
            value = value[key]
        return value

    return get


def _ids(items: list[Row] | None) -> str | None:
    return None if items is None else "; ".join(f["id"] for f in items)


COLUMNS: dict[str, Callable[[Row], Any]] = {
    "candidate": _get("candidate"),
    "cohorts": lambda r: "; ".join(r["cohorts"]),
    "stories_seen": _get("seen", "stories"),
    "sessions_seen": _get("seen", "sessions"),
    "plan_seen": _get("seen", "plan"),
    "stories_ready": _get("readiness", "ready"),
    "mean_depth": _get("readiness", "mean_depth"),
    "missing_categories": lambda r: r["gaps"] and "; ".join(r["gaps"]["categories"]),
    "thin_competencies": lambda r: r["gaps"] and "; ".join(r["gaps"]["competencies"]),
    "recurring_flags": lambda r: _ids(r["flags"]),
    "sessions": _get("practice", "sessions"),
    "answers": _get("practice", "answers"),
    "sessions_last_7_days": _get("practice", "last_7_days"),
    "today_done": _get("practice", "today", "done"),
    "today_planned": _get("practice", "today", "planned"),
    "interview": _get("interview", "date"),
    "company": _get("interview", "company"),
    "days_left": _get("interview", "days_left"),
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA) else text


def dashboard_csv(rows: Sequence[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(get(row)) for get in COLUMNS.values()])
    return out.getvalue()
