"""The README's command examples are true: every command and option it shows exists, and
the ones that only read run against the demo bank."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.test_cli_story import sl

README = Path(__file__).parent.parent / "README.md"
SAMPLE = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"


def _examples() -> list[str]:
    """Each `storyladder ...` command in the README's code blocks, alternatives spread out
    ("show ID | resume ID" gives two), comments dropped, optional parts ([...]) kept."""
    blocks = re.findall(r"```\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    out = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            for part in re.split(r"\s+/\s+|\s+\|\s+(?=storyladder|\w+ )", line):
                start = part.find("storyladder ")
                if start < 0 or "make " in part:
                    continue
                command = re.sub(r"[\[\]]", "", part[start:]).split(" < ")[0]
                out.append(command.strip())
    return out


def _words(command: str) -> list[str]:
    return shlex.split(command)[1:]


def test_the_readme_shows_commands() -> None:
    assert len(_examples()) >= 25


@pytest.mark.parametrize("command", _examples())
def test_every_command_and_option_in_the_readme_exists(command: str) -> None:
    words = _words(command)
    path = [w for w in words if not w.startswith("-")]
    code, usage, _ = 2, "", ""
    while path:  # the longest prefix that is a command: `story show ID` -> `story show`
        code, usage, _ = sl(*path, "--help")
        if code == 0:
            break
        path = path[:-1]
    assert code == 0, f"not a command: {command}"
    for option in (w.split("=")[0] for w in words if w.startswith("--")):
        assert option in usage, f"{command}: {option} is not an option of '{' '.join(path)}'"


READS = (
    "storyladder story list",
    "storyladder bank check --company anthropic",
    'storyladder match "When did you push back on your boss?"',
    "storyladder critique - --format json",
    "storyladder today",
    "storyladder progress",
    "storyladder phrases cost",
    "storyladder sessions list",
)


def test_the_readme_commands_that_only_read_run_on_the_demo_bank(tmp_path: Path) -> None:
    shown = set(_examples())
    home = str(tmp_path)
    assert sl("--home", home, "bank", "import", str(SAMPLE))[0] == 0
    assert sl("--home", home, "plan", "--interview-date", "2099-01-01")[0] == 0
    for command in READS:
        assert command in shown, f"the README no longer shows: {command}"
        answer = "I rolled the release back in 2022 and told Ana why." if " - " in command else None
        code, out, err = sl("--home", home, *_words(command), input=answer)
        assert code == 0 and out.strip(), f"{command}: {err}"
