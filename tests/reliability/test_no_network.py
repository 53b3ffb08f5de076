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


#: Networking libraries that importing and running the pipeline (text and HTML) must not load.
NETWORK_LIBRARIES = ("urllib3", "requests", "httpx", "aiohttp", "websockets")

_PROBE = r"""
import json, sys
events = []
sys.addaudithook(lambda ev, args: events.append(ev) if ev.startswith("socket.") else None)
import newsnlp
from newsnlp import Pipeline
nlp = Pipeline()
art = nlp("JAKARTA, KOMPAS.com - Presiden Joko Widodo tiba di Bekasi, Senin (3/8/2020) pukul 14.20 WIB.")
assert art.entities and art.times
from newsnlp.lazyimport import _DeferredModule
def loaded_now():
    return sorted(
        name for name, module in sys.modules.items()
        if name.split(".")[0] in NAMES and type(module) is not _DeferredModule
    )
text_result = {"loaded": loaded_now(), "socket_events": sorted(set(events))}
page = '<html><head><title>Banjir</title></head><body><article><p>JAKARTA - Warga Bekasi mengungsi.</p></article></body></html>'
assert nlp(page, html=True).segments
html_result = {"loaded": sorted({n.split(".")[0] for n in loaded_now()}), "socket_events": sorted(set(events))}
print(json.dumps({"text": text_result, "html": html_result}))
"""


def test_importing_and_running_the_pipeline_loads_no_networking_library():
    """``import newsnlp; Pipeline()(text)`` in a fresh interpreter: no networking library is run
    (spaCy's command-line tools import requests and httpx, and requests imports urllib3, which
    binds a loopback socket to test for IPv6; newsnlp defers them) and no socket is even created;
    an HTML page then loads urllib3 alone (through trafilatura), whose IPv6 probe is the only socket."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    code = f"NAMES = {NETWORK_LIBRARIES!r}\n" + _PROBE
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["text"] == {"loaded": [], "socket_events": []}
    # HTML: trafilatura (the main-content extractor) imports urllib3 at its own import, and
    # urllib3's import probes IPv6 by binding a socket to the loopback address ::1 (no traffic);
    # nothing else is loaded or created
    assert result["html"]["loaded"] in ([], ["urllib3"])
    assert set(result["html"]["socket_events"]) <= {"socket.__new__", "socket.bind"}


def test_a_deferred_library_works_when_used():
    """The deferred module is the real one as soon as it is used (same object, real attributes)."""
    import subprocess
    import sys

    code = (
        "import sys, newsnlp\n"
        "from newsnlp.lazyimport import _DeferredModule\n"
        "m = sys.modules.get('requests')\n"
        "if m is None: print('absent'); raise SystemExit\n"
        "assert type(m) is _DeferredModule and m.__file__\n"
        "import requests\n"
        "from requests.adapters import HTTPAdapter\n"
        "assert requests is m and callable(requests.get) and type(m) is not _DeferredModule\n"
        "assert sys.modules['requests'] is m and 'urllib3' in sys.modules\n"
        "print('ok')\n"
    )
    import os
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() in ("ok", "absent")
