"""Rule-based line segmenter: labels each line of a scraped article and finds the sub-line spans
(dateline, credits, trailing bylines, inline related links).

The decision for each line combines general signals (length, title case, missing final stop,
position relative to the lead, repetition, what follows a line) with the outlet patterns of
``newsnlp/data/structure``. Everything works on offsets into the original text, which is never
changed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..textnorm import fold
from .resources import PLACE_ONLY_DATELINES, WEAK_DATELINES, Resources, load_resources

__all__ = ["Line", "SegmentResult", "segment_text", "split_lines"]

_TERMINAL = tuple(".!?\"”’'…)];:")
_STOP_END = tuple('.!?"”’…')
#: Function words that headline case leaves in lower case (from patterns.json, set on first use).
_FUNCTION_WORDS: frozenset[str] = frozenset()
#: Abbreviations whose full stop does not end a headline (from patterns.json).
_ABBREVIATIONS: frozenset[str] = frozenset()
#: Every dateline form has a dash, a comma or an opening parenthesis in its first 90 characters.
_DATELINE_HINT = re.compile(r"^[^\n]{0,90}?[-–—―−,(]")
_INNER_STOP = re.compile(r"(\w+)[.!?][\"”’]?(?:\s+|(?=[A-Z]))[A-Z][a-z]")
_LETTERS3 = re.compile(r"[A-Za-z]{3}")
_NUMBERED = re.compile(r"^(?:[0-9]{1,2}[.)](?:\s+|(?=[A-Z]))|[a-zA-Z][.)]\s+)")
#: A bullet-marked line (``• Judul``, ``-Kepulauan Seribu Selatan : Berawan``).
_BULLET = re.compile(r"^[•·●▪\-–*]\s*(?=\S)")
#: Labels of the lines a page inserts between paragraphs (skipped when looking at neighbours).
_INSERTED = frozenset(("related", "boilerplate", "caption", "credit", "pagination", "source_link"))
_WORD = re.compile(r"[^\W_][\w'’.\-/&]*", re.UNICODE)


@dataclass(slots=True)
class Line:
    """One non-empty line of the text, without its surrounding whitespace."""

    idx: int
    start: int
    end: int
    text: str
    label: str | None = None
    #: Sub-spans (start, end, label) inside this line: dateline, credit, split-off tails.
    subs: list[tuple[int, int, str]] = field(default_factory=list)
    #: Part of the line that is a separate segment at its end: (start, label).
    tail: tuple[int, str] | None = None
    #: Part of the line that is a separate segment at its start: (end, label) (Kompas glued credits).
    head: tuple[int, str] | None = None
    #: Number of whitespace-separated words.
    words: int = 0


@dataclass
class SegmentResult:
    """Output of :func:`segment_text`: segments as (start, end, label) and the metadata found."""

    segments: list[tuple[int, int, str]]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    publisher: str | None = None
    #: The raw publisher token of the dateline (``WARTACONTOH.COM``), known outlet or not.
    publisher_token: str | None = None
    lines: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with exact offsets, surrounding whitespace excluded."""
    out: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            t = text[s:e]
            out.append(Line(len(out), s, e, t, words=len(t.split())))
        pos = nl + 1
    return out


def _headline_case(text: str) -> bool:
    """True when most content words start with a capital or a digit (headline style)."""
    words = _WORD.findall(text)
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content) >= 0.75 and (words[0][0].isupper() or words[0][0].isdigit())


def _title_like(line: Line) -> bool:
    """A short line without a final stop: a headline, subheading or link text."""
    t = line.text
    if len(t) > 220 or line.words > 28:
        return False
    if t.endswith(_STOP_END):
        # A headline may end with ? or ! ; ... is a teaser continuation.
        if not (t.endswith(("?", "!")) and _headline_case(t)):
            return False
    m0 = _NUMBERED.match(t)
    first = t[m0.end() if m0 else 0 :].lstrip("\"“'‘([•·●▪-–* \u00a0\t")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    # a headline is one sentence: no sentence boundary inside (``Infantino.Penghargaan``); the
    # number of a numbered heading (``1. Gunung Bunder``, ``a. Premi``) is not a boundary
    for m in _INNER_STOP.finditer(t, m0.end() if m0 else 0):
        if m.group(1) not in _ABBREVIATIONS:
            return False
    return True


def _plausible_title(line: Line) -> bool:
    """A title-like line that reads as a headline: headline case, or short."""
    return _title_like(line) and 3 <= line.words <= 20 and (_headline_case(line.text) or line.words <= 8)


