"""MkDocs hook: show the Sphinx roles of newsnlp's docstrings (``:class:`~a.B```) as plain code,
and leave doctest directives (``# doctest: +SKIP``) out of the rendered examples.

The docstrings use Sphinx cross-reference roles; mkdocstrings renders them as ``:class:`` followed
by a code span. This hook drops the role and, as Sphinx does for ``~``, keeps the last name only.
"""

from __future__ import annotations

import re

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):<code>(~?)([^<]*)</code>")


def _plain(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    return f"<code>{target.rsplit('.', 1)[-1] if tilde else target}</code>"


#: A doctest directive at the end of an example line (``# doctest: +SKIP``): noise for a reader.
_DOCTEST = re.compile(r"[ \t]*#[ \t]*doctest:[ \t]*[+-][A-Z_]+(?:[ \t]*,[ \t]*[+-][A-Z_]+)*")


#: Sphinx's literal-block marker: a paragraph of its own (dropped) or ending one (``Example::``,
#: shown as ``Example:``), before the indented code Markdown renders as a code block.
_LONE_MARKER = re.compile(r"<p>::</p>\s*")
_END_MARKER = re.compile(r"::</p>")


def on_page_content(html: str, **kwargs) -> str:
    """Rewrite role-prefixed code spans, drop doctest directives and Sphinx's ``::`` markers in
    every rendered page."""
    html = _DOCTEST.sub("", _ROLE.sub(_plain, html))
    return _END_MARKER.sub(":</p>", _LONE_MARKER.sub("", html))
