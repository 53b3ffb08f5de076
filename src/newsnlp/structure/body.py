"""The body: every line after the lead (paragraphs, subheadings, lists, captions, related links,
tag lists, duplicates), read with its neighbours in the text flow."""

from __future__ import annotations

from ..textnorm import fold
from .context import Context
from .credits import credit_suffix
from .features import BULLET, INSERTED, NUMBERED, Line, shape
from .fragments import goes_on

__all__ = ["bare_marker", "body", "body_line", "prompt_tails"]


def body(ctx: Context, lines: list[Line], lead: int) -> None:
    r = ctx.r
    seen: dict[str, int] = {}
    for ln in lines[: lead + 1]:
        if ln.label == "lead":
            seen.setdefault(fold(ln.text), ln.idx)
    n = len(lines)
    # caption pairs: a line repeated right below with a credit added
    for i in range(lead + 1, n - 1):
        a, b = lines[i], lines[i + 1]
        if a.label not in (None, "caption") or b.label not in (None, "caption"):
            continue
        if len(b.text) > len(a.text) and b.text.startswith(a.text) and len(a.text) < 400:
            suffix = b.text[len(a.text) :]
            m = r.credit_suffix.search(b.text, len(a.text))
            if m and not suffix[: m.start() - len(a.text)].strip(" .,;-–—|"):
                a.label = b.label = "caption"
                cs = m.start("credit")
                b.subs.append((b.start + cs, b.start + m.end("credit"), "credit"))
    prompt_tails(ctx, lines, lead)
    # Tag lists after the last paragraph (detik): short lower-case lines -> boilerplate; promo
    # headings after the tag list (``Video Pilihan``, ``Terpopuler``: nothing they head follows)
    # too.
    last_par = max(
        (ln.idx for ln in lines[lead:] if ln.label is None and ctx.fx.paragraph_like(ln)), default=lead
    )
    tags = False
    promos: list[Line] = []
    closing = _closing_block(ctx, lines, last_par)
    for ln in lines[last_par + 1 :]:
        if ln.label is None and r.tag_line.match(ln.text) and ln.words <= 5:
            ln.label = "boilerplate"
            tags = True
        elif ln.label is None and r.byline_team.match(ln.text):
            ln.label = "byline"  # the team signing the article ("Tim Redaksi")
        elif tags and ln.idx >= closing and _promo_heading(ctx, ln):
            promos.append(ln)
    if len(promos) <= ctx.cfg.promo_heading_max_lines:  # more: a table or list, not promo headings
        for ln in promos:
            ln.label = "boilerplate"
    # A day heading over a schedule ("Sabtu, 21 Juni 2025" / events of that day): a subheading,
    # not a header date line, when a line of the article follows it.
    for i in range(lead + 1, n - 1):
        ln, nxt = lines[i], lines[i + 1]
        if (
            ln.label == "boilerplate"
            and r.header_date.match(ln.text)
            and not any(c in ln.text for c in ":.")  # no clock time: not a publication stamp
            and nxt.label is None
            and not r.header_date.match(nxt.text)
        ):
            ln.label = "subheading"
    in_related_run = False
    for i in range(lead + 1, n):
        ln = lines[i]
        if ln.label is not None:
            if ln.label == "related":
                in_related_run = bare_marker(ctx, ln)
            elif ln.label != "boilerplate":
                in_related_run = False
            if ln.label == "caption" and not any(s[2] == "credit" for s in ln.subs):
                credit_suffix(ctx, ln, force=True)
            continue
        key = fold(ln.text)
        if key in seen and ln.words >= 6:
            ln.label = "boilerplate"  # a duplicated paragraph
            continue
        seen[key] = i
        if (
            in_related_run
            and ctx.fx.title_like(ln)
            and ln.words >= 4
            and ctx.fx.headline_case(ln.text)
            and not ln.text.endswith(":")
            and not ln.text.startswith(('"', "“"))
            and not NUMBERED.match(ln.text)
        ):
            ln.label = "related"
            continue
        in_related_run = False
        if credit_suffix(ctx, ln, force=False):
            ln.label = "caption"
            continue
        ln.label = body_line(ctx, ln, lines, i)