def _shape(line: Line) -> str:
    """``num`` for a numbered line, ``bullet`` for a bulleted one, else ``plain``."""
    if _NUMBERED.match(line.text):
        return "num"
    return "bullet" if _BULLET.match(line.text) else "plain"


def _strict_headline(text: str) -> bool:
    """Headline case from the start: the first three content words capitalised (``iPhone`` counts)."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _FUNCTION_WORDS][:3]
    return len(words) == 3 and all(
        w[0].isupper() or w[0].isdigit() or any(c.isupper() for c in w[1:]) for w in words
    )


def _paragraph_like(line: Line) -> bool:
    t = line.text
    return line.words >= 12 or (t.endswith(_STOP_END) and line.words >= 4)


class _Segmenter:
    def __init__(self, res: Resources) -> None:
        global _FUNCTION_WORDS, _ABBREVIATIONS
        self.r = res
        _FUNCTION_WORDS = frozenset(res.raw["patterns"].get("headline_lowercase_words", ()))
        _ABBREVIATIONS = frozenset(res.raw["patterns"].get("title_abbreviations", ()))

    # -- per-line patterns ----------------------------------------------------------------
    def hard_label(self, line: Line) -> str | None:
        r = self.r
        t = line.text
        if r.copyright_full.match(t) and len(t) < 260:
            return "copyright"
        for pat in r.syndication:
            if pat.match(t):
                return "byline"
        if len(t) < 400 and line.words >= 6 and r.caption_prefix.match(t):
            return "caption"
        if (
            len(t) < 100
            and line.words <= 9
            and r.credit_line.match(t)
            and t.startswith(("Foto", "FOTO", "Sumber", "Kredit"))
        ):
            return "credit"  # "Foto: Republika/Putra M. Akbar" is a photo credit, not a byline
        if len(t) < 300:
            m = r.byline_key.match(t)
            if m and (t.startswith("(") or line.words <= 24):
                return "byline"
            if r.byline_report.match(t) or (r.byline_report_prefix.match(t) and line.words <= 14):
                return "byline"
            if r.paren_byline.match(t):
                return "byline"
            if line.words <= 12 and (r.byline_nocolon.match(t) or r.byline_brand.match(t)):
                return "byline"
        if len(t) < 120 and r.byline_key_alone.match(t):
            return "byline"
        if len(t) < 200 and " oleh " in t[:40] and r.byline_production.match(t):
            return "byline"  # "Diproduksi oleh Name dari laporan ..." (ABC Indonesia at detik)
        if len(t) < 100 and line.words <= 9 and r.credit_line.match(t):
            m = r.credit_prefix.match(t)
            if not (m and r.credit_glue.search(t, m.end() + 1, min(len(t), m.end() + 50))):
                return "credit"
        if r.pagination_full.match(t):
            return "pagination"
        if r.boilerplate_full.match(t) or (len(t) < 200 and r.boilerplate_prefix.match(t)):
            return "boilerplate"
        if "twitter.com/" in t and r.embed_line.fullmatch(t):
            return "boilerplate"  # the text of an embedded post with its pic.twitter.com link
        if len(t) < 200 and r.boilerplate_search.match(t):
            return "boilerplate"
        m = r.related_line.match(t)
        if m and len(t) < 400:
            key = re.sub(r"\s+", "", m.group("m")).lower()
            if key not in r.related_need_colon or ":" in m.group("sep") or "：" in m.group("sep"):
                return "related"
        if r.kicker_full.match(t):
            return "kicker"
        if len(t) < 120 and r.source_link_full.match(t):
            return "source_link"
        if r.header_date.match(t):
            return "boilerplate"
        if len(t) < 400 and r.caption_prefix.match(t):
            return "caption"
        return None

    def dateline(self, line: Line, place_only: bool = True) -> tuple[int, str | None] | None:
        """Length of the dateline at the start of ``line`` and its publisher token.

        ``place_only=False`` skips the patterns that name no publisher (``JAKARTA -``), used once
        a paragraph has been seen: a place alone then more likely starts an ordinary sentence.
        """
        t = line.text
        if not _DATELINE_HINT.match(t):
            return None
        pats = self.r.dateline_patterns
        for k, pat in enumerate(pats):
            if not place_only and k >= len(pats) - PLACE_ONLY_DATELINES:
                break
            m = pat.match(t)
            if (
                m
                and k >= len(pats) - WEAK_DATELINES
                and not (_paragraph_like(line) and line.words >= 10 and not _title_like(line))
            ):
                continue
            if m:
                dl = m.group("dl").rstrip()
                if len(dl) > 70 or len(dl) >= len(t) - 3:
                    continue
                pub = m.groupdict().get("pub")
                return len(dl), pub
        return None

    # -- the whole article ----------------------------------------------------------------
    def run(
        self, text: str, hints: list[tuple[int, int, str]] | None = None, title_hint: str | None = None
    ) -> SegmentResult:
        lines = split_lines(text)
        res = SegmentResult(segments=[], lines=lines)
        if not lines:
            return res
        hint_of: dict[int, str] = {}
        bold_starts: dict[int, int] = {}
        if hints:
            self._apply_hints(lines, hints, hint_of)
            # bold runs opening a paragraph (HTML): dateline candidates, start -> end
            bold_starts = {hs: he for hs, he, lab in hints if lab == "dateline" and he - hs <= 45}
        for ln in lines:
            ln.label = self.hard_label(ln)
            hint = hint_of.get(ln.idx)
            if hint is not None and (
                ln.label is None or (hint == "title" and ln.label in ("kicker", "source_link"))
            ):
                ln.label = hint
                continue
            if ln.idx in hint_of:
                del hint_of[ln.idx]
            if ln.label is None:
                self._credit_prefix(ln, text)
            if ln.label is None:
                self._glued_caption(ln)
        # A byline key alone on its line ("Penulis") names the person on the next short line.
        for i in range(len(lines) - 1):
            a, b = lines[i], lines[i + 1]
            if (
                a.label == "byline"
                and self.r.byline_key_alone.match(a.text)
                and b.label is None
                and b.words <= 6
                and _title_like(b)
            ):
                b.label = "byline"
        # Two or more paragraphs glued on one line, then repeated below one by one (Republika).
        merged: set[int] = set()
        for i in range(len(lines) - 1):
            a, b = lines[i], lines[i + 1]
            if (
                a.label is None
                and a.words > 8
                and len(a.text) > len(b.text) + 10
                and a.text.startswith(b.text)
            ):
                a.label = "boilerplate"
                merged.add(i)
        # exact copies of such a merged line right above it are merged lines too
        for i in range(len(lines) - 2, -1, -1):
            a, b = lines[i], lines[i + 1]
            if i + 1 in merged and a.label is None and a.text == b.text:
                a.label = "boilerplate"
                merged.add(i)
        # An embedded post (tweet): the "— Name (@handle) date" line closes it; the short lines of the
        # post above it (up to 4, no paragraph) belong to the embed.
        for ln in lines:
            if ln.label == "boilerplate" and self.r.embed_signature.match(ln.text):
                j = ln.idx - 1
                while (
                    j >= 0
                    and ln.idx - j <= 4
                    and lines[j].label in (None, "boilerplate")
                    and j not in merged
                    and not (_paragraph_like(lines[j]) and lines[j].words >= 12)
                ):
                    lines[j].label = "boilerplate"
                    j -= 1
        title_norm = fold(title_hint) if title_hint else None
        publisher_tok: str | None = None

        # 1. The lead: the first line that opens with a dateline, else the first paragraph.
        lead = None
        seen_par = False
        for ln in lines[:14]:
            if ln.label not in (None, "source_link") or ln.idx in hint_of:
                continue
            d = self.dateline(ln, place_only=not seen_par)
            if d is None and ln.start in bold_starts and _paragraph_like(ln) and not _title_like(ln):
                d = self._bold_dateline(ln, bold_starts[ln.start])
            if d is None and _paragraph_like(ln) and not _title_like(ln):
                seen_par = True
            if d:
                n, pub = d
                ln.label = "lead"
                ln.subs.append((ln.start, ln.start + n, "dateline"))
                publisher_tok = pub
                lead = ln.idx
                break
            if ln.words <= 5 and ln.idx + 1 < len(lines) and self.r.dateline_split.match(ln.text):
                nxt = lines[ln.idx + 1]
                nxt2 = lines[ln.idx + 2] if ln.idx + 2 < len(lines) else None
                if re.fullmatch(r"-{1,3}|–|—", nxt.text) and nxt2 is not None and _paragraph_like(nxt2):
                    ln.label = "dateline"
                    nxt.label = "dateline"
                    nxt2.label = "lead"
                    lead = nxt2.idx
                    break
                if (
                    (re.search(r"(?:-{1,3}|–|—)\Z", ln.text) or "," in ln.text)
                    and nxt.label is None
                    and _paragraph_like(nxt)
                ):
                    ln.label = "dateline"
                    nxt.label = "lead"
                    lead = nxt.idx
                    m = self.r.publisher_in_line.search(ln.text)
                    publisher_tok = m.group(0) if m else None
                    break
                # a place alone on its line right above the first paragraph (detik: "Bandung"), below
                # the headline or opening the text; not a rubric (kicker) and not the headline itself
                if (
                    not seen_par
                    and ln.words <= 3
                    and nxt.label is None
                    and nxt.words >= 12
                    and nxt.text.endswith(_STOP_END)
                    and not _title_like(nxt)
                    and not self.r.kicker_full.match(ln.text)
                    and not ln.text.endswith((*_STOP_END, ":"))
                    and not any(c.isdigit() for c in ln.text)
                    and (title_norm is None or fold(ln.text) != title_norm)
                    and self.dateline(nxt) is None
                    and (
                        (ln.idx == 0 and ln.words == 1)
                        or any(
                            p.label is None and _plausible_title(p) and p.words >= 4 for p in lines[: ln.idx]
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
                if ln.label is not None or ln.idx <= after:
                    continue
                if _paragraph_like(ln) and not (_plausible_title(ln) and ln.words < 16):
                    ln.label = "lead"
                    lead = ln.idx
                    break
        if lead is None:
            free = [
                ln for ln in lines if ln.label is None and not (title_norm and fold(ln.text) == title_norm)
            ]
            pick = next((ln for ln in free if ln.text.endswith(_STOP_END)), None)
            if pick is None and free:
                pick = free[1] if len(free) > 1 and _title_like(free[0]) else free[0]
            if pick is not None:
                pick.label = "lead"
                lead = pick.idx
        if lead is None:
            lead = len(lines)

        # 2. The header (lines before the lead): kicker, teaser, title, source link.
        later = {fold(ln.text) for ln in lines[lead + 1 :]} if lead < len(lines) else set()
        self._header(lines[:lead], title_norm, later)

        # 3. The body.
        self._body(lines, lead)

        # 4. Sub-line spans: inline related links, trailing bylines, credits.
        for ln in lines:
            if ln.label in ("lead", "body"):
                self._inline(ln)
            elif ln.label == "caption" and not any(x[2] == "credit" for x in ln.subs):
                self._credit_suffix(ln, force=True)

        # 5. Segments and metadata.
        res.segments = self._segments(lines)
        self._metadata(lines, res, publisher_tok)
        return res

    def _bold_dateline(self, ln: Line, end: int) -> tuple[int, str | None] | None:
        """A bold run opening the first paragraph as dateline (``<b>Liputan6.com, Jakarta</b> Badan ...``)."""
        n = end - ln.start
        head = ln.text[:n].rstrip()
        if (
            not head[:1].isupper()
            or len(head.split()) > 4
            or n > len(ln.text) - 20
            or _INNER_STOP.search(head)
        ):
            return None
        pub = self.r.publisher_in_line.search(head)
        if pub is None and "," not in head:
            return None  # a bold lead-in without publisher or "Place," is not taken as a dateline
        m = re.match(r"\s*(?:-{1,3}|–|—)", ln.text[n:])
        if m:
            n += m.end()
        return len(ln.text[:n].rstrip()), pub.group(0) if pub else None

    #: Longest hint span (characters) trusted per label: a wrapper element with a misleading
    #: class (``editor-content``) must not turn a whole article into a byline.
    _HINT_MAX = {
        "title": 300,
        "caption": 600,
        "related": 3000,
        "byline": 300,
        "copyright": 500,
        "boilerplate": 3000,
        "subheading": 200,
        "kicker": 80,
        "pagination": 300,
    }

    def _apply_hints(self, lines: list[Line], hints, hint_of: dict[int, str]) -> None:
        starts = [ln.start for ln in lines]
        # page furniture (comments, share bars, ad slots) wins over what is nested inside it (a
        # commenter's "author" class is no byline of the article): boilerplate hints come last
        hints = sorted(hints, key=lambda h: h[2] == "boilerplate")
        for s, e, label in hints:
            if label not in self._HINT_MAX or e - s > self._HINT_MAX[label]:
                continue
            j = max(bisect.bisect_right(starts, s) - 1, 0)
            while j < len(lines) and lines[j].start < e:
                ln = lines[j]
                if ln.start >= s - 1 and ln.end <= e + 1:
                    if not (
                        label in ("related", "boilerplate")
                        and _paragraph_like(ln)
                        and not _title_like(ln)
                        and (label == "related" or ln.words >= 30)
                    ) and not (label == "boilerplate" and hint_of.get(ln.idx) == "title"):
                        hint_of[ln.idx] = label
                j += 1

    def _glued_caption(self, ln: Line) -> None:
        """A credit and caption glued before a paragraph (``GoogleIlustrasi sistem ...XRSalah satu ...``).

        The caption is split off at the start of the line (``head``), its credit marked inside it;
        the paragraph keeps the line's own label.
        """
        t = ln.text
        if len(t) < 80:
            return
        head = t[:70]
        if "lustrasi" not in head and "LUSTRASI" not in head and "oto:" not in head and "OTO:" not in head:
            return
        m = self.r.caption_opener_glued.search(t, 2, 60)
        if not m:
            return
        cred = t[: m.start()]
        if not cred[:1].isupper() or len(cred.split()) > 4 or _INNER_STOP.search(cred):
            return
        self._split_caption_head(ln, m.start(), m.end())

    def _split_caption_head(self, ln: Line, credit_end: int, search_from: int) -> bool:
        """Split ``ln`` into a caption head (credit first) and the paragraph glued after it."""
        t = ln.text
        for g in self.r.credit_glue.finditer(t, search_from + 5, min(len(t), search_from + 260)):
            rest = t[g.start() :]
            if len(rest.split()) >= 12 and rest.rstrip().endswith(_STOP_END):
                ln.head = (ln.start + g.start(), "caption")
                ln.subs.append((ln.start, ln.start + credit_end, "credit"))
                return True
        return False

    def _credit_prefix(self, ln: Line, text: str = "") -> None:
        """Kompas-style credit glued before a caption (``Dok. TVS MotorMotor listrik ...``)."""
        m = self.r.credit_prefix.match(ln.text)
        if not m:
            return
        # The credit ends where a word is glued to the caption's first word (``MotorMotor``);
        # an all-caps name glued to a capitalised word splits before its last capital.
        t = ln.text
        if m.end() < len(t) and t[m.end() - 1].isalpha() and t[m.end()].isupper():
            cut = m.end()  # a bare source glued to the caption (``freepik.comTerdapat ...``)
        else:
            g = self.r.credit_glue.search(t, m.end() + 1, min(len(t), m.end() + 50))
            if not g:
                return
            cut = g.start()
        if text and t[cut - 1].isupper() and t[cut].isupper():
            cut = self._best_caps_cut(ln, cut, m.end(), text)
        cred = t[:cut].rstrip()
        rest = t[cut:].strip()
        if not cred or len(rest) < 3:
            return
        if len(t) > 250:
            # caption and paragraph glued: split the caption off the start, or leave the line alone
            self._split_caption_head(ln, len(cred), cut)
            return
        ln.label = "caption"
        ln.subs.append((ln.start, ln.start + len(cred), "credit"))

    @staticmethod
    def _best_caps_cut(ln: Line, cut: int, floor: int, text: str) -> int:
        """Where an all-caps credit name ends when glued to a capitalised caption word.

        ``RARINDRAXPeng`` splits as ``RARINDRA`` + ``XPeng`` when ``XPeng`` is written elsewhere in
        the article and ``Peng`` is not; otherwise before the last capital (``PRAKARSAMobil``).
        """
        t = ln.text
        outside = text[: ln.start] + "\n" + text[ln.end :]
        best, best_n = cut, -1
        for k in (cut, cut - 1, cut - 2):
            if k - floor < 3 or (k < cut and not t[k:cut].isupper()):
                break
            m = _WORD.match(t, k)
            word = m.group(0) if m else ""
            if len(word) < 2:
                continue
            n = len(re.findall(r"(?<![A-Za-z])" + re.escape(word), outside))
            if n > best_n:
                best, best_n = k, n
        return best

    def _header(self, head: list[Line], title_norm: str | None, later: set[str] | None = None) -> None:
        if later:
            for ln in head:
                if (
                    ln.label is None
                    and ln.words >= 6
                    and ln.text.endswith(_STOP_END)
                    and fold(ln.text) in later
                ):
                    ln.label = "boilerplate"  # a body paragraph repeated above the article
        for ln in head:
            # a photo caption above the article (the lead image): it closes with a strong credit
            if ln.label is None and ln.words >= 4 and self._credit_suffix(ln, force=False):
                ln.label = "caption"
        free = [ln for ln in head if ln.label is None]
        if not free:
            return
        title = next((ln for ln in head if ln.label == "title"), None)
        if title is None and title_norm:
            for ln in free:
                if fold(ln.text) == title_norm:
                    title = ln
        if title is None:
            cands = [ln for ln in free if _plausible_title(ln)]
            if cands:
                title = cands[-1]
        if title is None:
            for ln in free:
                short = ln.words <= 3 and not ln.text.endswith(_STOP_END)
                ln.label = "kicker" if short else "teaser"
            return
        title.label = "title"
        free = [ln for ln in free if ln is not title]
        tnorm = fold(title.text)
        # A repeated headline above: everything from the first copy down is a teaser block.
        first_copy = None
        for ln in free:
            if ln.idx >= title.idx:
                break
            if fold(ln.text) == tnorm:
                first_copy = ln
                break
        above = [ln for ln in free if ln.idx < title.idx]
        for k, ln in enumerate(above):
            adjacent = k == len(above) - 1
            if first_copy is not None and ln.idx >= first_copy.idx:
                ln.label = "teaser"
            elif ln.text.endswith(":") and ln.words <= 5:
                ln.label = "kicker"
            elif ln.words <= 4 and (_title_like(ln) or ln.words <= 2) and not ln.text.endswith(_STOP_END):
                # the rubric right above the headline is a kicker; menu leftovers further up are not
                ln.label = "kicker" if adjacent and first_copy is None and _title_like(ln) else "boilerplate"
            else:
                ln.label = "teaser"
        # Lines after the title but before the lead: a standfirst (teaser) or short leftovers.
        for ln in head:
            if ln.idx > title.idx and ln.label is None:
                ln.label = "teaser" if _paragraph_like(ln) else "boilerplate"

    def _body(self, lines: list[Line], lead: int) -> None:
        r = self.r
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
        # Tag lists after the last paragraph (detik): short lower-case lines -> boilerplate.
        last_par = max(
            (ln.idx for ln in lines[lead:] if ln.label is None and _paragraph_like(ln)), default=lead
        )
        for ln in lines[last_par + 1 :]:
            if ln.label is None and r.tag_line.match(ln.text) and ln.words <= 5:
                ln.label = "boilerplate"
        in_related_run = False
        for i in range(lead + 1, n):
            ln = lines[i]
            if ln.label is not None:
                if ln.label == "related":
                    in_related_run = self._bare_marker(ln)
                elif ln.label != "boilerplate":
                    in_related_run = False
                if ln.label == "caption" and not any(s[2] == "credit" for s in ln.subs):
                    self._credit_suffix(ln, force=True)
                continue
            key = fold(ln.text)
            if key in seen and ln.words >= 6:
                ln.label = "boilerplate"  # a duplicated paragraph
                continue
            seen[key] = i
            if (
                in_related_run
                and _title_like(ln)
                and ln.words >= 4
                and _headline_case(ln.text)
                and not ln.text.endswith(":")
                and not ln.text.startswith(('"', "“"))
                and not _NUMBERED.match(ln.text)
            ):
                ln.label = "related"
                continue
            in_related_run = False
            if self._credit_suffix(ln, force=False):
                ln.label = "caption"
                continue
            ln.label = self._body_line(ln, lines, i)

    def _bare_marker(self, ln: Line) -> bool:
        m = self.r.related_line.match(ln.text)
        return bool(m) and not ln.text[m.end() :].strip(" :：-–—»>|")

    def _credit_suffix(self, ln: Line, force: bool) -> bool:
        t = ln.text
        if len(t) > 320:
            return False
        tail = t[-140:]
        # quick exact pre-check: every credit form closes with ")" or holds "/", Foto, Dok, Sumber, Istimewa
        if not (
            t.endswith(")")
            or "/" in tail
            or "Foto" in tail
            or "FOTO" in tail
            or "Dok" in tail
            or "DOK" in tail
            or "Sumber" in tail
            or "stimewa" in tail
            or "STIMEWA" in tail
        ):
            return False
        m = self.r.credit_suffix.search(t, max(0, len(t) - 140))  # a credit closes the line
        tries = 0
        while m is not None and not t[: m.start("credit")].strip() and tries < 5:
            m = self.r.credit_suffix.search(t, m.start("credit") + 1)
            tries += 1
        if not m:
            return False
        cred = m.group("credit")
        before = t[: m.start("credit")].rstrip()
        if not before or not _LETTERS3.search(cred):
            return False  # "(21/6/2025)", "(f/2.4)" are not credits
        if not force:
            inner = cred.strip("()")
            strong = bool(self.r.credit_suffix_strong.search(cred)) or (inner.isupper() and len(inner) > 2)
            if not strong or self.r.initials.match(inner):
                return False
            # "(ANTARA)" after a long multi-sentence paragraph is an agency tag, not a caption credit.
            if len(re.findall(r"[.!?][\"”]?\s", before)) > 2:
                return False
            if (
                inner.isupper()
                and len(inner.split()) == 1
                and inner in ("ANTARA", "AFP", "AP")
                and len(before) > 200
            ):
                return False
        ln.subs.append((ln.start + m.start("credit"), ln.start + m.end("credit"), "credit"))
        return True

    def _body_line(self, ln: Line, lines: list[Line], i: int) -> str:
        # neighbours in the text flow: lines the page inserted (links, ads, captions) are skipped
        j = i + 1
        while j < len(lines) and lines[j].label in _INSERTED:
            j += 1
        nxt = lines[j] if j < len(lines) else None
        j = i - 1
        while j >= 0 and lines[j].label in _INSERTED:
            j -= 1
        prv = lines[j] if j >= 0 else None
        t = ln.text
        if not _title_like(ln):
            return "body"
        if t.endswith(":"):
            return "subheading" if ln.words <= 3 and _headline_case(t) else "body"
        li = self.r.list_item
        # list items next to list items of the same kind (a bullet link after a numbered list is not)
        in_list = bool(li.match(t)) and any(
            o is not None and bool(li.match(o.text)) and _shape(o) == _shape(ln) for o in (prv, nxt)
        )
        if in_list:
            return "body"
        next_par = (
            nxt is not None
            and nxt.label in (None, "body")
            and (
                (_paragraph_like(nxt) and not _title_like(nxt)) or (nxt.text.endswith(":") and nxt.words >= 5)
            )
        )
        # a short line of the same kind right above: an item of a list of short lines
        prev_short = (
            prv is not None
            and prv.label in (None, "body", "subheading")
            and _title_like(prv)
            and prv.words <= 10
            and not prv.text.endswith(":")
            and _shape(prv) == _shape(ln)
        )
        numbered = bool(_NUMBERED.match(t))
        plain = _shape(ln) == "plain"
        # a plain heading over a list (``Promo Event`` / ``1. Cashback ...``) or over a lower heading
        next_list = nxt is not None and nxt.label in (None, "body") and plain and _shape(nxt) != "plain"
        nn = lines[nxt.idx + 1] if nxt is not None and nxt.idx + 1 < len(lines) else None
        next_heading = (
            nxt is not None
            and nxt.label is None
            and plain
            and _title_like(nxt)
            and not _paragraph_like(nxt)
            and nxt.words <= 5
            and _headline_case(nxt.text)
            and nn is not None
            and nn.label is None
            and (_shape(nn) != "plain" or (ln.words < 8 and _paragraph_like(nn) and not _title_like(nn)))
        )
        prev_heading_ok = (
            prv is None
            or prv.label == "subheading"
            or not (
                prv.label in (None, "body")
                and _title_like(prv)
                and prv.words <= 8
                and _shape(prv) == "plain"
                and not prv.text.endswith(":")
            )
        )
        if (next_list or next_heading) and ln.words <= 12 and _headline_case(t) and prev_heading_ok:
            return "subheading"
        question = t.endswith("?")
        # an unmarked link stands alone between paragraphs; a run of such lines is a list
        next_titleish = (
            nxt is not None
            and nxt.label is None
            and _title_like(nxt)
            and not _paragraph_like(nxt)
            and nxt.words >= 4
        )
        alone = not prev_short and not next_titleish
        if (
            8 <= ln.words <= 20
            and t.count(":") <= 1
            and _headline_case(t)
            and not numbered
            and _strict_headline(_BULLET.sub("", t, count=1))
            and not (question and next_par)
            and alone
            and not self.r.not_related_start.match(t)
        ):
            return "related"
        if nxt is None:
            # a heading closing the text (the scraper cut what it headed), not the last list item
            return (
                "subheading"
                if ln.words <= 7
                and _headline_case(t)
                and not prev_short
                and not (prv is not None and prv.text.endswith(":"))
                else "body"
            )
        if (ln.words <= 10 or numbered or question) and next_par and not prev_short:
            if li.match(t) or ln.words <= 4:
                return "subheading"
            # a longer plain heading is headline-cased from its first words (not ``Menu andalannya ...``)
            return "subheading" if _headline_case(t) and (not plain or _strict_headline(t)) else "body"
        return "body"

    def _inline(self, ln: Line) -> None:
        r = self.r
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

    def _segments(self, lines: list[Line]) -> list[tuple[int, int, str]]:
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

    # -- metadata -------------------------------------------------------------------------
    def _metadata(self, lines: list[Line], res: SegmentResult, publisher_tok: str | None) -> None:
        r = self.r
        for ln in lines:
            if ln.label == "title" and res.title is None:
                res.title = ln.text.strip()
        if publisher_tok:
            tok = publisher_tok.strip("() ")
            res.publisher = r.publisher_name(tok)
            res.publisher_token = tok
        end_role = r.end_paren_role.get(res.publisher or "", "authors")
        for k, ln in enumerate(lines):
            texts: list[str] = []
            if ln.label == "byline" and r.byline_key_alone.match(ln.text):
                nxt = lines[k + 1] if k + 1 < len(lines) else None
                if nxt is not None and nxt.label == "byline" and not r.byline_key_anywhere.search(nxt.text):
                    texts.append(ln.text.rstrip(" :：") + ": " + nxt.text)
                continue
            if k > 0 and ln.label == "byline" and r.byline_key_alone.match(lines[k - 1].text):
                continue
            if ln.label == "byline":
                texts.append(ln.text)
            if ln.tail is not None and ln.tail[1] == "byline":
                texts.append(ln.text[ln.tail[0] - ln.start :])
            for t in texts:
                self._parse_byline(t, res, end_role)
        for name in ("authors", "editors", "sources"):
            vals = getattr(res, name)
            setattr(res, name, list(dict.fromkeys(v for v in vals if v)))

    def _parse_byline(self, t: str, res: SegmentResult, end_role: str) -> None:
        r = self.r
        for pat in r.syndication:
            m = pat.match(t)
            if m:
                src = (m.groupdict().get("source") or "").strip(" .,:")
                if src:
                    res.sources.extend(_split_names(src))
                return
        m = r.byline_report.match(t)
        if m:
            res.authors.extend(_split_names(m.group("name")))
            return
        m = r.byline_brand.match(t)
        if m:
            res.authors.extend(_split_names(m.group("name")))
            if res.publisher is None:
                res.publisher = r.publisher_name(m.group("brand"))
            return
        m = r.byline_nocolon.match(t)
        if m and not r.byline_key_anywhere.search(t):
            parts = re.split(r"\s*\|\s*", t)
            for part in parts:
                mm = r.byline_nocolon.match(part.strip())
                if mm:
                    role = r.byline_roles.get(mm.group("key"), "authors")
                    if role in ("authors", "editors", "sources"):
                        getattr(res, role).extend(_split_names(mm.group("rest")))
            return
        inner = t.strip()
        if inner.startswith("(") and inner.endswith(")"):
            inner = inner[1:-1].strip()
        keys = list(r.byline_key_anywhere.finditer(inner))
        if keys:
            for k, m in enumerate(keys):
                value = inner[m.end() : keys[k + 1].start() if k + 1 < len(keys) else len(inner)]
                value = value.strip(" |;,-–—/")
                role = r.byline_roles.get(m.group("key"), "other")
                if role in ("authors", "editors", "sources") and value:
                    getattr(res, role).extend(_split_names(value))
            return
        if r.initials.match(inner):
            return
        m = re.match(r"^[A-Za-z0-9.-]+\.(?:com|co\.id|id)\s*/\s*(.+)$", inner)
        if m:
            res.authors.extend(_split_names(m.group(1)))
            return
        if end_role in ("authors", "editors") and re.fullmatch(
            r"[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,3}", inner
        ):
            getattr(res, end_role).append(inner)


def _split_names(value: str) -> list[str]:
    value = value.strip()
    parts = re.split(r"\s*(?:,|;|&|\||/|\bdan\b|\band\b)\s*", value)
    out = []
    for p in parts:
        p = p.strip(" .:-–—()")
        if p and len(p) <= 80 and any(c.isalpha() for c in p):
            out.append(p)
    return out


_SEGMENTER: _Segmenter | None = None


def segment_text(
    text: str,
    hints: list[tuple[int, int, str]] | None = None,
    title_hint: str | None = None,
    resources: Resources | None = None,
) -> SegmentResult:
    """Label the lines of ``text`` and return segments (start, end, label) with metadata."""
    global _SEGMENTER
    if resources is not None:
        return _Segmenter(resources).run(text, hints, title_hint)
    if _SEGMENTER is None:
        _SEGMENTER = _Segmenter(load_resources())
    return _SEGMENTER.run(text, hints, title_hint)
