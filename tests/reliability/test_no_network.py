"""No network use at run time: a full enrichment with every socket call failing."""

from __future__ import annotations

import socket
import sys

import pytest

from tests.reliability.invariants import check_record


@pytest.fixture()
def no_sockets(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        # urllib3 (imported by trafilatura, which reads HTML) probes IPv6 support at import by
        # binding a socket to the loopback address ::1: no traffic, and refused here all the same
        # (urllib3 then assumes no IPv6); every other socket call is recorded as a failure
        caller = sys._getframe(2).f_globals.get("__name__", "")
        if caller != "urllib3.util.connection":
            calls.append(args)
        raise OSError("network access attempted")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80))
    calls.clear()
    return calls


def test_full_enrichment_without_network(no_sockets, seed_text):
    from newsnlp import Pipeline, enrich

    art = enrich(seed_text)
    check_record(art, seed_text)
    assert art.entities and art.times and art.segments
    page = (
        '<html><head><title>Banjir</title><link rel="stylesheet" href="https://contoh.id/a.css">'
        '<script src="https://contoh.id/a.js"></script></head><body><article>'
        '<img src="https://contoh.id/foto.jpg"><p>JAKARTA, KOMPAS.com - Presiden Joko Widodo meninjau '
        "banjir di Bekasi, Minggu (2/8/2020).</p></article></body></html>"
    )
    html_art = enrich(page, html=True)
    check_record(html_art)
    assert "Joko Widodo" in html_art.text
    # building a new pipeline (loading every resource and the model) needs no network either
    fresh = Pipeline(stages=("text", "time", "structure"))
    check_record(fresh(seed_text), seed_text)
    assert no_sockets == []
