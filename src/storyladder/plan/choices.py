"""What the candidate chose and the faces remember between visits: the interview date and
company of the plan, and the company they prepare for (the default of every company
picker: dashboard, editor, practice, plan)."""

from __future__ import annotations

from typing import Any, Protocol

PLAN_KEY = "plan"  # {"interview": "YYYY-MM-DD", "company": id}
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
