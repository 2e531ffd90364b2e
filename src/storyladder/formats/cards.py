"""Printable story cards (one page per story: the STAR-L skeleton, the numbers you can
defend, the ladder cues) as HTML with print CSS, a PDF where Chromium is available, and
the whole bank as one Markdown document."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from storyladder import taxonomy
from storyladder.model import LEVELS, SECTIONS, Story

CSS = """
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; margin: 0; }
.card { padding: 14mm 16mm; page-break-after: always; break-after: page; }
.card:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 16pt; margin: 0 0 2mm; } .when { color: #555; margin: 0 0 4mm; }
h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: .04em;
     margin: 4mm 0 1mm; color: #333; }
ul { margin: 0; padding-left: 5mm; } li { margin: .5mm 0; }
.cue { color: #333; } .cue b { display: inline-block; min-width: 30mm; }
.defend { color: #1f6b3a; } .soft { color: #8a5a00; }
@page { size: A4; margin: 0; }
@media screen { .card { max-width: 190mm; margin: 8mm auto; border: 1px solid #ccc; } }
"""


def _first_sentence(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    cut = text.split(". ")[0]
    return cut if len(cut) <= limit else cut[: limit - 1] + "…"


def card(story: Story) -> str:
    tax = taxonomy.load()
    e = html.escape
    parts = [f'<section class="card"><h1>{e(story.title)}</h1>']
    if story.when:
        parts.append(f'<p class="when">{e(story.when)}</p>')
    parts.append("<h2>STAR-L skeleton</h2><ul>")
    for name in SECTIONS:
        text = story.section(name)
        if text.strip():
            parts.append(
                f'<li class="cue"><b>{name.capitalize()}</b> {e(_first_sentence(text))}</li>'
            )
    parts.append("</ul>")
    if story.metrics:
        parts.append("<h2>Numbers</h2><ul>")
        for m in story.metrics:
            mark = "defend" if m.defensible else "soft"
            note = "I can defend this" if m.defensible else "check before using"
            source = f" ({e(m.source)})" if m.source else ""
            parts.append(f'<li class="{mark}">{e(m.text)}{source} - {note}</li>')
        parts.append("</ul>")
    parts.append("<h2>Ladder cues</h2><ul>")
    for level in LEVELS:
        answer = story.ladder.get(level, "")
        cue = e(_first_sentence(answer, 120)) if answer.strip() else "<i>not written yet</i>"
        parts.append(f'<li class="cue"><b>{tax.level(level).name}</b> {cue}</li>')
    parts.append("</ul>")
    if story.people:
        names = ", ".join(
            f"{e(p.name)} ({e(p.part or p.relation or 'other')})" for p in story.people
        )
        parts.append(f"<h2>People to credit</h2><p>{names}</p>")
    parts.append("</section>")
    return "".join(parts)


def cards_html(stories: Sequence[Story]) -> str:
    body = "\n".join(card(s) for s in stories)
    return (
        f'<!doctype html><html lang="en"><meta charset="utf-8">'
        f"<title>storyladder cards</title><style>{CSS}</style><body>{body}</body></html>"
    )


def write_cards(stories: Sequence[Story], folder: Path) -> list[Path]:
    """cards.html always; cards.pdf too when a Chromium is installed to print it."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "cards.html"
    page.write_text(cards_html(stories), encoding="utf-8")
    written = [page]
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser:
        pdf = folder / "cards.pdf"
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--no-first-run",
                    "--disable-sync",
                    f"--user-data-dir={profile}",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}",
                    page.resolve().as_uri(),
                ],
                check=False,
                capture_output=True,
                timeout=60,
            )
        if pdf.exists():
            written.append(pdf)
    return written


def bank_markdown(stories: Sequence[Story]) -> str:
    """The whole bank as one readable Markdown document, one chapter per story."""
    tax = taxonomy.load()
    out = [f"# Story bank ({len(stories)} stories)", ""]
    out += [f"- [{s.title}](#{s.id})" for s in stories]
    for story in stories:
        out += ["", f'<a id="{story.id}"></a>', "", f"## {story.title}", ""]
        facts = [
            ("When", story.when or ""),
            ("Categories", ", ".join(story.categories)),
            ("Your part", story.self_part or ""),
            (
                "People",
                ", ".join(f"{p.name} ({p.part or p.relation or 'other'})" for p in story.people),
            ),
            ("Felt", ", ".join(story.emotions)),
        ]
        out += [f"- **{k}**: {v}" for k, v in facts if v]
        out += [
            f"- **Number**: {m.text}"
            + (" (I can defend this)" if m.defensible else "")
            + (f", source: {m.source}" if m.source else "")
            for m in story.metrics
        ]
        for name in SECTIONS:
            if story.section(name).strip():
                out += ["", f"### {name.capitalize()}", "", story.section(name).strip()]
        for level in LEVELS:
            if story.ladder.get(level, "").strip():
                info = tax.level(level)
                out += ["", f"### {info.name}: {info.probe}", "", story.ladder[level].strip()]
    return "\n".join(out) + "\n"
