"""The prompts, as versioned files in the package, and the fencing of candidate text."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

VERSION = "v1"


@cache
def template(name: str, version: str = VERSION) -> str:
    path = resources.files("storyladder.llm").joinpath("prompts", f"{name}.{version}.txt")
    return path.read_text(encoding="utf-8")


def render(name: str, **values: str) -> str:
    """The prompt with its {placeholders} filled (other braces, like JSON examples, kept)."""
    text = template(name)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def fenced(tag: str, text: str) -> str:
    """Candidate text inside tags it cannot close: any opening or closing tag of that name in
    the text, in any case and spacing ("</CANDIDATE_TEXT >"), is defused."""
    safe = re.sub(rf"<\s*(/?)\s*({re.escape(tag)})", r"< \1\2", text, flags=re.IGNORECASE)
    return f"<{tag}>\n{safe}\n</{tag}>"
