"""HTML pages to plain text, metadata and structure hints, safely.

:func:`html_to_text` decodes bytes as a browser does (:mod:`~newsnlp.input.charset`), parses once
with lxml without network access or entity expansion (:mod:`~newsnlp.input.dom`), reads the page
metadata (:mod:`~newsnlp.input.html_meta`), asks trafilatura where the article is
(:mod:`~newsnlp.input.region`) and keeps newsnlp's own reading of that part of the page: the
headline, what lies between the headline and the article, the article, and a short stretch after
it (bylines, tags). The structure stage then labels every line; the hints say which lines the
extractor left out (``outside``: never part of ``clean_text``) and which sit between the headline
and the article (``preface``: a lead in its own container may be there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lines import iter_lines
from ..textnorm import fold
from .charset import decode_html
from .dom import content_root, newline, parse, prepare_source, tidy, walk
from .extractor import MainText
from .fallback import fallback_text
from .html_meta import page_metadata
from .region import align

__all__ = ["HtmlExtraction", "html_to_text"]

#: Lines kept after the article's last line (bylines, tags, the end of a long caption), at most
#: this many and :data:`TRAILING_CHARS` characters; the structure stage labels them (never body).
TRAILING_LINES = 12
TRAILING_CHARS = 1500
#: Short lines kept above the headline (a rubric, a kicker).
KICKER_LINES = 2
#: Lines above the article's first line among which the headline is looked for.
HEADLINE_WINDOW = 80
#: The extractor's text must be found in newsnlp's lines to this share (letters and digits) to
#: be trusted; otherwise the page is read as before (the ``<article>`` element or the body).
MIN_COVER = 0.5
#: trafilatura runs in its fast mode first; its fallbacks run when the fast result is shorter
#: than this ...
FAST_MIN_CHARS = 1000
#: ... and only when the page's prose (lines of this many words or more) is longer than this many
#: times the fast result: on a page whose prose the fast mode already has, the fallbacks find
#: nothing more (on html-peer they changed no snippet on those pages).
PROSE_MIN_WORDS = 12
PROSE_SHARE = 1.2
#: Pages beyond these sizes are not given to the extractor (its cost grows faster than linearly on
#: deeply nested markup, nested tables above all); they are read whole. Real pages stay far below
#: (trafilatura's own evaluation corpus: at most 10,106 elements and depth 43).
REGION_MAX_ELEMENTS = 30_000
REGION_MAX_DEPTH = 120
#: ... and pages with fewer characters of markup per element than this (real pages: 34 at least,
#: 132 typically; ``"<p>x" * 10_000`` has 4).
REGION_MIN_BYTES = 24


@dataclass
class HtmlExtraction:
    """Text of an HTML page, its metadata and the spans the markup itself labels.

    ``metadata`` keys are among ``title``, ``authors`` (list), ``editors``, ``publisher``,
    ``published`` (ISO string) and ``url``. ``hints`` are ``(start, end, label)`` spans over
    ``text`` with structure labels (``title``, ``caption``, ``credit``, ``related``, ``byline``,
    ``subheading``, ``copyright``, ``boilerplate``, ``pagination``, ``kicker``) and the region
    labels ``outside`` (the article extractor left the line out) and ``preface`` (between the
    headline and the article). ``truncated`` is true when the page's text was cut at
    :data:`~newsnlp.input.dom.MAX_TEXT` characters; ``encoding`` names the codec bytes were
    decoded with (``None`` for ``str`` input).
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    hints: list[tuple[int, int, str]] = field(default_factory=list)
    truncated: bool = False
    encoding: str | None = None


