"""Entry point of the `accdesk` command: subcommands run headless, otherwise the window opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from accdesk.cli import build_parser, run


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args, pdf=_pdf)
    # Qt is imported only when a window is wanted, so `accdesk check` stays fast and headless.
    from ui.shell.app import run_window

    return run_window(db=args.db, screenshot=args.screenshot, language=args.lang)


def _pdf(html: str) -> bytes:
    # Qt is loaded only for a PDF, never for the other subcommands.
    from ui.briefs.export import pdf_bytes

    return pdf_bytes(html)


if __name__ == "__main__":
    sys.exit(main())
