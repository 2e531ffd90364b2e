"""`storyladder ladder|drill|mock` and `storyladder sessions ...`: practice in the terminal.

Interactive by default (multi-line answers ending with an empty line or Ctrl-D;
/skip, /repeat, /quit). With --answers FILE (a JSON list of strings) the session
runs without a terminal. Every turn is saved before the next question is shown, on the
version of the session it answered: if another window took a turn first, the answer is
kept in HOME/recovery/ and the run stops with exit code 2, overwriting nothing.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from storyladder.cli.context import state
from storyladder.cli.ids import SessionId, StoryId, complete, resolve_story
from storyladder.cli.output import Format, OutputFormat, console, print_json
from storyladder.errors import InputError

if TYPE_CHECKING:
    from storyladder.interview.practice import Practice
    from storyladder.interview.session import Session

Answers = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="A JSON list of answers, or a folder of recorded answers (transcribed offline, "
        "storyladder[voice]): run without a terminal.",
    ),
]
Company = Annotated[
    str, typer.Option(help="generic, anthropic, amazon, google, meta, openai or palantir.")
]
Seed = Annotated[int, typer.Option(help="Seed for a reproducible session.")]

sessions_app = typer.Typer(no_args_is_help=True, help="Past and unfinished practice sessions.")


def ladder(
    ctx: typer.Context,
    story_id: StoryId,
    company: Company = "anthropic",
    answers: Answers = None,
    fmt: Format = OutputFormat.text,
    seed: Seed = 0,
) -> None:
    """Climb one story's ladder, surface to worldview, with a press where an answer falls short.

    Example: storyladder ladder rolled-back-tracking-migration
    """
    _run(ctx, "ladder", company=company, story_id=story_id, answers=answers, fmt=fmt, seed=seed)


def drill(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="five_whys, alternative_path, critic, "
            "self_awareness, values_conflict, ninety_degree "
            "or feelings."
        ),
    ],
    story: Annotated[
        str | None,
        typer.Option(
            help="The story to drill (its id, or any unique beginning of it).",
            callback=resolve_story,
            autocompletion=complete,
        ),
    ] = None,
    question: Annotated[str | None, typer.Option(help="Or a question to start from.")] = None,
    company: Company = "generic",
    answers: Answers = None,
    fmt: Format = OutputFormat.text,
    seed: Seed = 0,
) -> None:
    """Run one drill on a story (or on a question).

    Example: storyladder drill five_whys --story mentoring-farah
    """
    _run(
        ctx,
        "drill",
        company=company,
        story_id=story,
        drill=name,
        question=question,
        answers=answers,
        fmt=fmt,
        seed=seed,
    )


def mock(
    ctx: typer.Context,
    company: Company = "anthropic",
    minutes: Annotated[int, typer.Option(help="Length of the round.")] = 45,
    answers: Answers = None,
    fmt: Format = OutputFormat.text,
    seed: Seed = 0,
) -> None:
    """A full mock round for a company, aimed at your bank's strengths and gaps.

    Example: storyladder mock --company amazon --seed 7
    """
    _run(ctx, "mock", company=company, minutes=minutes, answers=answers, fmt=fmt, seed=seed)


@sessions_app.command("list")
def sessions_list(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """List practice sessions, newest first.

    Example: storyladder sessions list
    """
    rows = state(ctx).repo().list_sessions()
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        console().print("No sessions yet. Try 'storyladder mock --company anthropic'.")
    for r in rows:
        console().print(
            f"{r['id']}  {r['mode']:<6} {r['company']:<9} {r['status']:<6} "
            f"{r['answers']} answers  {r['updated_at'][:16]}  {r['story_id'] or ''}"
        )


@sessions_app.command("show")
def sessions_show(
    ctx: typer.Context, session_id: SessionId, fmt: Format = OutputFormat.text
) -> None:
    """Show a session's transcript and scorecard.

    Example: storyladder sessions show 3f2a9c1b7d4e
    """
    from storyladder.interview.session import Session

    session = Session.from_dict(state(ctx).repo().get_session(session_id))
    if fmt == "json":
        print_json(_transcript(session))
        return
    for turn in session.turns:
        _show_turn(turn.role, turn.text, turn.signals, turn.seconds)
    if session.scorecard:
        show_scorecard(session.scorecard)


@sessions_app.command("resume")
def sessions_resume(
    ctx: typer.Context,
    session_id: SessionId,
    answers: Answers = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """Continue an unfinished session where it stopped.

    Example: storyladder sessions resume 3f2a9c1b7d4e
    """
    service = _service(ctx)
    _drive(service, service.resume(session_id), _scripted(answers), fmt, state(ctx).home)


@sessions_app.command("keep")
def sessions_keep(
    ctx: typer.Context,
    session_id: SessionId,
    answer: Annotated[int, typer.Argument(help="The answer's number in the transcript.")],
) -> None:
    """Keep a story you told on the spot in a mock as a draft in your bank.

    Example: storyladder sessions keep 3f2a9c1b7d4e 1
    """
    story = _service(ctx).save_draft(session_id, answer - 1)
    console().print(
        f"Saved the draft '{story.id}' in your own words. Finish it with: "
        f"storyladder story edit {story.id}"
    )


# -- the loop -------------------------------------------------------------------------


def _service(ctx: typer.Context) -> Practice:
    from storyladder.interview.practice import Practice
    from storyladder.llm.config import SETTING, effective, provider_for

    repo = state(ctx).repo()
    return Practice(repo, provider_for(effective(repo.get_setting(SETTING))))


def _run(
    ctx: typer.Context, mode: str, answers: Path | None, fmt: OutputFormat, **options: Any
) -> None:
    service = _service(ctx)
    scripted = _scripted(answers)
    _drive(service, service.start(mode, **options), scripted, fmt, state(ctx).home)


def _drive(
    service: Practice,
    session: Session,
    scripted: list[str] | None,
    fmt: OutputFormat,
    home: Path,
) -> None:
    from rich.text import Text

    from storyladder.interview.practice import progress

    quiet = fmt == "json"
    notices = service.outcome.notices
    started = time.monotonic()
    while session.status == "active":
        asked = session.last_question
        assert asked is not None
        if not quiet:
            clock = time.monotonic() - started
            _show_turn("interviewer", asked.text, (), None, clock, progress(session).describe())
        began = time.monotonic()
        text = _next_answer(scripted, quiet)
        if text is None or text == "/quit":
            if not quiet:
                console().print(f"Saved. Continue with: storyladder sessions resume {session.id}")
            if quiet:
                print_json(_transcript(session))
            return
        if text == "/repeat":
            continue
        if text == "/skip":
            session = _take(service, session, home, "/skip")
            continue
        seconds = round(time.monotonic() - began, 1) if scripted is None else None
        noticed = len(notices)
        session = _take(service, session, home, text, seconds)
        if quiet:
            continue
        if len(notices) > noticed:
            console().print(
                Text(
                    f"(model unavailable, using the offline interviewer: {notices[-1]})",
                    style="yellow",
                )
            )
        answered = session.answers[-1]
        took = f" ({answered.seconds:.0f}s)" if answered.seconds else ""
        heard = ", ".join(answered.signals)
        note = f"{answered.critique['words'] if answered.critique else 0} words{took}"
        console().print(Text(note + (f"; heard: {heard}" if heard else ""), style="dim"))
        if "new_story" in answered.signals:
            console().print(
                Text(
                    "That story is not in your bank. Keep it as a draft afterwards: "
                    f"storyladder sessions keep {session.id} {len(session.answers)}",
                    style="dim",
                )
            )
    if quiet:
        print_json(_transcript(session))
    else:
        _show_turn("interviewer", session.turns[-1].text, (), None)
        show_scorecard(session.scorecard or {})
        console().print(f"\nSession {session.id} saved (storyladder sessions show {session.id}).")


def _take(
    service: Practice, session: Session, home: Path, text: str, seconds: float | None = None
) -> Session:
    """Answer (or /skip) on the revision the candidate saw. If another window took a turn
    first, or the database refuses the save, the answer goes to HOME/recovery/ and the
    error says where (exit code 2); nothing saved is overwritten."""
    from storyladder.errors import SessionConflict
    from storyladder.store.recovery import keep, saving

    name = f"answer-{session.id}"
    try:
        if text == "/skip":
            return service.skip(session.id, revision=session.revision)
        with saving(home, text, name, ".txt"):
            return service.answer(session.id, text, seconds=seconds, revision=session.revision)
    except SessionConflict as conflict:
        kept = (
            "" if text == "/skip" else f"\nyour answer is kept in {keep(home, text, name, '.txt')}"
        )
        raise InputError(
            f"{conflict}{kept}\nsee where it is now with 'storyladder sessions show "
            f"{session.id}', then continue with 'storyladder sessions resume {session.id}'"
        ) from None


def _next_answer(scripted: list[str] | None, quiet: bool) -> str | None:
    from rich.text import Text

    if scripted is not None:
        return scripted.pop(0) if scripted else None
    if not quiet:
        console().print(Text("(answer, then an empty line; /skip /repeat /quit)", style="dim"))
    lines: list[str] = []
    for line in sys.stdin:
        stripped = line.rstrip("\n")
        if not lines and stripped.strip() in ("/skip", "/repeat", "/quit"):
            return stripped.strip()
        if not stripped.strip() and lines:
            break
        if stripped.strip() or lines:
            lines.append(stripped)
    if not lines:
        return None  # end of input: save and stop
    return "\n".join(lines)


def _scripted(path: Path | None) -> list[str] | None:
    if path is None:
        return None
    if path.is_dir():  # spoken answers, one recording each, in name order
        from storyladder.speech.transcribe import recordings, transcribe

        return [transcribe(p).text or "/skip" for p in recordings(path)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: cannot read the answers: {err}") from None
    if not isinstance(data, list) or not all(isinstance(a, str) for a in data):
        raise InputError(f"{path}: expected a JSON list of answer strings")
    return list(data)


def _transcript(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "mode": session.mode,
        "company": session.company,
        "status": session.status,
        "turns": [t.to_dict() for t in session.turns],
        "scorecard": session.scorecard,
    }


def _show_turn(
    role: str,
    text: str,
    signals: tuple[str, ...],
    seconds: float | None,
    clock: float | None = None,
    where: str | None = None,
) -> None:
    from rich.text import Text

    out = console()
    if role == "interviewer":
        stamp = f"[{int(clock // 60):02d}:{int(clock % 60):02d}] " if clock is not None else ""
        place = Text(f" ({where})", style="dim") if where else Text("")
        out.print(
            Text(f"\n{stamp}Interviewer", style="bold cyan") + place + Text(": ") + Text(text)
        )
    else:
        took = f" ({seconds:.0f}s)" if seconds else ""
        out.print(Text(f"You{took}: ", style="bold") + Text(text))
        if signals:
            out.print(Text(f"  heard: {', '.join(signals)}", style="dim"))


def show_scorecard(card: dict[str, Any]) -> None:
    from rich.text import Text

    out = console()
    out.print(Text("\nScorecard", style="bold"))
    if not card.get("answers"):
        out.print("  no answers yet")
        return
    out.print("  " + "   ".join(f"{k} {v}" for k, v in card["dimensions"].items()))
    for story_id, level in card["levels"].items():
        out.print(f"  {story_id}: held to {(level or 'no level').replace('_', '-')}")
    for j in card.get("judgments", []):  # the candidate's words are printed as plain text
        verdict = "met" if j["met"] else "not met"
        said = f' ("{j["evidence"][0]}")' if j["met"] and j["evidence"] else ""
        missing = f" Still missing: {j['missing']}" if j["missing"] else ""
        out.print(
            Text(f"    {j['level'].replace('_', '-')}: {verdict} ({j['score']}){said}{missing}")
        )
    for b in card.get("behaviours", []):
        shown = f'shown ("{b["evidence"]}")' if b["evidence"] else f"shown in {b['shown']:.0%}"
        out.print(
            Text(f"  {b['name']}: {shown if b['shown'] else 'not shown'}. ")
            + Text(b["what"], style="dim")
        )
    if card["recurring_flags"]:
        out.print(
            "  recurring: " + ", ".join(f"{k} x{v}" for k, v in card["recurring_flags"].items())
        )
    for taken in card["pushback"]:
        out.print(Text(f'  under push-back: {taken["outcome"]} ("{taken["quote"]}")'))
    for key, style in (("strongest", "green"), ("weakest", "red")):
        moment = card[key]
        level = moment["level"].replace("_", "-")
        out.print(
            Text(f"  {key} ({level}, {moment['score']}): ", style=style)
            + Text(f'"{moment["quote"]}"')
        )
    out.print(Text("  Practise next:", style="bold"))
    for i, item in enumerate(card["practise"], 1):
        out.print(Text(f"   {i}. {item}"))
