"""The story file of SPEC §10: YAML front matter, then headed STAR-L and ladder sections.

`parse` reads what people write by hand (headings in any case, a `# Title` line,
shorthand people and metrics) and reports every problem with its line number;
`dump` writes the canonical form, which `parse` reads back to the same story.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from storyladder.errors import Problem, StoryInvalid
from storyladder.model import LEVELS, SECTIONS, Story

LEVEL_HEADINGS = {
    "surface": "Surface",
    "context": "Context",
    "decision": "Decision",
    "tradeoff": "Tradeoff",
    "meta_reflection": "Meta-reflection",
    "worldview": "Worldview",
}
FRONT_KEYS = (
    "id",
    "title",
    "when",
    "categories",
    "families",
    "competencies",
    "self_part",
    "people",
    "metrics",
    "emotions",
)
_HEADING = re.compile(r"^(#{1,3})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ESCAPED = re.compile(r"^(\\*)(##)")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FRONT_MATTER = (
    20_000  # characters: a story's metadata, never a document  # libyaml when available: 5x faster
)


def _key(heading: str) -> str:
    """'Meta-reflection', 'meta reflection', 'Meta_Reflection' -> 'meta_reflection'."""
    return re.sub(r"[\s\-]+", "_", heading.strip().lower())


def parse(text: str, source: str = "<story>") -> Story:
    """Read one story file; raise StoryInvalid listing every problem as file:line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    problems: list[Problem] = []
    front, body_start = _front_matter(lines, source, problems)
    sections, ladder, extra_sections, h1 = _body(lines, body_start, source, problems)
    if problems:
        raise StoryInvalid(problems)
    data: dict[str, Any] = dict(front)
    if not data.get("title") and h1:
        data["title"] = h1
    data.update(sections)
    data["ladder"] = ladder
    data["other_sections"] = extra_sections
    story = _build(data, front, lines, source)
    return story


def _build(data: dict[str, Any], front: dict[str, Any], lines: list[str], source: str) -> Story:
    try:
        story = Story.from_dict(data)
    except StoryInvalid as err:
        raise StoryInvalid([_locate(p, lines, source) for p in err.problems]) from None
    if "title" not in front and not data.get("title"):
        raise StoryInvalid([Problem("title", "a story needs a title", source, 1)])
    return story


def _locate(problem: Problem, lines: list[str], source: str) -> Problem:
    """Attach the line of the front-matter key a problem is about."""
    key = re.split(r"[.\[]", problem.where, maxsplit=1)[0]
    for number, line in enumerate(lines, 1):
        if line.startswith(f"{key}:"):
            return problem.at(source, number)
        if number > 1 and line.strip() == "---":
            break
    return problem.at(source, 1)


