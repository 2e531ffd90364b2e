"""`storyladder plan|today|progress|export|phrases|quiz`: prepare for a date, see progress,
take the bank along."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from storyladder.cli.context import state
from storyladder.cli.output import Format, OutputFormat, console, print_json
from storyladder.errors import InputError
from storyladder.plan.choices import DEBRIEF_KEY, PLAN_KEY

export_app = typer.Typer(no_args_is_help=True, help="Take the bank along: Anki, cards, Markdown.")


def _sessions(ctx: typer.Context) -> list[Any]:
    from storyladder.interview.session import Session

    return [Session.from_dict(d) for d in state(ctx).repo().all_sessions()]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"'{text}' is not a date; use YYYY-MM-DD") from None


def _build(ctx: typer.Context, today: date) -> Any:
    from storyladder.plan.schedule import build

    saved = state(ctx).repo().get_setting(PLAN_KEY)
    if not saved:
        raise InputError("no plan yet: run 'storyladder plan --interview-date YYYY-MM-DD' first")
    stories = [r.story for r in state(ctx).repo().list()]
    return build(stories, _sessions(ctx), saved["company"], today, _date(saved["interview"]))


def plan(
    ctx: typer.Context,
    interview_date: Annotated[
        str | None, typer.Option(help="The interview date, YYYY-MM-DD (saved for next time).")
    ] = None,
    company: Annotated[str | None, typer.Option(help="The company mode.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """A day-by-day plan from today to the interview, fitted to the time left and the bank.

    Example: storyladder plan --interview-date 2026-12-20 --company anthropic
    """
    from rich.text import Text

    from storyladder import taxonomy

    repo = state(ctx).repo()
    saved = repo.get_setting(PLAN_KEY) or {}
    if interview_date:
        saved["interview"] = _date(interview_date).isoformat()
    if company:
        try:
            taxonomy.load().company(company)
        except KeyError as err:
            raise InputError(str(err.args[0])) from None
        saved["company"] = company
    saved.setdefault("company", "anthropic")
    if "interview" not in saved:
        raise InputError("give the interview date: --interview-date YYYY-MM-DD")
    repo.set_setting(PLAN_KEY, saved)
    result = _build(ctx, date.today())
    if fmt == "json":
        print_json(result.to_dict())
        return
    out = console()
    out.print(
        Text(
            f"{len(result.days)} days to the {result.company} interview on {result.interview}",
            style="bold",
        )
    )
    last_interview = state(ctx).repo().get_setting(DEBRIEF_KEY) or []
    if last_interview:
        out.print(Text("\nFrom your last interview (storyladder debrief)", style="bold"))
        for item in last_interview:
            out.print(Text(f"  - {item}"))
    for day in result.days:
        out.print(Text(f"\n{day.day:%a %d %b}  ({day.minutes} min)", style="bold"))
        if day.note:
            out.print(Text(f"  {day.note}", style="dim"))
        for task in day.tasks:
            out.print(Text(f"  [{task.kind}] {task.text}"))
    if result.unscheduled:
        out.print(
            Text(
                f"\n{len(result.unscheduled)} tasks do not fit before the date; the "
                "plan keeps the most useful ones.",
                style="yellow",
            )
        )


def today(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """Today's tasks from the plan, due rehearsals first; finished drills and mocks tick off.

    Example: storyladder today
    """
    from rich.text import Text

    from storyladder.plan.today import tasks_for

    now = datetime.now(UTC)
    result = _build(ctx, date.today())
    stories = state(ctx).repo().list()
    items = tasks_for(result, _sessions(ctx), stories, now)
    if fmt == "json":
        print_json([{**t.to_dict(), "done": done} for t, done in items])
        return
    out = console()
    out.print(Text(f"Today, {date.today():%A %d %B}", style="bold"))
    if not items:
        out.print("Nothing planned today. Rest, or run 'storyladder mock'.")
    for task, done in items:
        mark = Text("✓ ", style="green") if done else Text("• ")
        out.print(mark + Text(f"[{task.kind}] {task.text}", style="dim" if done else ""))


def progress(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """Scores, ladder readiness and flags over time: are the habits going away?

    Example: storyladder progress
    """
    from rich.table import Table
    from rich.text import Text

    from storyladder.plan.progress import progress as compute
    from storyladder.plan.progress import sparkline

    result = compute(_sessions(ctx), state(ctx).repo().timeline())
    if fmt == "json":
        print_json(result.to_dict())
        return
    out = console()
    if not result.sessions:
        out.print("No practice sessions yet; progress shows after the first one.")
    else:
        out.print(Text(f"Over {len(result.sessions)} sessions, oldest to newest", style="bold"))
        table = Table(show_header=True, header_style="bold")
        for column in ("dimension", "trend", "last"):
            table.add_column(column)
        for dim, values in sorted(result.dimensions.items(), key=lambda kv: kv[0] != "overall"):
            last = next((v for v in reversed(values) if v is not None), None)
            table.add_row(dim, sparkline(values, 100), str(last))
        out.print(table)
        flags = Table(show_header=True, header_style="bold")
        for column in ("flag", "share of answers", "habit"):
            flags.add_column(column)
        for flag, shares in sorted(result.flags.items(), key=lambda kv: -sum(kv[1])):
            flags.add_row(flag, sparkline(shares, 1.0), result.trends[flag])
        out.print(flags)
    ready = Table(title="Ladder readiness by revision", show_header=True, header_style="bold")
    for column in ("story", "depth over time", "now"):
        ready.add_column(column)
    for story_id, points in result.readiness.items():
        ready.add_row(story_id, sparkline([d for _, d in points], 6), f"{points[-1][1]}/6")
    out.print(ready)


@export_app.command("anki")
def export_anki(ctx: typer.Context, path: Path) -> None:
    """An Anki deck: one note per story and ladder level (front the probe, back your answer).

    Example: storyladder export anki stories.apkg
    """
    from storyladder.formats import anki

    count = anki.write([r.story for r in state(ctx).repo().list()], path)
    console().print(f"Wrote {count} notes to {path}.")


@export_app.command("cards")
def export_cards(ctx: typer.Context, folder: Path) -> None:
    """Printable story cards, one page per story: cards.html (and cards.pdf with Chromium).

    Example: storyladder export cards ~/cards
    """
    from storyladder.formats.cards import write_cards

    written = write_cards([r.story for r in state(ctx).repo().list()], folder)
    console().print("Wrote " + ", ".join(str(p) for p in written))


@export_app.command("markdown")
def export_markdown(ctx: typer.Context, path: Path) -> None:
    """The whole bank as one Markdown document.

    Example: storyladder export markdown bank.md
    """
    from storyladder.formats.bank import write_atomic
    from storyladder.formats.cards import bank_markdown

    write_atomic(path, bank_markdown([r.story for r in state(ctx).repo().list()]))
    console().print(f"Wrote {path}.")


def phrases(
    group: Annotated[str | None, typer.Argument(help="Only this group (e.g. cost).")] = None,
    language: Annotated[str, typer.Option(help="Language code.")] = "en",
) -> None:
    """Expressions for describing the situation, your actions, results and lessons.

    Example: storyladder phrases cost
    """
    from rich.text import Text

    from storyladder.taxonomy import phrase_groups

    out = console()
    groups = phrase_groups()
    if group and group not in {g["id"] for g in groups}:
        raise InputError(f"unknown group '{group}'; allowed: {', '.join(g['id'] for g in groups)}")
    for g in groups:
        if group and g["id"] != group:
            continue
        out.print(Text(f"\n{g['name'].get(language) or g['name']['en']}", style="bold"))
        if g.get("tip"):
            out.print(Text(g["tip"].get(language) or g["tip"]["en"], style="dim"))
        for p in g["phrases"]:
            out.print(f"  - {p.get(language) or p['en']}")


def quiz(
    count: Annotated[int, typer.Option(help="How many questions.")] = 8,
    seed: Annotated[int | None, typer.Option(help="Seed for the question order.")] = None,
) -> None:
    """A short quiz on the method: STAR timing, the ladder, negative framing, anti-patterns.

    Example: storyladder quiz --count 5
    """
    import random

    from rich.text import Text

    from storyladder.taxonomy import quiz_questions

    questions = list(quiz_questions())
    random.Random(seed).shuffle(questions)
    out = console()
    right = 0
    asked = questions[: max(1, count)]
    for n, q in enumerate(asked, 1):
        out.print(Text(f"\n{n}. {q['question']}", style="bold"))
        for i, choice in enumerate(q["choices"]):
            out.print(f"   {chr(97 + i)}) {choice}")
        letters = "".join(chr(97 + i) for i in range(len(q["choices"])))
        answer = typer.prompt(f"Your answer ({'/'.join(letters)})", default="", show_default=False)
        picked = letters.find(answer.strip().lower()[:1]) if answer.strip() else -1
        if picked == q["answer"]:
            right += 1
            out.print(Text("Right. ", style="green") + Text(q["why"]))
        else:
            out.print(Text(f"Not quite: {chr(97 + q['answer'])}. ", style="red") + Text(q["why"]))
    out.print(Text(f"\n{right} of {len(asked)} right.", style="bold"))
