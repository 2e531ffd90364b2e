"""A bounded load run of the multi-user server: `serve --multi-user --workers 2` on a
throwaway PostgreSQL, 200 candidates at once, and afterwards a check that no save or answer
was lost.

Run: .venv/bin/python bench/load_multi_user.py [--users 200] [--rounds 5]
(without STORYLADDER_TEST_PG_URL it runs itself under scripts/with-postgres.sh)

Each candidate is a thread with its own keep-alive connection: it logs in (argon2), then
each round saves an edit of its story with If-Match (the revision it last saw), asks for
the live critique of the story, lists its stories, and answers one question of a ladder
climb of its story (POST /api/v1/sessions to start, then .../turns; a new climb when one
ends). One candidate in ten edits in two tabs at once (a second session, a second
thread, the same story): their saves race, the loser gets a 409 (counted as a conflict,
not an error: nothing is overwritten), re-reads and saves again next round. Every 2xx
save is recorded with the revision it answered, and every 2xx turn with its session;
after the run the database (read as the superuser) must hold each save with its text and
no revision beyond those, and each answer in its session. The clients share the 2-core
machine with the server, so read the figures as a floor.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storyladder.model import Story
from storyladder.store import accounts, isolation
from storyladder.store.database import open_repository

ROOT = Path(__file__).resolve().parent.parent
PG_ENV = "STORYLADDER_TEST_PG_URL"
PASSWORD = "load-test password"
ACTION = (
    "I chose to move one region first instead of all four, because a rollback of one "
    "region took ten minutes. The first region lost about 2% of invoices for a day; I told "
    "finance that afternoon and we re-sent them by hand."
)
CRITIQUED = {
    "situation": "Last spring I led the billing migration at a logistics company.",
    "action": ACTION,
    "result": "Invoices were right again within a day and the other three regions moved cleanly.",
    "learning": "Since then I run a dry run on last month's data before any migration I own.",
}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Database:
    admin_url: str
    owner_url: str = ""
    app_url: str = ""
    roles: tuple[str, str] = ("", "")
    name: str = ""

    def create(self) -> None:
        """A fresh database owned by a fresh owner role, and an app role that owns nothing."""
        tag = uuid.uuid4().hex[:8]
        self.name, self.roles = f"load_{tag}", (f"own_{tag}", f"app_{tag}")
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for role in self.roles:
                conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{role}-pass'"))
            conn.execute(text(f'CREATE DATABASE "{self.name}" OWNER {self.roles[0]}'))
        admin.dispose()
        base = make_url(self.admin_url).set(database=self.name)
        urls = [base.set(username=r, password=f"{r}-pass") for r in self.roles]
        self.owner_url, self.app_url = (u.render_as_string(hide_password=False) for u in urls)
        repo = open_repository(self.owner_url)  # migrates, as the owner
        isolation.grant(repo.engine, self.roles[1])
        repo.close()

    def drop(self) -> None:
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            for role in self.roles:
                conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        admin.dispose()


def seed(db: Database, users: int) -> dict[int, tuple[str, str]]:
    """`users` candidates (and one coach) in one cohort, each with one story: id -> (email,
    story id)."""
    repo = open_repository(db.owner_url)
    engine = repo.engine

    def add(i: int) -> tuple[int, tuple[str, str]]:
        email = f"candidate{i:03d}@example.org"
        account = accounts.add_user(engine, email, "candidate", PASSWORD, "load")
        mine = repo.as_user(account.id, account.organisation_id)
        story = mine.add(Story.from_dict({"title": f"The billing migration {i}"} | CRITIQUED))
        return account.id, (email, story.story.id)

    accounts.add_user(engine, "coach@example.org", "coach", PASSWORD, "load")
    with ThreadPoolExecutor(4) as pool:  # argon2 hashing lets go of the interpreter lock
        made = dict(pool.map(add, range(users)))
    repo.close()
    return made


class Server:
    def __init__(self, app_url: str, workers: int):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "storyladder", "serve", "--multi-user", "--db", app_url]
            + ["--port", str(self.port), "--workers", str(workers)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(600):
            try:
                conn = self.connection()
                conn.request("GET", "/api/v1/health", headers=self.headers())
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the server did not start")

    def headers(self) -> dict[str, str]:
        host = f"127.0.0.1:{self.port}"
        return {"Host": host, "Origin": f"http://{host}"}

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    saves: list[tuple[int, str, int, str]] = field(default_factory=list)  # owner, story, rev, mark
    turns: list[tuple[int, str, str]] = field(default_factory=list)  # owner, session, answer
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    """One browser tab of one candidate: a session cookie, its CSRF token, one story."""

    def __init__(self, server: Server, owner: int, email: str, story_id: str, tab: int):
        self.server, self.owner, self.email, self.story_id, self.tab = (
            server,
            owner,
            email,
            story_id,
            tab,
        )
        self.conn = server.connection()
        self.cookie = self.csrf = ""
        self.revision = 1
        self.session = ""  # the ladder climb being answered

    def call(
        self, kind: str, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, bytes, float, http.client.HTTPResponse]:
        sent = self.server.headers() | headers
        if self.cookie:
            sent["Cookie"] = self.cookie
            sent["X-CSRF-Token"] = self.csrf
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = self.server.connection()
            raise
        return response.status, data, time.perf_counter() - start, response

    def json(self, kind: str, method: str, path: str, payload: object, results: Results,
             headers: dict[str, str] | None = None) -> tuple[int, dict | list]:  # fmt: skip
        body = None if payload is None else json.dumps(payload).encode()
        extra = {"Content-Type": "application/json"} if body is not None else {}
        status, data, took, _ = self.call(kind, method, path, body, extra | (headers or {}))
        with results.lock:
            results.latencies[kind].append(took)
        return status, (json.loads(data) if data else {})

    def login(self, results: Results) -> None:
        payload = {"email": self.email, "password": PASSWORD}
        body = json.dumps(payload).encode()
        status, data, took, response = self.call(
            "login", "POST", "/api/v1/login", body, {"Content-Type": "application/json"}
        )
        with results.lock:
            results.latencies["login"].append(took)
        if status != 200:
            raise RuntimeError(f"login {status}")
        self.cookie = str(response.getheader("set-cookie")).split(";", 1)[0]
        self.csrf = json.loads(data)["csrf_token"]

    def save(self, round_: int, results: Results) -> None:
        mark = f"(save {self.owner}-{self.tab}-{round_})"
        story = {"id": self.story_id, "title": f"The billing migration, tab {self.tab}"}
        story |= CRITIQUED | {"action": f"{ACTION} {mark}"}
        path = f"/api/v1/stories/{self.story_id}"
        status, data = self.json(
            "save (PUT, If-Match)", "PUT", path, story, results, {"If-Match": str(self.revision)}
        )
        if status == 200:
            assert isinstance(data, dict)
            self.revision = int(data["revision"])
            with results.lock:
                results.saves.append((self.owner, self.story_id, self.revision, mark))
        elif status == 409:
            assert isinstance(data, dict)
            with results.lock:
                results.conflicts += 1
            self.revision = int(data["current"])  # as a person would: reload, then edit
        else:
            raise RuntimeError(f"save {status}")

    def critique(self, results: Results) -> None:
        body = urlencode(CRITIQUED).encode()
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, data, took, _ = self.call("critique", "POST", "/critique", body, form)
        with results.lock:
            results.latencies["live critique"].append(took)
        if status != 200 or b'class="scores"' not in data:
            raise RuntimeError(f"critique {status}")

    def story_list(self, results: Results) -> None:
        status, data = self.json("story list", "GET", "/api/v1/stories", None, results)
        if status != 200 or not data:
            raise RuntimeError(f"story list {status}")

    def practise(self, round_: int, results: Results) -> None:
        """Answer the climb's question (starting a climb first when none is going on)."""
        if not self.session:
            start = {"mode": "ladder", "story_id": self.story_id, "seed": round_}
            status, data = self.json("practice start", "POST", "/api/v1/sessions", start, results)
            if status != 201:
                raise RuntimeError(f"practice start {status}")
            assert isinstance(data, dict)
            self.session = str(data["id"])
        answer = f"{ACTION} (turn {self.owner}-{self.tab}-{round_})"
        path = f"/api/v1/sessions/{self.session}/turns"
        status, data = self.json("practice turn", "POST", path, {"text": answer}, results)
        if status != 200:
            raise RuntimeError(f"practice turn {status}")
        assert isinstance(data, dict)
        with results.lock:
            results.turns.append((self.owner, self.session, answer))
        if data["status"] != "active":
            self.session = ""

    def run(self, rounds: int, results: Results, start: threading.Barrier) -> None:
        start.wait()
        steps = ["login"] + ["save", "critique", "list", "practise"] * rounds
        for i, name in enumerate(steps):
            try:
                if name == "login":
                    self.login(results)
                elif name == "save":
                    self.save(i // 4, results)
                elif name == "critique":
                    self.critique(results)
                elif name == "practise":
                    self.practise(i // 4, results)
                else:
                    self.story_list(results)
            except Exception as err:  # every failure is counted and reported
                with results.lock:
                    results.errors.append(f"{name}: {err}")
                if name == "login":
                    return
        self.conn.close()


def check_saves(db: Database, seeded: dict[int, tuple[str, str]], results: Results) -> list[str]:
    """Every 2xx save is a revision in the database with its text, no other revision was
    made, and every 2xx turn is in its session: what is lost or unexplained."""
    admin = create_engine(make_url(db.admin_url).set(database=db.name))  # superuser: sees all
    with admin.connect() as conn:
        rows = conn.execute(
            text("SELECT owner_id, story_id, revision, data FROM story_revisions")
        ).all()
        kept = conn.execute(text("SELECT owner_id, id, data FROM sessions")).all()
    admin.dispose()
    answered = {(r.owner_id, r.id): {t["text"] for t in json.loads(r.data)["turns"]} for r in kept}
    lost_turns = [
        f"turn lost: {owner}/{session} {answer[-24:]}"
        for owner, session, answer in results.turns
        if answer not in answered.get((owner, session), set())
    ]
    stored = {(r.owner_id, r.story_id, r.revision): json.loads(r.data) for r in rows}
    lost = [
        f"{owner}/{story}@{revision} {mark}"
        for owner, story, revision, mark in results.saves
        if mark not in stored.get((owner, story, revision), {}).get("action", "")
    ]
    expected = {(o, s, r) for o, s, r, _ in results.saves}
    expected |= {(owner, story, 1) for owner, (_, story) in seeded.items()}
    unexplained = sorted(set(stored) - expected)
    return lost + [f"revision without a 2xx reply: {key}" for key in unexplained] + lost_turns


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        one = values[0] * 1000 if values else 0.0
        return one, one, one
    q = statistics.quantiles(values, n=100, method="inclusive")
    return q[49] * 1000, q[94] * 1000, q[98] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get(PG_ENV):
        script = str(ROOT / "scripts" / "with-postgres.sh")
        os.execv(script, [script, sys.executable, *sys.argv])
    db = Database(os.environ[PG_ENV])
    db.create()
    server = None
    try:
        started = time.perf_counter()
        seeded = seed(db, args.users)
        took = time.perf_counter() - started
        print(f"seeded {args.users} candidates, one story each, in {took:.1f} s")
        server = Server(db.app_url, args.workers)
        results = Results()
        clients = [
            Client(server, owner, email, story, tab)
            for i, (owner, (email, story)) in enumerate(seeded.items())
            for tab in ((0, 1) if i % 10 == 0 else (0,))
        ]
        barrier = threading.Barrier(len(clients) + 1)
        threads = [
            threading.Thread(target=c.run, args=(args.rounds, results, barrier)) for c in clients
        ]
        for t in threads:
            t.start()
        barrier.wait()
        began = time.perf_counter()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        problems = check_saves(db, seeded, results)
    finally:
        if server is not None:
            server.stop()
        db.drop()
    total = sum(len(v) for v in results.latencies.values())
    two_tabs = len(clients) - args.users
    print(
        f"\n{args.users} candidates ({two_tabs} of them in two tabs: {len(clients)} clients "
        f"at once), {args.rounds} rounds, serve --multi-user --workers {args.workers}, PostgreSQL"
    )
    print(f"{total} requests in {wall:.1f} s: {total / wall:.0f} requests/s")
    print(f"{'request':<24} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    every: list[float] = []
    for kind, values in results.latencies.items():
        every += values
        p50, p95, p99 = percentiles(values)
        print(f"{kind:<24} {len(values):>6} {p50:>8.0f} {p95:>8.0f} {p99:>8.0f}")
    p50, p95, p99 = percentiles(every)
    print(f"{'all':<24} {len(every):>6} {p50:>8.0f} {p95:>8.0f} {p99:>8.0f}")
    print(
        f"errors: {len(results.errors)}"
        + (f" (first: {results.errors[:3]})" if results.errors else "")
    )
    print(
        f"saves: {len(results.saves)} answered 2xx; {results.conflicts} refused with 409 "
        "(two tabs racing; nothing overwritten)"
    )
    print(f"practice turns: {len(results.turns)} answered 2xx")
    print(
        f"lost saves or turns: {len(problems)}"
        + (
            f" ({problems[:3]})"
            if problems
            else " (every 2xx save is a revision in the database with its text, and every"
            " 2xx turn is in its session)"
        )
    )
    if results.errors or problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
