"""HTML pages to plain text, metadata and structure hints, safely.

:func:`html_to_text` parses with lxml without network access or entity resolution, walks the tree
iteratively (deeply nested pages do not hit the recursion limit), keeps captions, bylines and
related-link blocks (as text and as hints for the structure stage) and reads the page metadata
(``<title>``, ``og:*``/``article:*`` meta tags, JSON-LD ``NewsArticle``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lhtml

from .dom import MAX_TEXT, content_root, make_parser, newline, strip_doctype, tidy, walk
from .fallback import crude_text
from .html_meta import page_metadata

__all__ = ["HtmlExtraction", "html_to_text"]


@dataclass
class HtmlExtraction:
    """Text of an HTML page, its metadata and the spans the markup itself labels.

    ``metadata`` keys are among ``title``, ``authors`` (list), ``editors``, ``publisher``,
    ``published`` (ISO string) and ``url``. ``hints`` are ``(start, end, label)`` spans over
    ``text`` with structure labels (``title``, ``caption``, ``credit``, ``related``, ``byline``,
    ``subheading``, ``copyright``).
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    hints: list[tuple[int, int, str]] = field(default_factory=list)


def html_to_text(html: str) -> HtmlExtraction:
    """Turn an HTML page into text, metadata and structure hints (never raises on bad markup)."""
    if not isinstance(html, str):
        html = bytes(html).decode("utf-8", "replace")
    if not html.strip():
        return HtmlExtraction(text="")
    try:
        root = lhtml.document_fromstring(strip_doctype(html), parser=make_parser())
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return HtmlExtraction(text=re.sub(r"<[^>]{0,2000}>", " ", html)[:MAX_TEXT].strip())
    try:
        md = page_metadata(root)
    except (ValueError, RecursionError):  # pragma: no cover - defensive
        md = {}
    parts: list[str] = []
    hints: list[tuple[int, int, str]] = []
    pos = [0]
    content = content_root(root)
    # The headline may sit outside the article element: put it first.
    h1 = root.find(".//h1")
    if h1 is not None and content is not None and h1 not in content.iterdescendants():
        walk(h1, parts, hints, pos)
        newline(parts, pos)
    walk(content, parts, hints, pos)
    raw = "".join(parts)
    text, hints = tidy(raw, hints)
    # libxml2 gives up on absurdly deep trees (thousands of nested elements) and may drop their
    # text: fall back to a plain tag-stripping pass when the tree walk lost most of the text.
    if len(text) < 2000:
        crude = crude_text(html)
        if len(crude) > 2 * len(text) + 20:
            return HtmlExtraction(text=crude, metadata=md, hints=[])
    return HtmlExtraction(text=text, metadata=md, hints=hints)
