"""From labelled lines to segments: the sub-line spans (an inline related link, trailing reporter
initials or end marker closing a paragraph) and the final ``(start, end, label)`` list."""

from __future__ import annotations

from .context import Context
from .features import Line

__all__ = ["build_segments", "inline"]


def inline(ctx: Context, ln: Line) -> None:
    r = ctx.r
    t = ln.text
    pos = max(0, len(t) - 400)
    m = r.related_inline.search(t, pos)
    if m and m.start("rel") > 20:
        ln.tail = (ln.start + m.start("rel"), "related")
        return
    m = r.paren_byline_inline.search(t, max(0, len(t) - 200))
    if m and m.start(1) > 0:
        ln.tail = (ln.start + m.start(1), "byline")
        return
    m = r.end_marker_inline.search(t, max(0, len(t) - 40))
    if m and m.start(1) > 0:
        ln.tail = (ln.start + m.start(1), "boilerplate")


def build_segments(lines: list[Line]) -> list[tuple[int, int, str]]:
    segs: list[tuple[int, int, str]] = []
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        label = ln.label or "body"
        if label == "dateline" and not ln.subs:
            # a dateline split over lines: one segment from its first to its last line
            j = i
            while j + 1 < n and lines[j + 1].label == "dateline":
                j += 1
            segs.append((ln.start, lines[j].end, "dateline"))
            i = j + 1
            continue
        start, end = ln.start, ln.end
        if ln.head is not None:
            segs.append((start, ln.head[0], ln.head[1]))
            start = ln.head[0]
        if ln.tail is not None:
            tstart, tlabel = ln.tail
            body_end = tstart
            while body_end > start and ln.text[body_end - ln.start - 1].isspace():
                body_end -= 1
            if body_end > start:
                segs.append((start, body_end, label))
            segs.append((tstart, end, tlabel))
        else:
            segs.append((start, end, label))
        for s, e, lab in ln.subs:
            if e > s:
                segs.append((s, e, lab))
        i += 1
    segs.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    return segs
