"""`serve --workers N`: several processes answer as one server. Nothing a page needs lives in
one process: the page token is derived from a secret in the home folder, and the coach's
readings are in the database."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from storyladder.web.app import create_app

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _token(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found, "every page carries the token"
    return found.group(1)


def test_two_apps_on_one_home_accept_each_others_pages(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bank.db'}"
    hosts = {"testserver"}
    one = TestClient(create_app(tmp_path, url, hosts))
    two = TestClient(create_app(tmp_path, url, hosts))
    token = _token(one.get("/stories/new").text)
    answer = {"csrf_token": token, "action": "I rolled the release back and told the team why."}
    critiqued = two.post("/critique", data=answer)
    assert critiqued.status_code == 200 and "overall" in critiqued.text
    other = TestClient(create_app(tmp_path / "elsewhere", url, hosts))
    assert _token(other.get("/stories/new").text) != token  # another home, another secret
    assert (tmp_path / "web-secret").stat().st_mode & 0o077 == 0


def _get(url: str | urllib.request.Request) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def test_serve_with_two_workers_answers_every_request(tmp_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "storyladder", "--home", str(tmp_path), "serve"]
        + ["--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                page = _get(f"{base}/stories/new")[1]
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not start")
        token = _token(page)
        statuses = []
        for i in range(30):  # spread over both workers by the kernel
            body = urlencode({"csrf_token": token, "action": f"I fixed the build, day {i}."})
            request = urllib.request.Request(
                f"{base}/critique", data=body.encode(), headers={"Origin": base}
            )
            statuses.append(_get(request)[0])
            statuses.append(_get(f"{base}/")[0])
        assert set(statuses) == {200}
    finally:
        server.terminate()
        server.communicate(timeout=20)  # closes the pipe
    for _ in range(50):  # the workers and their coach processes end with the server
        if not _processes_serving(tmp_path):
            break
        time.sleep(0.1)
    assert _processes_serving(tmp_path) == []


def _processes_serving(home: Path) -> list[int]:
    """Processes whose environment names this home (every worker and coach process does)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if str(home).encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found
