"""MkDocs hook: show the Sphinx roles of newsnlp's docstrings (``:class:`~a.B```) as plain code.

The docstrings use Sphinx cross-reference roles; mkdocstrings renders them as ``:class:`` followed
by a code span. This hook drops the role and, as Sphinx does for ``~``, keeps the last name only.
"""

from __future__ import annotations

import re

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):<code>(~?)([^<]*)</code>")


def _plain(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    return f"<code>{target.rsplit('.', 1)[-1] if tilde else target}</code>"


def on_page_content(html: str, **kwargs) -> str:
    """Rewrite role-prefixed code spans in every rendered page."""
    return _ROLE.sub(_plain, html)
