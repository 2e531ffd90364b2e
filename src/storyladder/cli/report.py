"""The bank check as a terminal report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyladder.cli.output import console
from storyladder.model import LEVELS

if TYPE_CHECKING:
    from rich.console import Console

    from storyladder.coach.bank import BankReport

SEVERITY = {"high": "red", "medium": "yellow", "low": "dim"}
TABLE_STORIES = 60  # stories shown as a table; a bigger bank is listed one line a story
ID_WIDTH = 40  # the story ids of such a list are padded to the longest, up to this


def show_bank(report: BankReport) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    n = len(report.stories)
    ready = sum(1 for s in report.stories if s.readiness.ready)
    out.print(
        Text(
            f"{n} stories (aim for 8-12), {ready} ready to the sixth level; mode: {report.company}",
            style="bold",
        )
    )
    rows = []
    for s in sorted(report.stories, key=lambda s: -s.readiness.depth):
        depth = s.readiness.depth
        bar = Text(
            "█" * depth + "·" * (len(LEVELS) - depth) + f" {depth}/6",
            style="green" if s.readiness.ready else "yellow",
        )
        breaks = f"{s.readiness.broken_level}: {s.readiness.reason}" if s.readiness.reason else ""
        flags = ", ".join(s.flags) + (" [hero]" if s.hero else "")
        rows.append((s.story.id, bar, breaks, flags))
    if n > TABLE_STORIES:
        # a bank this size is a cohort or an archive: one line a story, as a table would say
        # it, in a tenth of the time a table takes to lay out (0.47 s for 1,000 stories)
        width = min(max(len(story) for story, *_ in rows), ID_WIDTH)
        lines = [
            Text.assemble(story.ljust(width), "  ", bar, *(f"  {x}" for x in (b, f) if x))
            for story, bar, b, f in rows
        ]
        out.print(Text("\n").join(lines), soft_wrap=True)
    else:
        table = Table(show_header=True, header_style="bold")
        table.add_column("story", overflow="fold")
        table.add_column("ladder", no_wrap=True)
        table.add_column("breaks at")
        table.add_column("flags")
        for row in rows:
            table.add_row(*row)
        out.print(table)
    cover = report.coverage
    out.print(Text("\nCoverage", style="bold"))
    _gaps(out, "categories", cover.categories, cover.missing_categories)
    _gaps(out, "subtopics", cover.families, cover.missing_families)
    thin = cover.thin_competencies
    out.print(
        f"  {cover.framework} competencies: {len(cover.competencies) - len(thin)} of "
        f"{len(cover.competencies)} have 2+ stories"
        + (f"; thin: {', '.join(thin)}" if thin else "")
    )
    if cover.questions_without_story:
        out.print(
            f"  {len(cover.questions_without_story)} questions in our bank have no story "
            f'yet, e.g. "{cover.questions_without_story[0]["text"]}"'
        )
    out.print(Text("\nPatterns across the bank", style="bold"))
    if not report.patterns:
        out.print("  none found")
    for p in report.patterns:
        out.print(Text(f"  {p.id} ({p.severity}): {p.detail}", style=SEVERITY[p.severity]))
        out.print(f"      {p.advice}")
    out.print(Text("\nWhat to do next", style="bold"))
    for i, step in enumerate(report.next, 1):
        out.print(f"  {i}. {step.action}")


def _gaps(out: Console, label: str, table: dict[str, list[str]], missing: list[str]) -> None:
    covered = len(table) - len(missing)
    line = f"  {label}: {covered} of {len(table)} covered"
    if missing:
        line += f"; missing: {', '.join(missing)}"
    out.print(line)
