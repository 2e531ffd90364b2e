"""Line charts as inline SVG, drawn on the server: no chart library, no script, no CSP holes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

PALETTE = (
    "#2f5bd3",
    "#1f8a4c",
    "#c0352b",
    "#b86e00",
    "#7a3fb5",
    "#00838f",
    "#5b6475",
    "#d81b60",
    "#6d4c41",
    "#43a047",
)
WIDTH, HEIGHT, PAD = 640, 220, 32


def line_chart(series: Mapping[str, Sequence[float | None]], top: float, label: str) -> Markup:
    """One line per series over the same x axis (sessions or revisions), with a legend."""
    if not series or not any(any(v is not None for v in s) for s in series.values()):
        return Markup('<p class="muted">Nothing to draw yet.</p>')
    n = max(len(s) for s in series.values())
    step = (WIDTH - 2 * PAD) / max(n - 1, 1)

    def xy(i: int, v: float) -> str:
        y = HEIGHT - PAD - (min(v, top) / top) * (HEIGHT - 2 * PAD)
        return f"{PAD + i * step:.1f},{y:.1f}"

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)} over time">',
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        'stroke="#d9dde5"/>',
        f'<text x="4" y="{PAD - 8}" font-size="11" fill="#5b6475">{escape(label)}</text>',
        f'<text x="4" y="{PAD + 4}" font-size="10" fill="#5b6475">{top:g}</text>',
        f'<text x="4" y="{HEIGHT - PAD + 4}" font-size="10" fill="#5b6475">0</text>',
    ]
    legend = []
    for k, (name, values) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        points = " ".join(xy(i, v) for i, v in enumerate(values) if v is not None)
        if " " in points:
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for i, v in enumerate(values):
            if v is not None:
                x, y = xy(i, v).split(",")
                parts.append(
                    f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}">'
                    f"<title>{escape(name)}: {v:g}</title></circle>"
                )
        legend.append(
            f'<li><svg width="10" height="10" aria-hidden="true"><rect width="10" '
            f'height="10" fill="{colour}"/></svg> {escape(name)}</li>'
        )
    parts.append("</svg>")
    return Markup("".join(parts) + f'<ul class="legend-list">{"".join(legend)}</ul>')
