"""`storyladder serve`: the web app on this machine."""

from __future__ import annotations

import webbrowser
from typing import Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.output import console, warn


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open it in a browser.")] = False,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Needed to bind anything but 127.0.0.1.")
    ] = False,
) -> None:
    """Serve the web app: dashboard, story editor with live critique, practice.

    Example: storyladder serve --open
    """
    import uvicorn

    from storyladder.errors import ConfigError
    from storyladder.web.app import create_app, hosts_for

    local = host in ("127.0.0.1", "localhost")
    if not local and not allow_remote:
        raise ConfigError(
            f"binding to {host} would let other machines reach your stories; there is no login "
            "yet. Add --allow-remote if you really mean it."
        )
    if not local:
        warn(
            f"WARNING: serving on {host}:{port} with no login: anyone who can reach it can "
            "read and change your stories."
        )
    st = state(ctx)
    app = create_app(st.home, st.database_url, hosts_for(host, port))
    url = f"http://{'127.0.0.1' if local else host}:{port}/"
    console().print(f"storyladder is running at {url}  (bank: {st.database_url}; Ctrl-C stops)")
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(app, host=host, port=port, log_level="warning")
