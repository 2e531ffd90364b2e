"""Property: `bank export` then `bank import` into an empty bank gives back the same bank."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyladder import taxonomy
from storyladder.formats import bank as bank_files
from storyladder.formats import markdown
from storyladder.model import (
    ID_PATTERN,
    LEVELS,
    PARTS,
    RELATIONS,
    SECTIONS,
    SELF_PARTS,
    Metric,
    Person,
    Story,
)
from storyladder.store.database import open_repository

pytestmark = pytest.mark.slow

TAX = taxonomy.load()
# Prose: any printable text, newlines included; ends are normalized by the format (SPEC §10).
fragment = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    max_size=30,
) | st.sampled_from(["\n", "\n\n", "## ", "### Surface", "---", "#", " ", "\\", "\\## "])
prose = st.lists(fragment, max_size=6).map(lambda parts: "".join(parts).strip())
line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s != "")
scalar = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | line
extra_value = (
    scalar
    | st.lists(scalar, max_size=3)
    | st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), scalar, max_size=2)
)
RESERVED = {*markdown.FRONT_KEYS, *SECTIONS, "extra", "ladder", "other_sections"}
extra_key = st.from_regex(r"[a-z][a-z_]{0,12}", fullmatch=True).filter(lambda k: k not in RESERVED)


@st.composite
def stories(draw: st.DrawFn) -> Story:
    return Story(
        id=draw(st.from_regex(ID_PATTERN, fullmatch=True)),
        title=draw(line.filter(lambda s: len(s) <= 200)),
        when=draw(st.none() | line),
        **{name: draw(prose) for name in SECTIONS},
        ladder={lv: text for lv in LEVELS if (text := draw(prose))},
        categories=tuple(
            draw(st.lists(st.sampled_from(TAX.category_ids), max_size=3, unique=True))
        ),
        families=tuple(draw(st.lists(st.sampled_from(TAX.subtopic_ids), max_size=3, unique=True))),
        competencies=tuple(
            draw(st.lists(st.sampled_from(TAX.competency_ids), max_size=3, unique=True))
        ),
        self_part=draw(st.none() | st.sampled_from(SELF_PARTS)),
        people=tuple(
            draw(
                st.lists(
                    st.builds(
                        Person,
                        line,
                        st.none() | st.sampled_from(RELATIONS),
                        st.none() | st.sampled_from(PARTS),
                    ),
                    max_size=3,
                )
            )
        ),
        metrics=tuple(
            draw(st.lists(st.builds(Metric, line, st.booleans(), st.none() | line), max_size=3))
        ),
        emotions=tuple(draw(st.lists(line, max_size=3))),
        extra=draw(st.dictionaries(extra_key, extra_value, max_size=3)),
    )


banks = st.lists(stories(), min_size=1, max_size=4, unique_by=lambda s: s.id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks)
def test_export_then_import_into_an_empty_bank_gives_back_the_same_bank(bank: list[Story]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first = open_repository(f"sqlite:///{tmp}/first.db")
        first.import_stories(bank)
        bank_files.write([r.story for r in first.list()], Path(tmp) / "export")
        second = open_repository(f"sqlite:///{tmp}/second.db")
        second.import_stories(bank_files.read(Path(tmp) / "export"))
        assert {r.story.id: r.story for r in second.list()} == {s.id: s for s in bank}
        bank_files.write([r.story for r in second.list()], Path(tmp) / "bank.json")
        assert {s.id: s for s in bank_files.read(Path(tmp) / "bank.json")} == {
            s.id: s for s in bank
        }
        first.close()
        second.close()
