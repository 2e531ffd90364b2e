"""An Anki deck: one note per story and ladder level; front the probe, back the candidate's
own prepared answer (never anything the tool wrote)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import genanki

from storyladder import taxonomy
from storyladder.interview.plan import surface_question
from storyladder.model import LEVELS, Story

MODEL_ID = 1_607_392_319  # stable, so re-imports update notes instead of duplicating them
DECK_ID = 2_059_400_110


def _model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID,
        "storyladder: ladder level",
        fields=[{"name": "Story"}, {"name": "Level"}, {"name": "Probe"}, {"name": "Answer"}],
        templates=[
            {
                "name": "Probe -> your answer",
                "qfmt": "<div class=story>{{Story}}</div><div class=level>{{Level}}</div>"
                "<div class=probe>{{Probe}}</div>",
                "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>",
            }
        ],
        css=".card{font-family:sans-serif;font-size:18px;text-align:left}"
        ".story{color:#666;font-size:14px}.level{font-weight:bold}.answer{white-space:pre-wrap}",
    )


class _Note(genanki.Note):  # type: ignore[misc]
    @property
    def guid(self) -> str:  # the same story and level keep the same note across exports
        return genanki.guid_for(self.fields[0], self.fields[1])


def deck(stories: Sequence[Story]) -> genanki.Deck:
    tax = taxonomy.load()
    model = _model()
    result = genanki.Deck(DECK_ID, "storyladder")
    for story in stories:
        for level in LEVELS:
            answer = story.ladder.get(level, "").strip()
            if not answer:
                continue
            info = tax.level(level)
            asked = surface_question(story) if level == "surface" else info.probe
            result.add_note(
                _Note(
                    model=model,
                    fields=[
                        html.escape(story.title),
                        info.name,
                        html.escape(asked),
                        html.escape(answer).replace("\n", "<br>"),
                    ],
                    tags=[f"story::{story.id}", f"level::{level}"],
                )
            )
    return result


def write(stories: Sequence[Story], path: Path) -> int:
    """Write the .apkg; returns the number of notes."""
    d = deck(stories)
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(d).write_to_file(str(path))
    return len(d.notes)
