"""`storyladder debrief`: a real interview's transcript, read against the bank."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.output import Format, OutputFormat, console, print_json, read_input


def debrief(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="The transcript (WebVTT, SRT, or lines of 'Name: words'), or a recording "
            "(transcribed offline, storyladder[voice]; questions are taken as the interviewer's)."
        ),
    ],
    me: Annotated[
        str | None,
        typer.Option("--me", help="Your name as the transcript gives it (default: guessed)."),
    ] = None,
    company: Annotated[
        str, typer.Option(help="generic, anthropic, amazon, google, meta, openai or palantir.")
    ] = "generic",
    keep: Annotated[
        int | None,
        typer.Option(
            help="Keep answer N (a story not yet in your bank) as a draft story, in your own words."
        ),
    ] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """Debrief a real interview: each answer matched to its story and critiqued at its level,
    facts that drift from your bank, and what to practise next.

    Example: storyladder debrief interview.vtt --me "Sam Okafor" --company anthropic
    """
    from rich.text import Text

    from storyladder.interview.debrief import CANDIDATE, from_speech, parse
    from storyladder.interview.debrief import debrief as run
    from storyladder.plan.choices import DEBRIEF_KEY
    from storyladder.speech.transcribe import AUDIO_SUFFIXES, transcribe

    if file.suffix.lower() in AUDIO_SUFFIXES:
        turns, me = from_speech(transcribe(file).text), CANDIDATE
    else:
        turns = parse(read_input(file)[0])
    stories = [r.story for r in state(ctx).repo().list()]
    result = run(turns, stories, company=company, candidate=me)
    state(ctx).repo().set_setting(DEBRIEF_KEY, list(result.plan))  # `plan` shows them next
    if keep is not None:
        from storyladder.interview.debrief import draft

        kept = state(ctx).repo().add(draft(result, keep)).story
        console().print(
            f"Kept answer {keep} as the draft '{kept.id}': storyladder story edit {kept.id}"
        )
        return
    if fmt == "json":
        print_json(result.to_dict())
        return
    out = console()
    out.print(Text(f"{result.interviewer} asked, {result.candidate} answered", style="bold"))
    for n, e in enumerate(result.exchanges, 1):
        level = e.critique.get("level") or {}
        verdict = "meets" if level.get("met") else "misses"
        where = e.story_id or "a story not in your bank"
        out.print(Text(f"\n{n}. {e.question}", style="bold"))
        out.print(
            Text(f"   {where}, {verdict} {e.level.replace('_', '-')} (score {level.get('score')})")
        )
        if level.get("missing") and not level.get("met"):
            out.print(Text(f"   still needs: {level['missing']}", style="yellow"))
        for flag in e.critique.get("flags", [])[:3]:
            out.print(Text(f"   flag {flag['id']}", style="dim"))
        for drift in e.drift:
            out.print(Text(f"   drift: {drift}", style="red"))
    if result.plan:
        out.print(Text("\nWhat to practise next", style="bold"))
        for item in result.plan:
            out.print(Text(f"  - {item}"))