def _promo_heading(ctx: Context, ln: Line) -> bool:
    return (
        ln.label is None
        and ln.words <= ctx.cfg.promo_heading_max_words
        and ctx.fx.title_like(ln)
        and not ctx.fx.paragraph_like(ln)
    )


def _closing_block(ctx: Context, lines: list[Line], last_par: int) -> int:
    """Where the furniture closing the text starts: from there to the end, only lines already
    labelled as furniture, tag lines and short headings (nothing of the article's own)."""
    start = len(lines)
    for ln in reversed(lines[last_par + 1 :]):
        if ln.label in INSERTED or ln.label in ("byline", "copyright"):
            start = ln.idx
        elif ln.label is None and (
            _promo_heading(ctx, ln) or (ctx.r.tag_line.match(ln.text) and ln.words <= 5)
        ):
            start = ln.idx
        else:
            break
    return start


def prompt_tails(ctx: Context, lines: list[Line], lead: int) -> None:
    """A prompt broken over lines (``Ikuti berita ... melalui tautan`` / ``https://...``,
    ``Dapatkan update berita pilihan dan`` / ``breaking news setiap hari ...``): the lines that
    carry on a follow/subscribe prompt (a link alone, or the rest of its sentence) are boilerplate
    too."""
    r = ctx.r
    prompt = False
    for ln in lines[lead + 1 :]:
        if ln.label == "boilerplate" and (
            r.boilerplate_prefix.match(ln.text) or r.boilerplate_search.match(ln.text)
        ):
            prompt, last = True, ln.text
            continue
        if prompt and (ln.label == "source_link" or (ln.label is None and goes_on(ctx, last, ln.text))):
            ln.label = "boilerplate"
            last = ln.text
            continue
        prompt = False


def bare_marker(ctx: Context, ln: Line) -> bool:
    m = ctx.r.related_line.match(ln.text)
    return bool(m) and not ln.text[m.end() :].strip(" :：-–—»>|")


