"""What the candidate chose and the faces remember between visits: the interview date and
company of the plan, and the company they prepare for (the default of every company
picker: dashboard, editor, practice, plan)."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from storyladder.errors import InputError

PLAN_KEY = "plan"  # {"interview": "YYYY-MM-DD", "company": id, "shared": bool (the server)}
COMPANY_KEY = "company"  # the company last chosen anywhere
DEBRIEF_KEY = "debrief"  # what the last real interview's debrief said to practise next


class Settings(Protocol):
    def get_setting(self, key: str) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...


def chosen_company(store: Settings) -> str:
    """The company last chosen, else the plan's, else the generic interviewer."""
    from storyladder import taxonomy  # not at import: `--help` stays light

    known = taxonomy.load().company_ids
    plan = store.get_setting(PLAN_KEY) or {}
    for candidate in (store.get_setting(COMPANY_KEY), plan.get("company")):
        if candidate in known:
            return str(candidate)
    return "generic"


def choose_company(store: Settings, company: str) -> None:
    """Remember `company` (already checked to be a known one) for the next visit."""
    if store.get_setting(COMPANY_KEY) != company:
        store.set_setting(COMPANY_KEY, company)


def plan_setting(interview: str, company: str, today: date) -> dict[str, str]:
    """The plan setting for an interview date (YYYY-MM-DD, after today) and a known
    company; InputError saying which is wrong."""
    from storyladder import taxonomy

    try:
        when = date.fromisoformat(interview)
    except ValueError:
        raise InputError(f"'{interview}' is not a date (YYYY-MM-DD)") from None
    if when <= today:
        raise InputError(f"the interview date {when} is not after today")
    if company not in taxonomy.load().company_ids:
        raise InputError(f"unknown company '{company}'")
    return {"interview": when.isoformat(), "company": company}
