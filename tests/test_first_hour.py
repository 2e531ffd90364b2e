"""A new user's first session in the terminal: messages that say what to do next."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from storyladder.cli.editor import template
from storyladder.coach.text import sentences
from tests.test_cli_story import GOOD, sl

SHORT = "I rolled back the migration. It cost us a day. Now I test on a copy first."


def test_the_length_check_fails_below_its_aim_as_well_as_above() -> None:
    code, out, _ = sl("critique", "-", "--format", "json", input=SHORT)
    [length] = [c for c in json.loads(out)["checks"] if c["id"] == "length"]
    assert code == 0 and not length["passed"] and "aim: 2-3 min" in length["detail"]


def test_anthropic_behaviours_are_named_and_explained() -> None:
    code, out, _ = sl("critique", "-", "--company", "anthropic", input=SHORT)
    assert code == 0
    for name in ("Acknowledging knowledge gaps", "Second-order effects"):
        assert name in out
    assert "none" not in out.split("Anthropic's four behaviours")[1].split("\n")[0]


def test_an_answer_not_in_english_gets_a_note_and_sentences_end_at_wide_stops() -> None:
    chinese = (
        "我负责支付系统的迁移。我决定跳过影子测试，因为日期已经公开了。结果很多客户被重复扣款。"
    )
    assert len(sentences(chinese)) == 3
    code, out, _ = sl("critique", "-", "--format", "json", input=chinese)
    assert code == 0 and "reads English" in json.loads(out)["notes"][0]
    assert "notes" not in json.loads(sl("critique", "-", "--format", "json", input=SHORT)[1])


def test_a_busy_port_is_said_before_anything_starts() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = sl("serve", "--port", str(port))
    assert code == 2 and "already in use" in err and f"--port {port + 1}" in err
    assert "running at" not in out


def test_the_template_names_the_allowed_values_and_add_says_what_next(tmp_path: Path) -> None:
    text = template()
    for value in ("someone_else_right", "protagonist", "manager", "mentee"):
        assert value in text
    path = tmp_path / "good.md"
    path.write_text(GOOD)
    code, out, _ = sl("story", "add", "--from", str(path))
    assert code == 0 and "storyladder ladder the-migration-we-rolled-back" in out


def test_story_list_fits_80_columns_with_every_id_whole() -> None:
    from typer.testing import CliRunner

    from storyladder.cli.main import app
    from tests.test_web import SAMPLE

    sl("bank", "import", str(SAMPLE))
    result = CliRunner().invoke(app, ["story", "list"], env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and all(len(line) <= 80 for line in lines)
    for story_id in ("caring-too-much-about-quality", "holiday-fraud-model-language-gap"):
        assert any(story_id in line for line in lines)
    assert (
        "Big launch" in result.stdout and "ambiguity" in result.stdout and "…" not in result.stdout
    )