def body_line(ctx: Context, ln: Line, lines: list[Line], i: int) -> str:
    # neighbours in the text flow: lines the page inserted (links, ads, captions) are skipped
    j = i + 1
    while j < len(lines) and lines[j].label in INSERTED:
        j += 1
    nxt = lines[j] if j < len(lines) else None
    j = i - 1
    while j >= 0 and lines[j].label in INSERTED:
        j -= 1
    prv = lines[j] if j >= 0 else None
    t = ln.text
    if not ctx.fx.title_like(ln):
        return "body"
    if t.endswith(":"):
        if ln.words <= 3 and ctx.fx.headline_case(t):
            return "subheading"
        # a heading over a list or a schedule ("Jadwal Imsakiyah Kota X dan sekitarnya:")
        return (
            "subheading"
            if ln.words <= 10 and not ctx.r.list_intro_sentence.match(t) and _heads_list(ctx, lines, i)
            else "body"
        )
    colon = t.find(":")
    if 0 < colon < len(t) - 1 and _value_after(t[colon + 1 :]):
        return "body"  # "Harga X: mulai Rp 23 juta" is a label and its value, not a heading
    li = ctx.r.list_item
    # list items next to list items of the same kind (a bullet link after a numbered list is not)
    in_list = bool(li.match(t)) and any(
        o is not None and bool(li.match(o.text)) and shape(o) == shape(ln) for o in (prv, nxt)
    )
    if in_list:
        return "body"
    next_par = (
        nxt is not None
        and nxt.label in (None, "body")
        and (
            (ctx.fx.paragraph_like(nxt) and not ctx.fx.title_like(nxt))
            or (nxt.text.endswith(":") and nxt.words >= 5)
        )
    )
    # a short line of the same kind right above: an item of a list of short lines
    prev_short = (
        prv is not None
        and prv.label in (None, "body", "subheading")
        and ctx.fx.title_like(prv)
        and prv.words <= 10
        and not prv.text.endswith(":")
        and shape(prv) == shape(ln)
    )
    numbered = bool(NUMBERED.match(t))
    plain = shape(ln) == "plain"
    # a plain heading over a list (``Promo Event`` / ``1. Cashback ...``) or over a lower heading
    next_list = nxt is not None and nxt.label in (None, "body") and plain and shape(nxt) != "plain"
    nn = lines[nxt.idx + 1] if nxt is not None and nxt.idx + 1 < len(lines) else None
    next_heading = (
        nxt is not None
        and nxt.label is None
        and plain
        and ctx.fx.title_like(nxt)
        and not ctx.fx.paragraph_like(nxt)
        and nxt.words <= 5
        and ctx.fx.headline_case(nxt.text)
        and nn is not None
        and nn.label is None
        and (
            shape(nn) != "plain" or (ln.words < 8 and ctx.fx.paragraph_like(nn) and not ctx.fx.title_like(nn))
        )
    )
    prev_heading_ok = (
        prv is None
        or prv.label == "subheading"
        or not (
            prv.label in (None, "body")
            and ctx.fx.title_like(prv)
            and prv.words <= 8
            and shape(prv) == "plain"
            and not prv.text.endswith(":")
        )
    )
    if (next_list or next_heading) and ln.words <= 12 and ctx.fx.headline_case(t) and prev_heading_ok:
        return "subheading"
    question = t.endswith("?")
    # an unmarked link stands alone between paragraphs; a run of such lines is a list
    next_titleish = (
        nxt is not None
        and nxt.label is None
        and ctx.fx.title_like(nxt)
        and not ctx.fx.paragraph_like(nxt)
        and nxt.words >= 4
    )
    alone = not prev_short and not next_titleish
    if (
        ctx.cfg.related_min_words <= ln.words <= ctx.cfg.related_max_words
        and t.count(":") <= 1
        and ctx.fx.headline_case(t)
        and not numbered
        and ctx.fx.strict_headline(BULLET.sub("", t, count=1))
        and not (question and next_par)
        and alone
        and not ctx.r.not_related_start.match(t)
    ):
        return "related"
    if nxt is None:
        # a heading closing the text (the scraper cut what it headed), not the last list item
        return (
            "subheading"
            if ln.words <= 7
            and ctx.fx.headline_case(t)
            and not prev_short
            and not (prv is not None and prv.text.endswith(":"))
            else "body"
        )
    if (ln.words <= 10 or numbered or question) and next_par and not prev_short:
        if li.match(t) or ln.words <= 4:
            return "subheading"
        # a longer plain heading is headline-cased from its first words (not ``Menu andalannya ...``)
        return (
            "subheading" if ctx.fx.headline_case(t) and (not plain or ctx.fx.strict_headline(t)) else "body"
        )
    return "body"


def _value_after(rest: str) -> bool:
    """The text after a colon reads as a value (lower case, a number, a currency), not a title."""
    rest = rest.strip()
    return bool(rest) and (rest[0].islower() or rest.startswith(("Rp", "US$", "$")))


def _heads_list(ctx: Context, lines: list[Line], i: int) -> bool:
    """Whether the lines after ``i`` are a list: numbered or bulleted, or at least two short lines
    (a schedule: ``Imsak: 04.30``)."""
    nxt = lines[i + 1 : i + 3]
    if not nxt or nxt[0].label is not None:
        return False
    if shape(nxt[0]) != "plain":
        return True
    return len(nxt) == 2 and all(
        x.label is None and x.words <= 8 and not ctx.fx.paragraph_like(x) for x in nxt
    )
