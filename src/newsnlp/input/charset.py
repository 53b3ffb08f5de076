"""HTML bytes to text the way a browser decodes them: the byte-order mark, then the charset the
page declares, then detection; never an error for a page a browser would display.

Steps (after the WHATWG *encoding sniffing algorithm*, without the network layer):

1. a byte-order mark (UTF-8, UTF-16 LE/BE) decides;
2. else the charset the page declares in its first :data:`PRESCAN_BYTES` bytes
   (``<meta charset>``, ``<meta http-equiv="Content-Type" content="...; charset=...">``, an XML
   declaration), mapped as browsers map labels (``iso-8859-1``, ``latin1`` and ``ascii`` mean
   windows-1252, ``gb2312`` means gb18030, a declared UTF-16 without a byte-order mark means
   UTF-8 ...). One deliberate exception: a page declaring a single-byte legacy charset whose bytes
   are valid UTF-8 with multi-byte characters is read as UTF-8 (the declaration is stale; reading
   it literally would only produce mojibake);
3. else bytes that are valid UTF-8 are UTF-8;
4. else detection with ``charset-normalizer`` on the first :data:`DETECT_BYTES` bytes (among
   equally good readings windows-1252, the browsers' default for Western pages);
5. else windows-1252 (the browsers' fallback for Western pages).

Bytes the chosen charset cannot decode become U+FFFD, as in a browser.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DETECT_BYTES", "PRESCAN_BYTES", "browser_label", "declared_charset", "decode_html"]

#: How far into the page a charset declaration is looked for (browsers look at 1,024 bytes; real
#: pages put long ``<head>`` scripts first, so more is read).
PRESCAN_BYTES = 16_384
#: How many bytes the detector reads when nothing is declared.
DETECT_BYTES = 65_536

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META = re.compile(rb"<meta\b[^>]{0,1024}?>", re.I)
_CHARSET_ATTR = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""", re.I)
_XML_DECL = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})["']""", re.I)
#: Labels browsers read as another encoding (WHATWG Encoding Standard, the common cases).
_WHATWG = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "unicode": "utf-8",
    "utf8": "utf-8",
}


def browser_label(label: str) -> str | None:
    """The Python codec a browser uses for a declared charset ``label``, or ``None`` when no text
    codec has that name."""
    key = label.strip().strip("\"'").lower()
    key = _WHATWG.get(key, key)
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # 'base64', 'zlib' ... are codecs but no charsets
    return info.name


def declared_charset(data: bytes) -> str | None:
    """The codec of the charset ``data`` declares in its head (see the module docs), or ``None``."""
    head = data[:PRESCAN_BYTES]
    m = _XML_DECL.match(head)
    if m:
        found = browser_label(m.group(1).decode("ascii"))
        if found:
            return found
    for meta in _META.finditer(head):
        m = _CHARSET_ATTR.search(meta.group(0))
        if m:
            found = browser_label(m.group(1).decode("ascii"))
            if found:
                return found
    return None


def _single_byte(codec: str) -> bool:
    try:
        return codecs.lookup(codec).name.startswith(("cp12", "iso8859", "latin", "cp874", "koi8", "mac-"))
    except LookupError:  # pragma: no cover - the codec was looked up before
        return False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    matches = list(from_bytes(data[:DETECT_BYTES]))
    if not matches:
        return None
    best = matches[0]
    # among the equally good readings, the browsers' default for undeclared Western pages wins
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        return "cp1252"
    return browser_label(best.encoding)


def decode_html(data: bytes) -> tuple[str, str]:
    """``(text, codec)``: the page's bytes decoded as a browser would (never raises)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace"), codec
    codec = declared_charset(data)
    if codec is not None:
        if codec != "utf-8" and _single_byte(codec) and not data.isascii() and _is_utf8(data):
            codec = "utf-8"  # a stale legacy declaration over UTF-8 bytes
        return data.decode(codec, "replace"), codec
    if _is_utf8(data):
        return data.decode("utf-8"), "utf-8"
    codec = _detect(data) or "cp1252"
    return data.decode(codec, "replace"), codec
