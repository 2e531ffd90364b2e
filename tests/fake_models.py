"""Local HTTP servers that speak the real wire protocols of the paid APIs (Anthropic's
messages API, OpenAI chat completions), streaming and errors included, scripted by tests."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Script:
    """Replies to hand out in order: a text, an int (HTTP error status) or ('sleep', seconds)."""

    def __init__(self, replies: list[Any] | None = None, default: Any = "Fine?"):
        self.replies = list(replies or [])
        self.default = default
        self.requests: list[dict[str, Any]] = []

    def next(self) -> Any:
        return self.replies.pop(0) if self.replies else self.default


def _handler(script: Script, flavour: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            try:
                self._reply()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer

        def _reply(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            script.requests.append(
                {
                    "path": self.path,
                    "body": body,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                }
            )
            reply = script.next()
            if isinstance(reply, tuple) and reply[0] == "sleep":
                time.sleep(reply[1])
                reply = reply[2] if len(reply) > 2 else script.default
            if isinstance(reply, int):
                self._json(
                    reply,
                    {
                        "type": "error",
                        "error": {"type": "api_error", "message": "scripted failure"},
                    },
                )
                return
            if body.get("stream"):
                self._stream(str(reply), body)
            else:
                self._json(200, self._message(str(reply), body))

        def _json(self, status: int, data: dict[str, Any]) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def _message(self, text: str, body: dict[str, Any]) -> dict[str, Any]:
            if flavour == "anthropic":
                return {
                    "id": "msg_1",
                    "type": "message",
                    "role": "assistant",
                    "model": body["model"],
                    "content": [{"type": "text", "text": text}],
                    "stop_reason": "end_turn",
                    "stop_sequence": None,
                    "usage": {"input_tokens": 11, "output_tokens": len(text.split())},
                }
            return {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 1,
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": text},
                    }
                ],
                "usage": {
                    "prompt_tokens": 11,
                    "completion_tokens": len(text.split()),
                    "total_tokens": 11 + len(text.split()),
                },
            }

        def _stream(self, text: str, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            pieces = [w + " " for w in text.split(" ")]
            if flavour == "anthropic":
                events = [
                    (
                        "message_start",
                        {
                            "type": "message_start",
                            "message": {
                                "id": "msg_1",
                                "type": "message",
                                "role": "assistant",
                                "model": body["model"],
                                "content": [],
                                "stop_reason": None,
                                "stop_sequence": None,
                                "usage": {"input_tokens": 11, "output_tokens": 0},
                            },
                        },
                    ),
                    (
                        "content_block_start",
                        {
                            "type": "content_block_start",
                            "index": 0,
                            "content_block": {"type": "text", "text": ""},
                        },
                    ),
                ]
                events += [
                    (
                        "content_block_delta",
                        {
                            "type": "content_block_delta",
                            "index": 0,
                            "delta": {"type": "text_delta", "text": p},
                        },
                    )
                    for p in pieces
                ]
                events += [
                    ("content_block_stop", {"type": "content_block_stop", "index": 0}),
                    (
                        "message_delta",
                        {
                            "type": "message_delta",
                            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                            "usage": {"output_tokens": len(pieces)},
                        },
                    ),
                    ("message_stop", {"type": "message_stop"}),
                ]
                for name, data in events:
                    self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
            else:
                for p in pieces:
                    chunk = {
                        "id": "c1",
                        "object": "chat.completion.chunk",
                        "created": 1,
                        "model": body["model"],
                        "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

    return Handler


@contextmanager
def serving(script: Script, flavour: str) -> Iterator[str]:
    """A fake API on 127.0.0.1 for the duration; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script, flavour))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield base if flavour == "anthropic" else base + "/v1"
    finally:
        server.shutdown()
        server.server_close()
