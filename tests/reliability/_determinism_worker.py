"""Run by test_determinism.py in a fresh interpreter: enrich a few texts with every socket
disabled from the start (imports and model loading included) and print one JSON record per line."""

from __future__ import annotations

import socket
import sys
from pathlib import Path


def _no_network(*_args, **_kwargs):
    raise OSError("network disabled in this test")


class _NoSocket(socket.socket):
    """A socket class that cannot be instantiated (modules may still subclass it, as ssl does)."""

    def __init__(self, *args, **kwargs):
        _no_network()


socket.socket = _NoSocket  # type: ignore[misc]
socket.create_connection = _no_network  # type: ignore[assignment]
socket.getaddrinfo = _no_network  # type: ignore[assignment]

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from newsnlp import enrich  # noqa: E402
from tests.reliability.test_odd_text import ODD_TEXTS  # noqa: E402

seed = (REPO / "examples" / "tribunjogja_microsoft_tiktok.txt").read_text(encoding="utf-8")
inputs = [seed, *(ODD_TEXTS[k] for k in ("crlf", "emoji_zwj", "arabic", "all_caps", "english", "zero_width"))]
for text in inputs:
    sys.stdout.write(enrich(text).to_json() + "\n")
sys.stdout.write(enrich(seed, published="2020-08-03").to_json() + "\n")
page = (
    "<html><head><title>Banjir</title></head><body><article><h1>Banjir Bekasi</h1><p>"
    + seed.replace("\n\n", "</p><p>")
    + "</p></article></body></html>"
)
sys.stdout.write(enrich(page, html=True).to_json() + "\n")
