"""The baseline: a bare Flet app with one button and a counter, started like ours.

Same Flet version, same declarative style, same `ft.run(view=WEB_BROWSER,
host=127.0.0.1, no_cdn=True)` and the same "Open http://..." line on stdout,
so start-up, click round trip and memory can be compared with the real app.

    uv run python -m bench.bare_app --port 8600
"""

from __future__ import annotations

import argparse
import sys

import flet as ft

BUTTON_LABEL = "Count"


@ft.component
def Counter():
    count, set_count = ft.use_state(0)
    return ft.Column(
        [
            ft.Text(f"Count: {count}"),
            ft.Button(BUTTON_LABEL, on_click=lambda: set_count(count + 1)),
        ]
    )


def start(page: ft.Page) -> None:
    page.title = "Bare"
    page.render(Counter)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bare_app")
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    print(f"Open http://{args.host}:{args.port}/ in your browser.", flush=True)
    ft.run(start, view=ft.AppView.WEB_BROWSER, host=args.host, port=args.port, no_cdn=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
