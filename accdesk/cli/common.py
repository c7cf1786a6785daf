"""What every command shares: printing a result as text or as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any


def emit(args: argparse.Namespace, text: str, data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)
