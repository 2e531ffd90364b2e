"""A bounded load run against a real server: 20 and 50 clients on the dashboard, a story
page, the live critique and a practice turn, with one worker and with two.

Run: .venv/bin/python bench/load.py [--requests N]

Each client is a thread with its own keep-alive connection that sends N requests one
after another; the figures are throughput (requests per second over the whole run)
and the p50 / p95 / p99 latency. The clients run on the same 2-core machine as the
server, so they take some of its CPU: read the figures as a floor, and compare the
one-worker and two-worker rows, measured in the same run.
"""

from __future__ import annotations

import argparse
import http.client
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from storyladder.formats import bank as bank_files
from storyladder.store.database import open_repository

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "storyladder" / "content" / "sample_bank"
ANSWER = (
    "Last spring I led the billing migration at a logistics company. I chose to move one "
    "region first instead of all four, because a rollback of one region took ten minutes. "
    "The first region lost about 2% of invoices for a day; I told finance that afternoon "
    "and we re-sent them by hand. Since then I run a dry run on last month's data before "
    "any migration I own, and I ask the team that uses the output to read it with me. "
) * 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, home: Path, workers: int):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "storyladder", "--home", str(home), "serve"]
            + ["--port", str(self.port), "--workers", str(workers)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                self.request("GET", "/stories/new")
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("the server did not start")

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None, conn: object = None
    ) -> tuple[int, str]:
        c = conn if isinstance(conn, http.client.HTTPConnection) else self.connection()
        headers = {"Origin": f"http://127.0.0.1:{self.port}"}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        c.request(method, path, body=data, headers=headers)
        response = c.getresponse()
        text = response.read().decode()
        if conn is None:
            c.close()
        return response.status, text

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


Request = Callable[[int], tuple[str, str, dict[str, str] | None]]  # client -> method, path, body


def new_session(server: Server, token: str) -> str:
    form = {"csrf_token": token, "mode": "ladder", "story_id": "rolled-back-tracking-migration"}
    conn = server.connection()
    conn.request(
        "POST",
        "/practice",
        body=urlencode(form),
        headers={
            "Origin": f"http://127.0.0.1:{server.port}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = conn.getresponse()
    response.read()
    conn.close()
    return str(response.getheader("location")).rsplit("/", 1)[-1]


def scenarios(server: Server, clients: int, per_client: int) -> dict[str, Request]:
    page = server.request("GET", "/stories/new")[1]
    found = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert found
    token = found.group(1)
    # a ladder climb ends after its questions: every practice turn answers a fresh session
    fresh = {i: [new_session(server, token) for _ in range(per_client + 1)] for i in range(clients)}
    return {
        "dashboard": lambda i: ("GET", "/", None),
        "story page": lambda i: ("GET", "/stories/rolled-back-tracking-migration", None),
        "live critique (200 words)": lambda i: (
            "POST",
            "/critique",
            {"csrf_token": token, "action": ANSWER[:1200]},
        ),
        "practice turn": lambda i: (
            "POST",
            f"/practice/{fresh[i].pop()}/answer",
            {"csrf_token": token, "text": ANSWER[:600]},
        ),
    }


def run(server: Server, make: Request, clients: int, per_client: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(i: int) -> None:
        conn = server.connection()
        mine = []
        for _ in range(per_client):
            method, path, body = make(i)
            start = time.perf_counter()
            status, _ = server.request(method, path, body, conn)
            mine.append(time.perf_counter() - start)
            if status >= 400:
                errors.append(f"{status} {path}")
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{len(errors)} requests failed, first: {errors[0]}")
    return len(latencies) / elapsed, sorted(latencies)


def percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, int(len(values) * share))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10, help="requests per client")
    args = parser.parse_args()
    print(
        f"{'workers':>7} {'clients':>7}  {'request':<26} {'req/s':>7} "
        f"{'p50':>8} {'p95':>8} {'p99':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        repo = open_repository(f"sqlite:///{home / 'storyladder.db'}")
        repo.import_stories(bank_files.read(SAMPLE))
        repo.close()
        for workers in (1, 2):
            server = Server(home, workers)
            try:
                for clients in (20, 50):
                    for name, make in scenarios(server, clients, args.requests).items():
                        run(server, make, clients, 1)  # warm: the first reading of each story
                        rate, lat = run(server, make, clients, args.requests)
                        print(
                            f"{workers:>7} {clients:>7}  {name:<26} {rate:>7.0f} "
                            f"{percentile(lat, 0.5):>6.0f}ms {percentile(lat, 0.95):>6.0f}ms "
                            f"{percentile(lat, 0.99):>6.0f}ms"
                        )
            finally:
                server.stop()


if __name__ == "__main__":
    main()
