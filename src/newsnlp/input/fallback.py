"""The last resort when the tree walk lost most of a page's text: a plain tag-stripping pass."""

from __future__ import annotations

import html as _html
import re

from .dom import MAX_TEXT

__all__ = ["crude_text"]

_CRUDE_DROP = re.compile(r"<(script|style|noscript|template|svg|head)\b[^>]{0,2000}>[\s\S]*?</\1\s*>", re.I)
_CRUDE_BLOCK = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|tr|section|article|figure|figcaption|blockquote|header|footer)\b[^>]{0,2000}>",
    re.I,
)
_CRUDE_TAG = re.compile(r"<[^>]{0,2000}>")


def crude_text(source: str) -> str:
    s = _CRUDE_DROP.sub(" ", source[: MAX_TEXT * 2])
    s = re.sub(r"<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>", " ", s, flags=re.I)
    s = _CRUDE_BLOCK.sub("\n", s)
    s = _CRUDE_TAG.sub(" ", s)
    s = _html.unescape(s)  # only the predefined and numeric entities of HTML, never declared ones
    lines = [" ".join(line.split()) for line in s.split("\n")]
    return "\n\n".join(line for line in lines if line)