def html_to_text(html: str | bytes, region: bool = True) -> HtmlExtraction:
    """Turn an HTML page into text, metadata and structure hints (never raises on bad markup).

    ``region=False`` skips the article extractor and reads the ``<article>`` element (or the
    body) whole, as newsnlp did before it stood on trafilatura.
    """
    encoding = None
    if not isinstance(html, str):
        html, encoding = decode_html(bytes(html))
    if not html.strip():
        return HtmlExtraction(text="", encoding=encoding)
    source = prepare_source(html)
    root = parse(source)
    if root is None:
        text, cut = fallback_text(source)
        return HtmlExtraction(text=text, truncated=cut, encoding=encoding)
    try:
        md = page_metadata(root)
    except (ValueError, RecursionError):  # pragma: no cover - defensive
        md = {}
    out = None
    pruned = False  # the extractor prunes the tree in place
    if region:
        body = root.find(".//body")
        stats: dict[str, int] = {}
        text, hints, cut = _walk_all(body if body is not None else root, stats)
        n = stats["elements"]
        if (
            not cut
            and n <= REGION_MAX_ELEMENTS
            and stats["depth"] <= REGION_MAX_DEPTH
            and n * REGION_MIN_BYTES <= len(source)
        ):
            out = _with_region(source, root, md, text, hints, cut)
            pruned = True
    if out is None:
        if pruned:  # the extractor pruned the tree: read the page as it was
            root, pruned = parse(source), False
        out = _whole_article(root, md)
    text, hints, cut = out
    # libxml2 gives up on absurdly deep trees (thousands of nested elements) and may drop their
    # text: fall back to a tokenizer pass when the tree walk lost most of the text. (The pruned
    # tree holds less text than the page: when it passes the check, the page does too.)
    if len(text) < 2000 and _lost_text(root, text) and (not pruned or _lost_text(parse(source), text)):
        crude, crude_cut = fallback_text(source)
        if len(crude) > 2 * len(text) + 20:
            return HtmlExtraction(text=crude, metadata=md, truncated=crude_cut, encoding=encoding)
    return HtmlExtraction(text=text, metadata=md, hints=hints, truncated=cut, encoding=encoding)


def _lost_text(root: Any, text: str) -> bool:
    """Whether the parsed tree holds less text than the walk should have found: the parser gave up
    (a correctly found short article is not read again with the crude pass)."""
    body = root.find(".//body")
    base = body if body is not None else root
    try:
        n = len("".join(base.itertext()).split())
    except (ValueError, RecursionError):  # pragma: no cover - defensive
        return True
    return n < 0.5 * len(text.split()) + 5 or root.find(".//body") is None


def _walk_all(el: Any, stats: dict[str, int]) -> tuple[str, list[tuple[int, int, str]], bool]:
    parts: list[str] = []
    hints: list[tuple[int, int, str]] = []
    pos = [0]
    cut = walk(el, parts, hints, pos, stats)
    text, hints = tidy("".join(parts), hints)
    return text, hints, cut


def _whole_article(root: Any, md: dict[str, Any]) -> tuple[str, list[tuple[int, int, str]], bool]:
    """The ``<article>`` element (or ``articleBody``, else the body), with the headline first."""
    parts: list[str] = []
    hints: list[tuple[int, int, str]] = []
    pos = [0]
    content = content_root(root)
    h1 = root.find(".//h1")
    cut = False
    if h1 is not None and content is not None and h1 not in content.iterdescendants():
        cut = walk(h1, parts, hints, pos)
        newline(parts, pos)
    cut = walk(content, parts, hints, pos) or cut
    text, hints = tidy("".join(parts), hints)
    return text, _title_hints(text, hints, md.get("title")), cut


def _title_hints(
    text: str, hints: list[tuple[int, int, str]], title: str | None
) -> list[tuple[int, int, str]]:
    """The ``title`` hint goes to the line that is the page's headline (its metadata title) when
    there is one; other ``<h1>`` lines (a site or section logo) are subheadings."""
    if not title:
        return hints
    key = fold(title)
    lines = [(s, e) for s, e in _spans(text)]
    match = next(((s, e) for s, e in lines if _same_title(fold(text[s:e]), key)), None)
    if match is None:
        return hints
    out = [(s, e, "subheading" if lab == "title" else lab) for s, e, lab in hints]
    out = [h for h in out if not (h[0] <= match[0] and match[1] <= h[1] and h[2] == "subheading")]
    out.append((match[0], match[1], "title"))
    out.sort()
    return out


def _same_title(line: str, title: str) -> bool:
    if not line or not title:
        return False
    if line == title:
        return True
    # a headline shown with a site suffix or prefix, or the metadata title with one
    short, long_ = sorted((line, title), key=len)
    return len(short) >= 20 and len(short) >= 0.6 * len(long_) and short in long_


