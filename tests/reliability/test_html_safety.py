"""HTML input is parsed safely: no network, no external entities, no file access, huge and deeply
nested documents handled. Everything goes through ``enrich(html, html=True)`` (the default
pipeline), whose HTML entry is ``newsnlp.input.html.html_to_text``.

Network access is detected with a real listening socket on 127.0.0.1: libxml2 fetches in C, so a
Python-level monkeypatch would not see it; an accepted connection would.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.reliability.conftest import time_limit
from tests.reliability.invariants import check_record

SECRET = "RAHASIA-7f3a9c-JANGAN-BACA"


@pytest.fixture()
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def listener():
    """A TCP server on 127.0.0.1 counting the connections it gets."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except (TimeoutError, OSError):
                continue
            try:
                conn.settimeout(1)
                hits.append(conn.recv(1024))
                conn.sendall(b'HTTP/1.0 200 OK\r\n\r\n<!ENTITY x "BOCOR">')
            except OSError:
                pass
            finally:
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}", hits
    stop.set()
    thread.join(2)
    srv.close()


BODY = "<p>JAKARTA, KOMPAS.com - Presiden Joko Widodo meninjau banjir di Bekasi, Minggu (2/8/2020).</p>"


def _pages(url: str, secret: str) -> dict[str, str]:
    return {
        "xxe_system_file": f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]><html><body>{BODY}<p>&e;</p></body></html>',
        "xxe_etc_passwd": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body>'
        + BODY
        + "<p>isi: &e;</p></body></html>",
        "xxe_parameter_entity": f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]><html><body>{BODY}&x;</body></html>',
        "external_dtd_http": f'<!DOCTYPE html SYSTEM "{url}/x.dtd"><html><body>{BODY}&x;</body></html>',
        "external_dtd_file": f'<!DOCTYPE html SYSTEM "file://{secret}"><html><body>{BODY}</body></html>',
        "xml_prolog_xxe": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file://{secret}">]><html><body>{BODY}&e;</body></html>',
        "xinclude": f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>{BODY}'
        f'<xi:include href="file://{secret}" parse="text"/><xi:include href="{url}/inc"/></body></html>',
        "resources": f'<html><head><link rel="stylesheet" href="{url}/a.css"><script src="{url}/a.js"></script>'
        f'<base href="{url}/"></head><body>{BODY}<img src="{url}/a.png"><iframe src="file://{secret}"></iframe>'
        f'<object data="{url}/o"></object><embed src="file://{secret}"></body></html>',
        "stylesheet_pi": f'<?xml-stylesheet href="{url}/s.xsl" type="text/xsl"?><html><body>{BODY}</body></html>',
        "late_doctype": "<html><body>"
        + BODY
        + "<p>Paragraf pengisi.</p>" * 9000
        + f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]><p>&e;</p></body></html>',
        "json_ld_with_url": '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Banjir", "url": "{url}/ld", "image": "file://{secret}"}}</script></head><body>{BODY}</body></html>',
    }


@pytest.mark.parametrize(
    "name",
    [
        "xxe_system_file",
        "xxe_etc_passwd",
        "xxe_parameter_entity",
        "external_dtd_http",
        "external_dtd_file",
        "xml_prolog_xxe",
        "xinclude",
        "resources",
        "stylesheet_pi",
        "late_doctype",
        "json_ld_with_url",
    ],
)
def test_no_file_or_network_access(default_pipeline, secret_file, listener, name):
    url, hits = listener
    page = _pages(url, str(secret_file))[name]
    with time_limit(30, f"HTML page {name}"):
        art = default_pipeline(page, html=True)
    check_record(art)
    time.sleep(0.3)  # let a connection, if any was made, be accepted
    assert hits == [], f"{name}: the parser opened a connection: {hits!r}"
    blob = art.to_json()
    assert SECRET not in blob, f"{name}: the secret file was read"
    assert "root:x:0:0" not in blob and "BOCOR" not in blob
    assert "Joko Widodo" in art.text


def test_billion_laughs_is_not_expanded(default_pipeline):
    ents = '<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    page = f"<!DOCTYPE lolz [{ents}]><html><body>{BODY}<p>&j;</p></body></html>"
    with time_limit(20, "billion laughs"):
        art = default_pipeline(page, html=True)
    assert len(art.text) < 2000 and "haha" not in art.text
    check_record(art)


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deeply_nested_document(default_pipeline, depth):
    page = "<html><body>" + "<div>" * depth + BODY + "</div>" * depth + "</body></html>"
    with time_limit(60, f"{depth} nested divs"):
        art = default_pipeline(page, html=True)
    check_record(art)
    assert "Presiden Joko Widodo" in art.text


def test_unclosed_nesting_and_garbage(default_pipeline):
    page = "<html><body>" + "<b><i><span><a>" * 20000 + BODY + "<<<>>><!-- --><![CDATA[x]]>" * 1000
    with time_limit(60, "unclosed tags"):
        art = default_pipeline(page, html=True)
    check_record(art)
    assert "Joko Widodo" in art.text


def test_huge_document(default_pipeline):
    para = (
        "<p>Warga Bekasi mengungsi ke masjid pada Minggu (2/8/2020) karena banjir setinggi satu meter.</p>\n"
    )
    page = (
        "<html><head><title>Banjir</title></head><body><article>" + para * 25_000 + "</article></body></html>"
    )
    assert len(page) > 2_000_000
    with time_limit(120, "2.5 MB page"):
        from newsnlp.input.html import html_to_text

        extraction = html_to_text(page)
    assert extraction.text.count("Warga Bekasi") > 10_000
    small = "<html><body><article>" + para * 300 + "</article></body></html>"
    check_record(default_pipeline(small, html=True))


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html></html>",
        "<html><body></body></html>",
        "<!DOCTYPE html>",
        "<html><body><script>var x = '<p>bukan teks</p>';</script></body></html>",
        "<html><body><p>&#0; &#xD800; &#1114112; &#99999999999; &bogus; &amp</p></body></html>",
        b"<html><body><p>Bekasi \xff\xfe</p></body></html>".decode("latin-1"),
        "<html><body><p>" + "\x00\x01\x02" * 100 + "</p></body></html>",
        "<html><body><svg><foreignObject><p>Jakarta</p></foreignObject></svg><math><mi>x</mi></math></body></html>",
        "<html><body><p>Baca juga: <a href='javascript:alert(1)'>Trump Ancam TikTok</a></p></body></html>",
    ],
)
def test_odd_html_gives_valid_record(default_pipeline, page):
    art = default_pipeline(page, html=True)
    check_record(art)


def test_bytes_html_input(default_pipeline):
    page = ("<html><body>" + BODY + "<p>Café</p></body></html>").encode()
    art = default_pipeline(page, html=True)
    assert "Café" in art.text
    check_record(art)
