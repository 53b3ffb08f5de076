"""Whether an input is an HTML document rather than plain text."""

from __future__ import annotations

import re

__all__ = ["looks_like_html"]

_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|article|section|h[1-6]|br|meta|title|script)\b[^>]{0,500}>", re.I
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is clearly an HTML document rather than plain text.

    It is HTML when it starts like a document (``<!DOCTYPE html>``, ``<html>``, ``<head>``,
    ``<body>``) or when markup tags are dense (at least 5 tags and one per 200 characters in the
    first 20,000 characters). A plain article that mentions ``<p>`` once stays plain text.
    """
    head = text[:20000]
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAGS.findall(head))
    return tags >= 5 and tags * 200 >= len(head)
