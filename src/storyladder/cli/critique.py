"""`storyladder critique`: what a values interviewer would hear in one answer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from storyladder.cli.output import Format, OutputFormat, console, errors, print_json, read_input
from storyladder.errors import InputError

if TYPE_CHECKING:
    from storyladder.model import Critique

COLOURS = {
    "situation": "cyan",
    "task": "blue",
    "action": "green",
    "result": "yellow",
    "learning": "magenta",
    "other": "white",
}
SEVERITY = {"high": "red", "medium": "yellow", "low": "dim"}


def _read_answer(path: Path | None) -> str:
    from rich.text import Text

    if (path is None or str(path) == "-") and sys.stdin.isatty():
        errors().print(
            Text(
                "Type or paste the answer, then press Ctrl-D on an empty line "
                "(or give a file: storyladder critique answer.txt).",
                style="dim",
            )
        )
    text, source = read_input(path)
    if not text.strip():
        raise InputError(f"{source}: the answer is empty: there is nothing to critique")
    return text


def critique(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="The answer as a text file; '-' or nothing for stdin.")
    ] = None,
    question: Annotated[str | None, typer.Option(help="The question that was asked.")] = None,
    company: Annotated[
        str, typer.Option(help="generic, anthropic, amazon, google, meta, openai or palantir.")
    ] = "generic",
    fmt: Format = OutputFormat.text,
    wpm: Annotated[
        int | None,
        typer.Option(help="Speaking rate for time estimates (default: 150 words a minute)."),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            help="Judge the answer as one follow-up at this ladder level: surface, context, "
            "decision, tradeoff, meta_reflection or worldview."
        ),
    ] = None,
    use_model: Annotated[
        bool, typer.Option("--model", help="Also ask the configured model for a rubric reading.")
    ] = False,
    audio: Annotated[
        Path | None,
        typer.Option(
            help="The answer as a recording (wav, mp3, webm): transcribed offline, then "
            "critiqued, with how it was said (needs storyladder[voice])."
        ),
    ] = None,
    audio_dir: Annotated[
        Path | None,
        typer.Option(
            help="A folder of recorded answers (a ladder or a mock, in name order): each "
            "critiqued, and the signs of a rehearsed performance across them."
        ),
    ] = None,
) -> None:
    """Critique one answer offline: structure, checks, flags with evidence, scores, follow-ups.

    Example: storyladder critique answer.txt --question "Your worst failure?" --company anthropic

    Example: echo "I decide fastest when I know least." | storyladder critique - --level worldview
    """
    from rich.text import Text

    from storyladder.coach.critique import critique as run_critique
    from storyladder.coach.text import language_note

    if audio_dir is not None:
        _critique_folder(audio_dir, question, company, fmt)
        return
    spoken = None
    if audio is not None:
        from storyladder.speech.transcribe import transcribe

        spoken = transcribe(audio)
        answer = spoken.text
        if not answer.strip():
            raise InputError(f"{audio}: no speech was heard in the recording")
    else:
        answer = _read_answer(file)
    result = run_critique(answer, question=question, company=company, wpm=wpm, level=level)
    said = _delivery(spoken, result) if spoken else None
    note = language_note(answer)
    evaluation, notices = (
        _model_evaluation(ctx, answer, question, company) if use_model else (None, [])
    )
    if fmt == "json":
        data = result.to_dict()
        if note:
            data["notes"] = [note]
        if use_model:
            data["model_evaluation"] = evaluation
            data["model_notices"] = notices
        if said:
            data["delivery"] = said.to_dict()
        print_json(data)
    else:
        if note:
            errors().print(Text(f"note: {note}", style="yellow"))
        show(result)
        if said:
            console().print(Text("\nHow it was said (observations, not verdicts)", style="bold"))
            for line in said.observations():
                console().print(Text(f"  {line}"))
        if evaluation:
            show_evaluation(evaluation)
        for notice in notices:
            console().print(Text(f"note: {notice}", style="yellow"))


def _critique_folder(folder: Path, question: str | None, company: str, fmt: str) -> None:
    """Each recording in the folder, in name order, critiqued; then the signs across them."""
    from rich.text import Text

    from storyladder.coach.critique import critique as run_critique
    from storyladder.coach.delivery import rehearsed
    from storyladder.speech.transcribe import recordings, transcribe

    answers = []
    for path in recordings(folder):
        heard = transcribe(path)
        if not heard.text.strip():
            continue
        result = run_critique(heard.text, question=question, company=company)
        answers.append((path.name, heard, result, _delivery(heard, result)))
    signs = rehearsed([said for *_, said in answers], [heard.text for _, heard, _, _ in answers])
    if fmt == "json":
        print_json(
            {
                "answers": [
                    {**result.to_dict(), "file": name, "delivery": said.to_dict()}
                    for name, _, result, said in answers
                ],
                "rehearsal_signs": signs,
            }
        )
        return
    out = console()
    for name, heard, result, said in answers:
        out.print(Text(f"\n{name}: overall {result.scores['overall']}", style="bold"))
        out.print(Text(f"  {heard.text[:160]}", style="dim"))
        for line in said.observations():
            out.print(Text(f"  {line}"))
    out.print(Text("\nAcross the answers", style="bold"))
    for sign in signs or ["no sign of a performance: lengths, pauses and openings vary"]:
        out.print(Text(f"  {sign}"))


def _delivery(spoken: Any, result: Critique) -> Any:
    """The recording's delivery, with the seconds each STAR part took in it."""
    from storyladder.coach.delivery import delivery

    parts = [(s.start, s.end, s.component) for s in result.sentences]
    return delivery(spoken.words, parts, result.answer)


