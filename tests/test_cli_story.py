"""The command line, as a user drives it: exit code 2 and nothing written on bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyladder.cli.main import app

GOOD = """---
title: The migration we rolled back
categories: [failure]
---
## Action
I rolled it back.
## Ladder
### Surface
We shipped a migration and I rolled it back.
"""


def sl(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(GOOD)
    return path


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """An $EDITOR that replaces whatever it is given with `text`."""
    source = tmp_path / "editor-output.md"
    source.write_text(text)
    script = tmp_path / "editor.py"
    script.write_text(f"import shutil, sys\nshutil.copy({str(source)!r}, sys.argv[1])\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


def test_add_list_show(good_file: Path) -> None:
    assert sl("story", "add", "--from", str(good_file))[0] == 0
    code, out, _ = sl("story", "list", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert (row["id"], row["ladder_depth"], row["revision"]) == (
        "the-migration-we-rolled-back",
        1,
        1,
    )
    code, out, _ = sl("story", "show", "the-migration-we-rolled-back")
    assert "## Action\n\nI rolled it back." in out
    code, out, _ = sl("story", "list")
    assert "The migration we rolled back" in out and "1/6" in out


def test_add_in_the_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _editor(tmp_path, monkeypatch, GOOD)
    code, out, err = sl("story", "add")
    assert code == 0, err
    assert "Added 'the-migration-we-rolled-back'" in out


def test_an_invalid_edit_keeps_the_typing_in_a_recovery_file(
    good_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    sl("story", "add", "--from", str(good_file))
    broken = (
        GOOD.replace("categories: [failure]", "categories: [failure, heroics]") + "\nnew words\n"
    )
    _editor(tmp_path, monkeypatch, broken)
    code, _, err = sl("story", "edit", "the-migration-we-rolled-back")
    assert code == 2
    assert "unknown id 'heroics'" in err
    [kept] = (isolated_home / "recovery").iterdir()
    assert kept.read_text() == broken
    assert (
        len(
            json.loads(
                sl("story", "history", "the-migration-we-rolled-back", "--format", "json")[1]
            )
        )
        == 1
    )


def test_edit_saves_a_revision_and_history_restores(good_file: Path, tmp_path: Path) -> None:
    sl("story", "add", "--from", str(good_file))
    changed = tmp_path / "changed.md"
    changed.write_text(
        GOOD.replace("I rolled it back.\n## Ladder", "I rolled it back at 2am.\n## Ladder")
    )
    code, out, _ = sl("story", "edit", "the-migration-we-rolled-back", "--from", str(changed))
    assert (code, out.strip()) == (0, "Saved 'the-migration-we-rolled-back' as revision 2.")
    code, out, _ = sl(
        "story", "show", "the-migration-we-rolled-back", "--revision", "1", "--format", "json"
    )
    assert json.loads(out)["action"] == "I rolled it back."
    assert sl("story", "restore", "the-migration-we-rolled-back", "1")[0] == 0
    history = json.loads(
        sl("story", "history", "the-migration-we-rolled-back", "--format", "json")[1]
    )
    assert [h["action"] for h in history] == ["restore", "edit", "create"]


def test_an_edit_that_changes_the_id_is_refused(good_file: Path, tmp_path: Path) -> None:
    sl("story", "add", "--from", str(good_file))
    other = tmp_path / "other.md"
    other.write_text(GOOD.replace("title:", "id: renamed\ntitle:"))
    code, _, err = sl("story", "edit", "the-migration-we-rolled-back", "--from", str(other))
    assert code == 2 and "ids cannot change" in err


def test_rm_asks_and_is_recoverable(good_file: Path) -> None:
    sl("story", "add", "--from", str(good_file))
    assert sl("story", "rm", "the-migration-we-rolled-back", input="n\n")[0] == 1
    assert sl("story", "rm", "the-migration-we-rolled-back", "--yes")[0] == 0
    assert json.loads(sl("story", "list", "--format", "json")[1]) == []
    code, _, err = sl("story", "show", "the-migration-we-rolled-back")
    assert code == 2 and "was removed" in err
    assert sl("story", "restore", "the-migration-we-rolled-back")[0] == 0
    assert len(json.loads(sl("story", "list", "--format", "json")[1])) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"---\ntitle: caf\xe9\n---\n", "not valid UTF-8"),
        (b"---\ntitle: t\n---\n## Action\n" + b"x" * 5_000_000, "at most 1,000,000 bytes"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"---\ntitle: [unclosed\n---\n", "malformed YAML"),
        (b"---\ntitle: t\ncategories: [heroics]\n---\n", "unknown id 'heroics'"),
        (b"---\nwhen: 2020\n---\n## Action\nx\n", "needs a title"),
    ],
)
def test_bad_input_exits_2_names_the_file_and_writes_nothing(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    code, _, err = sl("story", "add", "--from", str(path))
    assert code == 2
    assert message in err and "bad.md" in err
    assert json.loads(sl("story", "list", "--format", "json")[1]) == []


def test_a_missing_story_is_a_clear_error() -> None:
    code, _, err = sl("story", "show", "nope")
    assert code == 2 and "no story with id 'nope'" in err


def test_a_bad_database_url_is_a_clear_error() -> None:
    code, _, err = sl("--db", "nonsense://", "story", "list")
    assert code == 2 and "error:" in err


def _two_stories(home: Path, tmp_path: Path) -> None:
    for title in ("Mentoring a new analyst", "Missed the quarter close"):
        path = tmp_path / f"{title}.md"
        path.write_text(f"---\ntitle: {title}\n---\n## Action\nI did it.\n")
        assert sl("--home", str(home), "story", "add", "--from", str(path))[0] == 0


def test_a_unique_beginning_of_an_id_names_the_story(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _two_stories(home, tmp_path)
    code, out, _ = sl("--home", str(home), "story", "show", "mentoring")
    assert code == 0 and "id: mentoring-a-new-analyst" in out
    code, _, err = sl("--home", str(home), "story", "show", "m")
    assert code == 2 and "mentoring-a-new-analyst" in err and "missed-the-quarter-close" in err
    assert sl("--home", str(home), "story", "rm", "missed", "--yes")[0] == 0
    assert sl("--home", str(home), "story", "show", "m")[0] == 0  # one left: no longer ambiguous
    code, out, _ = sl("--home", str(home), "story", "restore", "missed")
    assert code == 0 and "missed-the-quarter-close" in out
    code, _, err = sl("--home", str(home), "story", "show", "nothing-like-it")
    assert code == 2 and "no story with id" in err


def test_the_shell_completes_story_ids(tmp_path: Path) -> None:
    import os
    import subprocess

    home = tmp_path / "home"
    _two_stories(home, tmp_path)
    script = Path(sys.executable).parent / "storyladder"
    words = f"storyladder --home {home} story show mi"
    env = {**os.environ, "_STORYLADDER_COMPLETE": "complete_bash", "COMP_WORDS": words}
    out = subprocess.run(
        [str(script)], env={**env, "COMP_CWORD": "5"}, capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["missed-the-quarter-close"]
