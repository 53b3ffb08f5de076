"""Passes over the whole text before the lead is looked for: a byline key alone on its line with
the name below, paragraphs glued on one line and repeated one by one (Republika), embedded posts."""

from __future__ import annotations

from .context import Context
from .features import Line

__all__ = ["mark_embeds", "mark_merged_duplicates", "name_below_key"]


def name_below_key(ctx: Context, lines: list[Line]) -> None:
    """A byline key alone on its line ("Penulis") names the person on the next short line."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if (
            a.label == "byline"
            and ctx.r.byline_key_alone.match(a.text)
            and b.label is None
            and b.words <= 6
            and ctx.fx.title_like(b)
        ):
            b.label = "byline"
    # ... or the name stands above its key ("Rina Wulandari" / "Penulis")
    for i in range(1, len(lines)):
        a, b = lines[i - 1], lines[i]
        if (
            b.label == "byline"
            and ctx.r.byline_key_alone.match(b.text)
            and a.label is None
            and 2 <= a.words <= 5
            and ctx.fx.title_like(a)
            and ctx.fx.headline_case(a.text)
            and (
                i + 1 >= len(lines)
                or ctx.fx.paragraph_like(lines[i + 1])
                or lines[i + 1].label not in (None, "byline")
            )
        ):
            a.label = "byline"


def mark_merged_duplicates(lines: list[Line]) -> set[int]:
    """Two or more paragraphs glued on one line, then repeated below one by one (Republika): the
    glued line (and exact copies right above it) is boilerplate. Returns their indices."""
    merged: set[int] = set()
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a.label is None and a.words > 8 and len(a.text) > len(b.text) + 10 and a.text.startswith(b.text):
            a.label = "boilerplate"
            merged.add(i)
    # exact copies of such a merged line right above it are merged lines too
    for i in range(len(lines) - 2, -1, -1):
        a, b = lines[i], lines[i + 1]
        if i + 1 in merged and a.label is None and a.text == b.text:
            a.label = "boilerplate"
            merged.add(i)
    return merged


def mark_embeds(ctx: Context, lines: list[Line], merged: set[int]) -> None:
    """An embedded post (tweet): the "— Name (@handle) date" line closes it; the short lines of
    the post above it (up to 4, no paragraph) belong to the embed."""
    for ln in lines:
        if ln.label == "boilerplate" and ctx.r.embed_signature.match(ln.text):
            j = ln.idx - 1
            while (
                j >= 0
                and ln.idx - j <= 4
                and lines[j].label in (None, "boilerplate")
                and j not in merged
                and not (ctx.fx.paragraph_like(lines[j]) and lines[j].words >= 12)
            ):
                lines[j].label = "boilerplate"
                j -= 1
