"""HTML hints: the spans the markup itself labels (``<h1>``, ``<figcaption>``, ``aside``, byline
classes) applied to the lines they cover, within per-label length limits."""

from __future__ import annotations

import bisect

from .context import Context
from .features import Line

__all__ = ["ZONES", "apply_hints", "zone_lines"]

#: Region hints of an HTML page (:mod:`newsnlp.input.html`): ``outside`` a line the article
#: extractor left out (never part of ``clean_text``), ``preface`` a line between the headline and
#: the article (a lead may be there; body never).
ZONES = ("outside", "preface")


def apply_hints(
    ctx: Context, lines: list[Line], hints, hint_of: dict[int, str], zone: dict[int, str] | None = None
) -> None:
    """Give each line the hint of the markup around it (``hint_of``: line index -> label).

    With region hints (``zone``), a line the article extractor kept (no zone) takes a
    ``boilerplate`` hint only when it is short (a share button, ``Advertisement``): a furniture
    class on a wrapper does not remove the article's own paragraphs."""
    starts = [ln.start for ln in lines]
    in_region = bool(zone)
    # page furniture (comments, share bars, ad slots) wins over what is nested inside it (a
    # commenter's "author" class is no byline of the article): boilerplate hints come last
    hints = sorted(hints, key=lambda h: h[2] == "boilerplate")
    for s, e, label in hints:
        if label not in ctx.cfg.hint_max_chars or e - s > ctx.cfg.hint_max_chars[label]:
            continue
        j = max(bisect.bisect_right(starts, s) - 1, 0)
        while j < len(lines) and lines[j].start < e:
            ln = lines[j]
            if ln.start >= s - 1 and ln.end <= e + 1:
                if not (
                    label in ("related", "boilerplate")
                    and ctx.fx.paragraph_like(ln)
                    and not ctx.fx.title_like(ln)
                    and (label == "related" or ln.words >= 30)
                ) and not (label == "boilerplate" and hint_of.get(ln.idx) == "title"):
                    if not (in_region and label == "boilerplate" and ln.idx not in zone and ln.words > 5):
                        hint_of[ln.idx] = label
            j += 1


def zone_lines(lines: list[Line], hints, zone: dict[int, str]) -> list[tuple[int, int, str]]:
    """Record the region hints (:data:`ZONES`) of the lines they cover in ``zone`` and return the
    other hints."""
    starts = [ln.start for ln in lines]
    rest = []
    for s, e, label in hints:
        if label not in ZONES:
            rest.append((s, e, label))
            continue
        j = max(bisect.bisect_right(starts, s) - 1, 0)
        while j < len(lines) and lines[j].start < e:
            if lines[j].start >= s and lines[j].end <= e:
                zone[j] = label
            j += 1
    return rest
