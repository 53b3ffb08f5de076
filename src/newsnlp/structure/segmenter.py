"""The rule-based line segmenter: labels each line of a scraped article and finds the sub-line
spans (dateline, credits, trailing bylines, inline related links).

The decision for each line combines general signals (:mod:`.features`: length, title case,
missing final stop, list shape), the ordered pattern rules of :mod:`.cascade` (data), the HTML
hints (:mod:`.hints`), the passes over the whole text (:mod:`.prepass`), the lead and its dateline
(:mod:`.datelines`), the header (:mod:`.header`), the body (:mod:`.body`), captions and credits
(:mod:`.credits`), segments (:mod:`.spans`) and bylines (:mod:`.bylines`). Everything works on
offsets into the original text, which is never changed.
"""

from __future__ import annotations

from ..record import CLEAN_LABELS
from ..textnorm import fold
from .body import body
from .bylines import metadata
from .context import Context, build_context
from .credits import credit_prefix, credit_suffix, glued_caption
from .datelines import find_lead
from .features import Line, split_lines
from .fragments import merge_fragments
from .header import header
from .hints import apply_hints, zone_lines
from .prepass import mark_embeds, mark_merged_duplicates, name_below_key
from .resources import Resources
from .result import SegmentResult
from .spans import build_segments, inline

__all__ = ["Line", "SegmentResult", "Segmenter", "segment_text", "split_lines"]


class Segmenter:
    """Runs the rules of one :class:`~newsnlp.structure.context.Context` over texts."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def run(
        self, text: str, hints: list[tuple[int, int, str]] | None = None, title_hint: str | None = None
    ) -> SegmentResult:
        """Label the lines of ``text`` (with optional HTML ``hints`` and the page's title)."""
        ctx = self.ctx
        lines = split_lines(text)
        if not hints:  # plain text: paragraphs split at inline links are one line again
            lines = merge_fragments(ctx, lines, text)
        res = SegmentResult(segments=[], lines=lines)
        if not lines:
            return res
        hint_of: dict[int, str] = {}
        bold_starts: dict[int, int] = {}
        zone: dict[int, str] = {}
        if hints:
            hints = zone_lines(lines, hints, zone)
            apply_hints(ctx, lines, hints, hint_of, zone)
            # bold runs opening a paragraph (HTML): dateline candidates, start -> end
            limit = ctx.cfg.bold_dateline_max_chars
            bold_starts = {hs: he for hs, he, lab in hints if lab == "dateline" and he - hs <= limit}
        for ln in lines:
            ln.label = ctx.cascade.label(ln)
            hint = hint_of.get(ln.idx)
            if hint is not None and (
                ln.label is None or (hint == "title" and ln.label in ("kicker", "source_link"))
            ):
                ln.label = hint
                continue
            if ln.idx in hint_of:
                del hint_of[ln.idx]
            if ln.label is None:
                credit_prefix(ctx, ln, text)
            if ln.label is None:
                glued_caption(ctx, ln)
        name_below_key(ctx, lines)
        merged = mark_merged_duplicates(lines)
        mark_embeds(ctx, lines, merged)
        title_norm = fold(title_hint) if title_hint else None

        # 1. The lead: the first line that opens with a dateline, else the first paragraph.
        outside = {i for i, z in zone.items() if z == "outside"}
        lead, publisher_tok = find_lead(ctx, lines, hint_of, bold_starts, title_norm, outside)

        # 2. The header (lines before the lead): kicker, teaser, title, source link.
        header(ctx, lines[:lead], title_norm, lines[lead + 1 :])

        # 3. The body.
        body(ctx, lines, lead)

        # 4. Sub-line spans: inline related links, trailing bylines, credits.
        for ln in lines:
            if ln.label in ("lead", "body"):
                inline(ctx, ln)
            elif ln.label == "caption" and not any(x[2] == "credit" for x in ln.subs):
                credit_suffix(ctx, ln, force=True)

        # 5. Lines between the headline and the article: a lead in its own container, or furniture.
        #    Lines the article extractor left out are never the article's own text.
        for i, z in zone.items():
            ln = lines[i]
            if z == "preface" and ln.label in ("body", "subheading", "title") and hint_of.get(i) != "title":
                ln.label = "boilerplate"
            elif z == "outside" and ln.label in (None, *CLEAN_LABELS):
                ln.label = "boilerplate"
                ln.subs = [sub for sub in ln.subs if sub[2] != "dateline"]
                ln.tail = None

        # 6. Segments and metadata.
        res.segments = build_segments(lines)
        metadata(ctx, lines, res, publisher_tok)
        return res


def segment_text(
    text: str,
    hints: list[tuple[int, int, str]] | None = None,
    title_hint: str | None = None,
    resources: Resources | None = None,
) -> SegmentResult:
    """Label the lines of ``text`` and return segments (start, end, label) with metadata.

    Builds the rules over ``resources`` (default: the shipped data, compiled once and cached) on
    each call; a caller segmenting many texts keeps a :class:`Segmenter` (or the stage) instead.
    """
    return Segmenter(build_context(resources)).run(text, hints, title_hint)
