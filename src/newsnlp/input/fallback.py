"""The last resort when the tree walk lost most of a page's text (libxml2 gives up on absurdly
deep or broken trees): a single left-to-right pass over the markup.

Text inside ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``head``, ``nav``,
``footer``, ``aside``, ``form`` and ``select`` is dropped, as are comments (also those holding
``>``), CDATA sections, declarations and processing instructions; block elements end lines. Each
construct's end is looked for once, forward from where it starts, and an unclosed one runs to the
end of the page (as in a browser), so the pass is linear in the size of the page, also on unclosed
``<script>`` or ``<!--`` repeated, or a repeated ``<!DOCTYPE x [``. (The standard library's
``html.parser`` rescans unclosed comments and declarations and is quadratic on them.)
"""

from __future__ import annotations

import html as _html
import re

from .dom import MAX_TEXT

__all__ = ["fallback_text"]

_DROP = frozenset(
    "script style noscript template svg math head nav footer aside form select iframe object".split()
)
#: Elements whose content is raw text up to their end tag (no markup inside).
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "noscript", "template", "iframe"))
_BLOCK = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr section article figure figcaption blockquote header main ul ol table dd dt".split()
)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]{0,40})")
_END_TAG = {name: re.compile(rf"</{name}\b", re.I) for name in _RAW}


def fallback_text(source: str) -> tuple[str, bool]:
    """``(text, truncated)``: the text of ``source`` in paragraphs (blank lines between them), at
    most :data:`~newsnlp.input.dom.MAX_TEXT` characters."""
    parts: list[str] = []
    size = 0
    drop = 0
    pos = 0
    n = len(source)
    full = False
    while pos < n:
        lt = source.find("<", pos)
        if lt < 0:
            lt = n
        if lt > pos and not drop:
            chunk = _html.unescape(source[pos:lt])
            parts.append(chunk)
            size += len(chunk)
            if size > MAX_TEXT:
                full = True
                break
        if lt >= n:
            break
        if source.startswith("<!--", lt):
            end = source.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        if source.startswith("<![CDATA[", lt):
            end = source.find("]]>", lt + 9)
            pos = n if end < 0 else end + 3
            continue
        if source.startswith(("<!", "<?"), lt):
            end = source.find(">", lt + 2)
            pos = n if end < 0 else end + 1
            continue
        m = _TAG.match(source, lt)
        if m is None:  # a "<" that opens no tag is text
            if not drop:
                parts.append("<")
                size += 1
            pos = lt + 1
            continue
        end = source.find(">", m.end())
        if end < 0:
            break  # an unclosed tag at the end of the page shows nothing
        name = m.group(1).lower()
        closing = source[lt + 1] == "/"
        pos = end + 1
        if name in _BLOCK:
            parts.append("\n")
        if closing:
            if name in _DROP:
                drop = max(0, drop - 1)
            continue
        if name in _RAW and not source[end - 1] == "/":
            close = _END_TAG[name].search(source, pos)
            text_end = n if close is None else close.start()
            if name not in _DROP and name != "title" and not drop:
                chunk = _html.unescape(source[pos:text_end])
                parts.append(chunk)
                size += len(chunk)
            if close is None:
                break
            gt = source.find(">", close.end())
            pos = n if gt < 0 else gt + 1
            continue
        if name in _DROP:
            drop += 1
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    text = "\n\n".join(line for line in lines if line)
    cut = full or len(text) > MAX_TEXT
    return text[:MAX_TEXT].rstrip(), cut