def _more_prose(lines: list[str], main: str | None) -> bool:
    """Whether the page holds clearly more prose (lines of :data:`PROSE_MIN_WORDS` words or more)
    than the fast result ``main``: only then can the slower fallbacks find more of the article."""
    prose = 0
    bar = PROSE_SHARE * len(main or "")
    for line in lines:
        if len(line) > PROSE_MIN_WORDS and len(line.split()) >= PROSE_MIN_WORDS:
            prose += len(line)
            if prose > bar:
                return True
    return False


def _spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, line in iter_lines(text) if line.strip()]


def _with_region(
    source: str, root: Any, md: dict[str, Any], text: str, hints: list[tuple[int, int, str]], cut: bool
) -> tuple[str, list[tuple[int, int, str]], bool] | None:
    """The page (``text`` and ``hints``: the walk of its body) cut to the article region the
    extractor finds, or ``None`` when it finds nothing usable."""
    spans = _spans(text)
    if not spans:
        return None
    lines = [text[s:e] for s, e in spans]
    # (prunes the tree in place; the page's text newsnlp read is the escalation's page measure)
    extractor = MainText(root, source, page_chars=len(text))
    main = extractor.text
    if (not main or len(main) < FAST_MIN_CHARS) and _more_prose(lines, main):
        main = extractor.full() or main  # trafilatura with its fallbacks (readability, jusText)
    if not main:
        return None
    inside, cover = align(lines, main)
    if cover < MIN_COVER or not any(inside):
        return None
    first = inside.index(True)
    last = len(inside) - 1 - inside[::-1].index(True)
    # the headline: the line matching the page's title, nearest above the article (or inside it)
    title_at = None
    key = fold(md["title"]) if md.get("title") else None
    if key:
        for i in range(first, max(-1, first - HEADLINE_WINDOW), -1):
            if _same_title(fold(text[spans[i][0] : spans[i][1]]), key):
                title_at = i
                break
        if title_at is None:
            title_at = next(
                (
                    i
                    for i in range(first, last + 1)
                    if _same_title(fold(text[spans[i][0] : spans[i][1]]), key)
                ),
                None,
            )
    start = min(first, title_at) if title_at is not None else first
    # a rubric right above the headline (``Nasional``): up to two short lines
    for _ in range(KICKER_LINES):
        if start > 0 and len(lines[start - 1].split()) <= 4:
            start -= 1
    # after the article: bylines, tags, an end marker; a sidebar starts with a heading or a list
    # of links, where the stretch ends
    stops = {s for s, _e, lab in hints if lab in ("related", "subheading", "title")}
    end = last
    chars = 0
    while end + 1 < len(spans) and end - last < TRAILING_LINES and spans[end + 1][0] not in stops:
        chars += spans[end + 1][1] - spans[end + 1][0]
        if chars > TRAILING_CHARS:
            break
        end += 1
    zone: list[tuple[int, int, str]] = []
    headings = {s for s, _e, lab in hints if lab == "subheading"}
    for i in range(start, end + 1):
        s, e = spans[i]
        if i == title_at:
            zone.append((s, e, "title"))
        elif i < first:
            zone.append((s, e, "preface"))
        elif not inside[i] and not (s in headings and i + 1 < len(inside) and inside[i + 1]):
            # (a heading the extractor dropped over a paragraph it kept stays the article's)
            zone.append((s, e, "outside"))
    lo, hi = spans[start][0], spans[end][1]
    kept = [
        (max(s, lo) - lo, min(e, hi) - lo, lab) for s, e, lab in hints if s < hi and e > lo and lab != "title"
    ]
    kept = [(s, e, lab) for s, e, lab in kept if e > s]
    if title_at is None:  # no metadata title found: an <h1> inside the window is still the headline
        kept += [
            (max(s, lo) - lo, min(e, hi) - lo, lab) for s, e, lab in hints if lab == "title" and lo <= s < hi
        ]
    kept += [(s - lo, e - lo, lab) for s, e, lab in zone]
    kept.sort()
    return text[lo:hi], kept, cut
