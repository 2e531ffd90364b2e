"""Import and export of a whole bank, and the demo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from storyladder.cli.demo import sample_bank_dir
from storyladder.formats import bank as bank_files
from storyladder.formats import markdown
from tests.test_cli_story import sl

HAND = Path(__file__).parent / "fixtures" / "hand_written"


def _bank() -> list[dict]:
    return json.loads(sl("story", "list", "--format", "json")[1])


def test_hand_written_files_import_export_and_reimport_without_loss(tmp_path: Path) -> None:
    assert sl("bank", "import", str(HAND))[0] == 0
    first = {p.name: markdown.parse(p.read_text()) for p in HAND.iterdir()}
    out = tmp_path / "out"
    assert sl("bank", "export", str(out))[0] == 0
    exported = {s.id: s for s in bank_files.read(out)}
    assert {s.id: s for s in first.values()} == exported
    other_home = tmp_path / "other"
    assert sl("--home", str(other_home), "bank", "import", str(out))[0] == 0
    code, out_json, _ = sl("--home", str(other_home), "bank", "export", str(tmp_path / "b.json"))
    assert code == 0
    again = {s.id: s for s in bank_files.read(tmp_path / "b.json")}
    assert again == exported


def test_reimport_updates_as_a_new_revision(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(HAND, folder)
    sl("bank", "import", str(folder))
    path = folder / "minimal.md"
    path.write_text(path.read_text() + "## Action\nI did one thing.\n")
    code, out, _ = sl("bank", "import", str(folder))
    assert code == 0 and "1 updated, 1 unchanged" in out
    assert len(_bank()) == 2
    history = json.loads(sl("story", "history", "just-a-title", "--format", "json")[1])
    assert [h["revision"] for h in history] == [2, 1]


def test_one_bad_file_means_nothing_is_imported_and_every_problem_is_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(HAND, folder)
    (folder / "bad.md").write_text("---\ntitle: x\ncategories: [nope]\n---\n")
    (folder / "dup.md").write_text("---\ntitle: Just a title\n---\n")
    (folder / "blob.md").write_bytes(b"\x00\x01")
    code, _, err = sl("bank", "import", str(folder))
    assert code == 2
    assert "nothing was imported: 3 problem(s)" in err
    assert "bad.md:3: categories: unknown id 'nope'" in err
    assert "duplicate id 'just-a-title'" in err
    assert "blob.md: this is a binary file" in err
    assert _bank() == []


def test_a_json_bank_round_trips(tmp_path: Path) -> None:
    sl("bank", "import", str(HAND))
    sl("bank", "export", str(tmp_path / "bank.json"))
    data = json.loads((tmp_path / "bank.json").read_text())
    assert data["format"] == "storyladder-bank" and len(data["stories"]) == 2
    code, out, _ = sl("--home", str(tmp_path / "h2"), "bank", "import", str(tmp_path / "bank.json"))
    assert code == 0 and "2 new" in out


def test_demo_sets_up_a_separate_home_with_the_sample_bank(isolated_home: Path) -> None:
    code, out, _ = sl("demo")
    assert code == 0
    samples = bank_files.read(sample_bank_dir())
    assert len(samples) >= 10
    assert f"--home {isolated_home / 'demo'}" in out
    assert _bank() == []  # the user's own bank is untouched
    demo_bank = json.loads(
        sl("--home", str(isolated_home / "demo"), "story", "list", "--format", "json")[1]
    )
    assert len(demo_bank) == len(samples)
    assert sl("demo")[0] == 0  # running it twice is harmless
    demo = str(isolated_home / "demo")
    sessions = json.loads(sl("--home", demo, "sessions", "list", "--format", "json")[1])
    assert len(sessions) >= 5 and all(s["id"].startswith("demo-") for s in sessions)  # marked
    shown = json.loads(sl("--home", demo, "progress", "--format", "json")[1])
    assert len(shown["sessions"]) == len(sessions)  # Progress opens on weeks of practice
    assert json.loads(sl("sessions", "list", "--format", "json")[1]) == []  # never in yours
