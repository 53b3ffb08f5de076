"""Datelines and the lead: the publisher/place prefix opening the first paragraph (``JAKARTA,
KOMPAS.com -``, ``Mataram (ANTARA) -``, a bold ``Liputan6.com, Jakarta`` in HTML, a place alone on
the line above the paragraph) and which line is the lead."""

from __future__ import annotations

import re

from ..textnorm import fold
from .context import Context
from .features import DATELINE_HINT, INNER_STOP, STOP_END, Line
from .resources import PLACE_ONLY_DATELINES, WEAK_DATELINES

__all__ = ["bold_dateline", "dateline", "find_lead"]


def dateline(ctx: Context, line: Line, place_only: bool = True) -> tuple[int, str | None] | None:
    """Length of the dateline at the start of ``line`` and its publisher token.

    ``place_only=False`` skips the patterns that name no publisher (``JAKARTA -``), used once
    a paragraph has been seen: a place alone then more likely starts an ordinary sentence.
    """
    t = line.text
    if not DATELINE_HINT.match(t):
        return None
    pats = ctx.r.dateline_patterns
    for k, pat in enumerate(pats):
        if not place_only and k >= len(pats) - PLACE_ONLY_DATELINES:
            break
        m = pat.match(t)
        if (
            m
            and k >= len(pats) - WEAK_DATELINES
            and not (ctx.fx.paragraph_like(line) and line.words >= 10 and not ctx.fx.title_like(line))
        ):
            continue
        if m:
            dl = m.group("dl").rstrip()
            if len(dl) > ctx.cfg.dateline_max_chars or len(dl) >= len(t) - 3:
                continue
            pub = m.groupdict().get("pub")
            return len(dl), pub
    return None


def bold_dateline(ctx: Context, ln: Line, end: int) -> tuple[int, str | None] | None:
    """A bold run opening the first paragraph as dateline (``<b>Liputan6.com, Jakarta</b> Badan ...``)."""
    n = end - ln.start
    head = ln.text[:n].rstrip()
    if not head[:1].isupper() or len(head.split()) > 4 or n > len(ln.text) - 20 or INNER_STOP.search(head):
        return None
    pub = ctx.r.publisher_in_line.search(head)
    if pub is None and "," not in head:
        return None  # a bold lead-in without publisher or "Place," is not taken as a dateline
    m = re.match(r"\s*(?:-{1,3}|–|—)", ln.text[n:])
    if m:
        n += m.end()
    return len(ln.text[:n].rstrip()), pub.group(0) if pub else None


def find_lead(
    ctx: Context,
    lines: list[Line],
    hint_of: dict[int, str],
    bold_starts: dict[int, int],
    title_norm: str | None,
    skip: set[int] | None = None,
) -> tuple[int, str | None]:
    """Label the lead (and its dateline) and return its index (``len(lines)`` when there is none)
    and the dateline's publisher token: the first line that opens with a dateline, else the first
    paragraph. Lines in ``skip`` (furniture the HTML article extractor left out) are never the
    lead."""
    publisher_tok: str | None = None
    skip = skip or set()
    lead = None
    seen_par = False
    for ln in lines[: ctx.cfg.lead_window_lines]:
        if ln.label not in (None, "source_link") or ln.idx in hint_of or ln.idx in skip:
            continue
        d = dateline(ctx, ln, place_only=not seen_par)
        if d is None and ln.start in bold_starts and ctx.fx.paragraph_like(ln) and not ctx.fx.title_like(ln):
            d = bold_dateline(ctx, ln, bold_starts[ln.start])
        if d is None and ctx.fx.paragraph_like(ln) and not ctx.fx.title_like(ln):
            seen_par = True
        if d:
            n, pub = d
            ln.label = "lead"
            ln.subs.append((ln.start, ln.start + n, "dateline"))
            publisher_tok = pub
            lead = ln.idx
            break
        if ln.words <= 5 and ln.idx + 1 < len(lines) and ctx.r.dateline_split.match(ln.text):
            nxt = lines[ln.idx + 1]
            nxt2 = lines[ln.idx + 2] if ln.idx + 2 < len(lines) else None
            if re.fullmatch(r"-{1,3}|–|—", nxt.text) and nxt2 is not None and ctx.fx.paragraph_like(nxt2):
                ln.label = "dateline"
                nxt.label = "dateline"
                nxt2.label = "lead"
                lead = nxt2.idx
                break
            if (
                (re.search(r"(?:-{1,3}|–|—)\Z", ln.text) or "," in ln.text)
                and nxt.label is None
                and ctx.fx.paragraph_like(nxt)
            ):
                ln.label = "dateline"
                nxt.label = "lead"
                lead = nxt.idx
                m = ctx.r.publisher_in_line.search(ln.text)
                publisher_tok = m.group(0) if m else None
                break
            # a place alone on its line right above the first paragraph (detik: "Bandung"), below
            # the headline or opening the text; not a rubric (kicker) and not the headline itself
            if (
                not seen_par
                and ln.words <= 3
                and nxt.label is None
                and nxt.words >= 12
                and nxt.text.endswith(STOP_END)
                and not ctx.fx.title_like(nxt)
                and not ctx.r.kicker_full.match(ln.text)
                and not ln.text.endswith((*STOP_END, ":"))
                and not any(c.isdigit() for c in ln.text)
                and (title_norm is None or fold(ln.text) != title_norm)
                and dateline(ctx, nxt) is None
                and (
                    (ln.idx == 0 and ln.words == 1)
                    or any(
                        p.label is None and ctx.fx.plausible_title(p) and p.words >= 4
                        for p in lines[: ln.idx]
                    )
                    or any(p.label == "title" for p in lines[: ln.idx])
                )
            ):
                ln.label = "dateline"
                nxt.label = "lead"
                lead = nxt.idx
                break
    if lead is None:
        after = -1
        if title_norm:
            after = next((ln.idx for ln in lines if fold(ln.text) == title_norm), -1)
        for ln in lines:
            if ln.label is not None or ln.idx <= after or ln.idx in skip:
                continue
            if ctx.fx.paragraph_like(ln) and not (ctx.fx.plausible_title(ln) and ln.words < 16):
                ln.label = "lead"
                lead = ln.idx
                break
    if lead is None:
        free = [
            ln
            for ln in lines
            if ln.label is None and ln.idx not in skip and not (title_norm and fold(ln.text) == title_norm)
        ]
        pick = next((ln for ln in free if ln.text.endswith(STOP_END)), None)
        if pick is None and free:
            pick = free[1] if len(free) > 1 and ctx.fx.title_like(free[0]) else free[0]
        if pick is not None:
            pick.label = "lead"
            lead = pick.idx
    if lead is None:
        lead = len(lines)
    return lead, publisher_tok
