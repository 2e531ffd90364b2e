"""Server time of the web app's pages on the demo bank, measured from a client on loopback;
then a story page's median while another client streams 4,000-word live critiques, as a
ratio of its idle median (the coach runs in a worker thread, off the event loop).

Run: .venv/bin/python bench/web_bench.py [--requests N]
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx2
import uvicorn

from storyladder.formats import bank as bank_files
from storyladder.store.database import open_repository
from storyladder.web.app import create_app, hosts_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "storyladder" / "content" / "sample_bank"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        url = f"sqlite:///{tmp}/bank.db"
        open_repository(url).import_stories(bank_files.read(SAMPLE))
        app = create_app(Path(tmp), url, hosts_for("127.0.0.1", port))
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        with httpx2.Client(base_url=base) as client:
            token = re.search(r'csrf-token" content="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
            answer = (SAMPLE / "rolled-back-tracking-migration.md").read_text()
            cases = {
                "GET / (dashboard)": lambda: client.get("/"),
                "GET /stories/ID (editor)": lambda: client.get("/stories/mentoring-farah"),
                "GET /practice": lambda: client.get("/practice"),
                "POST /critique (live)": lambda: client.post(
                    "/critique", data={"action": answer}, headers={"x-csrf-token": token}
                ),
            }
            print(f"{'request':<28} {'median':>9} {'p95':>9}   ({args.requests} requests each)")
            for name, call in cases.items():
                call()
                times = []
                for _ in range(args.requests):
                    start = time.perf_counter()
                    assert call().status_code == 200
                    times.append((time.perf_counter() - start) * 1000)
                times.sort()
                p95 = times[int(len(times) * 0.95) - 1]
                print(f"{name:<28} {statistics.median(times):>7.1f}ms {p95:>7.1f}ms")
            idle = _median(lambda: client.get("/stories/mentoring-farah"), args.requests)
            long_answer = " ".join((answer.split() * 40)[:4000])
            stop = threading.Event()

            def stream() -> None:
                with httpx2.Client(base_url=base, timeout=60) as other:
                    while not stop.is_set():
                        other.post(
                            "/critique",
                            data={"action": long_answer},
                            headers={"x-csrf-token": token},
                        )

            streamer = threading.Thread(target=stream)
            streamer.start()
            time.sleep(0.5)
            busy = _median(lambda: client.get("/stories/mentoring-farah"), args.requests)
            stop.set()
            streamer.join()
            print(
                f"story page while another client streams 4,000-word critiques: {busy:.1f}ms "
                f"median, {busy / idle:.1f}x its idle {idle:.1f}ms"
            )
        server.should_exit = True


def _median(call: object, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