def _first_alias(head: str) -> int | None:
    """The line of the first anchor or alias, or None. Refused before loading: a few
    aliases nested ten deep ("billion laughs") expand to a billion items on use."""
    for event in yaml.parse(head, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return int(event.start_mark.line) if event.start_mark else 0
    return None


def _front_matter(
    lines: list[str], source: str, problems: list[Problem]
) -> tuple[dict[str, Any], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        problems.append(Problem("", "front matter opened with '---' is never closed", source, 1))
        return {}, len(lines)
    head = "\n".join(lines[1:end])
    if len(head) > MAX_FRONT_MATTER:
        problems.append(
            Problem(
                "front matter",
                f"front matter is {len(head):,} characters; at most {MAX_FRONT_MATTER:,}",
                source,
                2,
            )
        )
        return {}, end + 1
    try:
        alias = _first_alias(head)
        if alias is not None:
            problems.append(
                Problem(
                    "front matter",
                    "YAML anchors and aliases ('&name', '*name') are not allowed in a story",
                    source,
                    alias + 2,
                )
            )
            return {}, end + 1
        data = yaml.load(head, Loader=_LOADER) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(err, "problem", None) or str(err)
        problems.append(Problem("front matter", f"malformed YAML: {reason}", source, line))
        return {}, end + 1
    if not isinstance(data, dict):
        problems.append(Problem("front matter", "expected 'key: value' lines", source, 2))
        return {}, end + 1
    front = {str(k): v for k, v in data.items()}
    known = {k: v for k, v in front.items() if k in FRONT_KEYS}
    unknown = {k: v for k, v in front.items() if k not in FRONT_KEYS}
    if unknown:
        known["extra"] = unknown
    return known, end + 1


def _body(
    lines: list[str], start: int, source: str, problems: list[Problem]
) -> tuple[dict[str, str], dict[str, str], dict[str, str], str | None]:
    sections: dict[str, str] = {}
    ladder: dict[str, str] = {}
    extra: dict[str, str] = {}
    h1: str | None = None
    current: tuple[str, str] | None = None  # (kind, key)
    buffer: list[str] = []
    seen: dict[tuple[str, str], int] = {}

    def flush() -> None:
        if current is None:
            return
        value = "\n".join(_unescape(x) for x in buffer).strip()
        kind, key = current
        {"section": sections, "ladder": ladder, "extra": extra}[kind][key] = value

    for number, line in enumerate(lines[start:], start + 1):
        match = _HEADING.match(line)
        level = len(match.group(1)) if match else 0
        in_ladder = (
            current is not None and current[0] == "ladder" or current == ("section", "ladder")
        )
        if match and level == 1 and current is None:
            h1 = match.group(2)
            continue
        if match and (level == 2 or (level == 3 and in_ladder)):
            flush()
            buffer = []
            name = _key(match.group(2))
            if level == 2 and name in SECTIONS:
                current = ("section", name)
            elif level == 2 and name == "ladder":
                current = ("section", "ladder")
            elif level == 2:
                current = ("extra", match.group(2))
            elif name in LEVELS:
                current = ("ladder", name)
            else:
                allowed = ", ".join(LEVEL_HEADINGS.values())
                problems.append(
                    Problem(
                        "ladder",
                        f"unknown level '{match.group(2)}'; allowed: {allowed}",
                        source,
                        number,
                    )
                )
                current = ("ladder", name)
            if current in seen:
                problems.append(
                    Problem(
                        "",
                        f"section '{match.group(2)}' appears twice (first at line {seen[current]})",
                        source,
                        number,
                    )
                )
            seen[current] = number
            continue
        if current is None:
            if line.strip():
                problems.append(
                    Problem(
                        "",
                        "text before the first '## Section' heading; put it under "
                        "## Situation, ## Task, ## Action, ## Result or ## Learning",
                        source,
                        number,
                    )
                )
            continue
        buffer.append(line)
    flush()
    ladder_intro = sections.pop("ladder", "")
    if ladder_intro:
        problems.append(
            Problem(
                "ladder",
                "text under '## Ladder' must sit under a level heading such as '### Surface'",
                source,
                seen[("section", "ladder")],
            )
        )
    return sections, ladder, extra, h1


def _unescape(line: str) -> str:
    m = _ESCAPED.match(line)
    return line[1:] if m and m.group(1) else line


def _escape(text: str) -> str:
    """Keep prose lines that start with '##' from being read back as headings."""
    return "\n".join("\\" + line if _ESCAPED.match(line) else line for line in text.split("\n"))


def dump(story: Story) -> str:
    """The canonical story file."""
    data = story.to_dict()
    front: dict[str, Any] = {}
    for key in FRONT_KEYS:
        value = data[key]
        if value not in (None, [], ""):
            front[key] = value
    front.update(story.extra)
    head = yaml.safe_dump(
        front, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100
    )
    out = ["---", head.rstrip("\n"), "---", ""]
    for name in SECTIONS:
        text = story.section(name).strip()
        if text:
            out += [f"## {name.capitalize()}", "", _escape(text), ""]
    for heading, text in story.other_sections.items():
        out += [f"## {heading}", "", _escape(str(text).strip()), ""]
    answered = [lv for lv in LEVELS if story.ladder.get(lv, "").strip()]
    if answered:
        out += ["## Ladder", ""]
        for lv in answered:
            out += [f"### {LEVEL_HEADINGS[lv]}", "", _escape(story.ladder[lv].strip()), ""]
    return "\n".join(out)