def _model_evaluation(
    ctx: typer.Context, answer: str, question: str | None, company: str
) -> tuple[dict[str, Any] | None, list[str]]:
    """A configured model's rubric evaluation, beside the offline critique (never instead)."""
    from storyladder.cli.context import state
    from storyladder.llm.config import SETTING, effective, provider_for
    from storyladder.llm.helpers import evaluate
    from storyladder.llm.resilient import Outcome

    provider = provider_for(effective(state(ctx).repo().get_setting(SETTING)))
    if provider is None:
        return None, ["no model is configured; the offline critique above is the whole story"]
    outcome = Outcome()
    result = evaluate(provider, answer, question, company, outcome)
    return (result.model_dump() if result else None), outcome.notices


def show_evaluation(evaluation: dict[str, Any]) -> None:
    from rich.text import Text

    out = console()
    out.print(
        Text("\nA model's reading (the offline critique above stays the judge)", style="bold")
    )
    out.print("  " + "   ".join(f"{k} {v}" for k, v in evaluation["scores"].items()))
    for label, key in (("strength", "strengths"), ("weakness", "weaknesses")):
        for item in evaluation[key]:
            out.print(Text(f'  {label}: "{item["quote"]}" - {item["why"]}'))
    out.print(Text(f"  {evaluation['summary']}", style="dim"))


def show(c: Critique) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    q = c.question or "(no question given)"
    out.print(Text(f"Question: {q}", style="bold"))
    out.print(
        f"family: {c.family or '-'}   framing: {c.pattern or '-'}   company: {c.company}   "
        f"{c.words} words, about {c.seconds / 60:.1f} min\n"
    )
    answer = Text()
    for s in c.sentences:
        answer.append(f"[{s.component[:3].upper()}] ", style=f"bold {COLOURS[s.component]}")
        answer.append(s.text + "\n", style=COLOURS[s.component])
    out.print(answer)
    shares = "   ".join(
        f"{name} {v['share']:.0%} ({v['seconds']:.0f}s)"
        for name, v in c.components.items()
        if v["share"]
    )
    out.print(Text(shares, style="dim"))
    out.print()
    checks = Table(title="Checks", show_header=False, box=None)
    for check in c.checks:
        mark = Text("✓", style="green") if check.passed else Text("✗", style="red")
        checks.add_row(mark, check.id, check.detail)
    out.print(checks)
    out.print(Text("\nFlags", style="bold"))
    if not c.flags:
        out.print("  none")
    for flag in c.flags:
        out.print(Text(f"  {flag.id} ({flag.severity})", style=SEVERITY[flag.severity]))
        for span in flag.evidence[:3]:
            quote = span.text if len(span.text) <= 140 else span.text[:137] + "..."
            out.print(Text(f'      "{quote}"', style="italic"))
        out.print(Text(f"      ask yourself: {flag.advice}"))
    if c.level is not None:
        judged = c.level
        verdict = "met" if judged.met else "not met"
        out.print(
            Text(f"\nLadder level {judged.level}: {verdict} ({judged.score}/100)", style="bold")
        )
        for span in judged.evidence[:4]:
            out.print(Text(f'      "{span.text}"', style="italic"))
        if judged.missing:
            out.print(Text(f"      ask yourself: {judged.missing}"))
    out.print(Text("\nScores", style="bold"))
    out.print("  " + "   ".join(f"{k} {v}" for k, v in c.scores.items()))
    if c.company == "anthropic":
        from storyladder import taxonomy

        out.print(Text("\nAnthropic's four behaviours", style="bold"))
        named = {b.id: b for b in taxonomy.load().behaviours}
        for signal in c.behaviours:
            b = named[signal.id]
            mark = Text("✓ ", style="green") if signal.shown else Text("✗ ", style="red")
            out.print(Text("  ") + mark + Text(f"{b.name}: ") + Text(b.description, style="dim"))
    out.print(Text("\nFollow-ups to prepare", style="bold"))
    for f in c.follow_ups:
        out.print(f"  {f.level}: {f.question}")


def transcribe(
    audio: Annotated[Path, typer.Argument(help="A recording: wav, mp3, webm/opus, m4a...")],
    fmt: Format = OutputFormat.text,
) -> None:
    """Transcribe a recording offline, with word times, fillers and pauses (storyladder[voice]).

    Example: storyladder transcribe answer.webm --format json
    """
    from rich.text import Text

    from storyladder.speech.transcribe import transcribe as run

    heard = run(audio)
    if fmt == "json":
        print_json(heard.to_dict())
        return
    console().print(heard.text or "(no speech heard)")
    for line in heard.spoken.observations():
        console().print(Text(f"  {line}", style="dim"))
