"""`storyladder serve`: the web app on this machine."""

from __future__ import annotations

import json
import os
import webbrowser
from typing import Annotated, Any

import typer

from storyladder.cli.context import state
from storyladder.cli.output import console


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open it in a browser.")] = False,
    workers: Annotated[
        int, typer.Option(min=1, max=16, help="Worker processes (use the machine's cores).")
    ] = 1,
    multi_user: Annotated[
        bool,
        typer.Option(
            "--multi-user",
            help="Serve the multi-user pages and JSON API (PostgreSQL; see docs/deploy.md).",
        ),
    ] = False,
    db: Annotated[str | None, typer.Option(help="Database URL (as the global --db).")] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(help="With --multi-user: a Host name the server answers to (repeatable)."),
    ] = None,
) -> None:
    """Serve the web app: dashboard, story editor with live critique, practice.

    Example: storyladder serve --open
    """
    from storyladder.errors import ConfigError
    from storyladder.web.app import create_app, hosts_for

    st = state(ctx)
    if db:
        st.db = db
    if multi_user:
        _serve_multi_user(st.database_url, host, port, workers, allow_host or [])
        return
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ConfigError(
            f"binding to {host} would let other machines reach your stories, and this server "
            "has no login. Serve on 127.0.0.1 and reach it from elsewhere through an SSH "
            f"tunnel (ssh -L {port}:127.0.0.1:{port} THIS_MACHINE)."
        )
    _port_free(host, port)
    app = create_app(st.home, st.database_url, hosts_for(host, port))  # migrates, makes the secret
    url = f"http://127.0.0.1:{port}/"
    console().print(f"storyladder is running at {url}  (bank: {st.database_url}; Ctrl-C stops)")
    if open_browser:
        webbrowser.open(url)
    hosts = sorted(hosts_for(host, port))
    config = {"home": str(st.home), "database_url": st.database_url, "hosts": hosts}
    _run(app, config, host, port, workers)


def _run(
    app: Any, config: dict[str, Any], host: str, port: int, workers: int, **options: Any
) -> None:
    """Serve `app` in this process, or `workers` processes that each build it again from
    `config` (web.app.from_environment)."""
    import uvicorn

    from storyladder.web.app import WORKER_CONFIG

    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", **options)
        return
    os.environ[WORKER_CONFIG] = json.dumps(config)
    uvicorn.run(
        "storyladder.web.app:from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        **options,
    )


def _serve_multi_user(
    database_url: str, host: str, port: int, workers: int, allowed: list[str]
) -> None:
    """The multi-user server: refused on SQLite, and unless the database keeps users
    apart by itself; it has logins, so it may listen beyond this machine (behind TLS)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from storyladder.errors import ConfigError
    from storyladder.web.app import hosts_for
    from storyladder.web.pages.app import create_multi_user_app

    try:
        backend = make_url(database_url).get_backend_name()
    except ArgumentError:
        raise ConfigError(f"not a database URL: {database_url!r}") from None
    if backend != "postgresql":
        raise ConfigError(
            f"--multi-user needs PostgreSQL (users are kept apart by its row-level security), "
            f"not {backend}: storyladder serve --multi-user --db postgresql://APP_ROLE@HOST/DB"
        )
    _port_free(host, port)
    hosts = hosts_for(host, port) | set(allowed)
    app = create_multi_user_app(database_url, hosts)  # checks the database before serving
    console().print(
        f"storyladder multi-user server on http://{host}:{port}/ (pages; the JSON API under "
        "/api/v1; Ctrl-C stops)"
    )
    config = {"database_url": database_url, "hosts": sorted(hosts), "multi_user": True}
    _run(app, config, host, port, workers, proxy_headers=True)


def _port_free(host: str, port: int) -> None:
    """Say so before anything starts when the port is taken (another storyladder, say)."""
    import socket

    from storyladder.errors import ConfigError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            raise ConfigError(
                f"port {port} on {host} is already in use (another storyladder?). Pick another: "
                f"PORT={port + 1} make run, or storyladder serve --port {port + 1}"
            ) from None
