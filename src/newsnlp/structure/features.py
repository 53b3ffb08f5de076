"""Line features: what one line of a scraped article looks like (headline case, title-like,
paragraph-like, list shape), read by every rule of the structure stage.

The words that headline case leaves in lower case and the abbreviations whose full stop does not
end a headline come from ``data/structure/patterns.json``; the thresholds from
:class:`~newsnlp.structure.config.StructureConfig`. Nothing here is changed at run time: a
:class:`LineFeatures` is built once per stage and shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lines import iter_lines
from .config import StructureConfig

__all__ = [
    "BULLET",
    "DATELINE_HINT",
    "INNER_STOP",
    "INSERTED",
    "LETTERS3",
    "NUMBERED",
    "STOP_END",
    "WORD",
    "Line",
    "LineFeatures",
    "shape",
    "split_lines",
]

#: A line ending with one of these is a finished sentence (or a teaser continuation).
STOP_END = tuple('.!?"”’…')
#: Every dateline form has a dash, a comma or an opening parenthesis in its first 90 characters.
DATELINE_HINT = re.compile(r"^[^\n]{0,90}?[-–—―−,(]")
#: A sentence boundary inside a line (``Infantino.Penghargaan``, ``Dia pergi. Lalu``).
INNER_STOP = re.compile(r"(\w+)[.!?][\"”’]?(?:\s+|(?=[A-Z]))[A-Z][a-z]")
LETTERS3 = re.compile(r"[A-Za-z]{3}")
#: A numbered line (``1. Judul``, ``2)``, ``a. Premi``).
NUMBERED = re.compile(r"^(?:[0-9]{1,2}[.)](?:\s+|(?=[A-Z]))|[a-zA-Z][.)]\s+)")
#: A bullet-marked line (``• Judul``, ``-Kepulauan Seribu Selatan : Berawan``).
BULLET = re.compile(r"^[•·●▪\-–*]\s*(?=\S)")
#: Labels of the lines a page inserts between paragraphs (skipped when looking at neighbours).
INSERTED = frozenset(("related", "boilerplate", "caption", "credit", "pagination", "source_link"))
WORD = re.compile(r"[^\W_][\w'’.\-/&]*", re.UNICODE)


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


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with exact offsets, surrounding whitespace excluded. A line ends
    at every break :mod:`newsnlp.lines` knows (``\\n``, ``\\r``, U+2028, NEL ...), as in every stage."""
    out: list[Line] = []
    for start, end, _ in iter_lines(text):
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            t = text[s:e]
            out.append(Line(len(out), s, e, t, words=len(t.split())))
    return out


def shape(line: Line) -> str:
    """``num`` for a numbered line, ``bullet`` for a bulleted one, else ``plain``."""
    if NUMBERED.match(line.text):
        return "num"
    return "bullet" if BULLET.match(line.text) else "plain"


class LineFeatures:
    """The features of a line that depend on language data and thresholds."""

    def __init__(
        self,
        function_words: frozenset[str],
        abbreviations: frozenset[str],
        cfg: StructureConfig,
        open_words: frozenset[str] = frozenset(),
    ):
        #: Function words that headline case leaves in lower case.
        self.function_words = function_words
        #: Words no sentence ends with (prepositions, conjunctions): a line ending with one goes on.
        self.open_words = open_words
        #: Abbreviations whose full stop does not end a headline.
        self.abbreviations = abbreviations
        self.cfg = cfg

    def headline_case(self, text: str) -> bool:
        """True when most content words start with a capital or a digit (headline style)."""
        words = WORD.findall(text)
        content = [w for w in words if w.lower() not in self.function_words]
        if not content:
            return False
        caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
        return caps / len(content) >= self.cfg.headline_case_ratio and (
            words[0][0].isupper() or words[0][0].isdigit()
        )

    def title_like(self, line: Line) -> bool:
        """A short line without a final stop: a headline, subheading or link text."""
        t = line.text
        if len(t) > self.cfg.title_max_chars or line.words > self.cfg.title_max_words:
            return False
        if t.endswith(STOP_END):
            # A headline may end with ? or ! ; ... is a teaser continuation.
            if not (t.endswith(("?", "!")) and self.headline_case(t)):
                return False
        m0 = NUMBERED.match(t)
        first = t[m0.end() if m0 else 0 :].lstrip("\"“'‘([•·●▪-–* \u00a0\t")[:1]
        if not first or not (first.isupper() or first.isdigit()):
            return False
        # a headline is one sentence: no sentence boundary inside (``Infantino.Penghargaan``); the
        # number of a numbered heading (``1. Gunung Bunder``, ``a. Premi``) is not a boundary
        for m in INNER_STOP.finditer(t, m0.end() if m0 else 0):
            if m.group(1) not in self.abbreviations:
                return False
        return True

    def plausible_title(self, line: Line) -> bool:
        """A title-like line that reads as a headline: headline case, or short."""
        c = self.cfg
        return (
            self.title_like(line)
            and c.plausible_title_min_words <= line.words <= c.plausible_title_max_words
            and (self.headline_case(line.text) or line.words <= c.plausible_title_short_words)
        )

    def strict_headline(self, text: str) -> bool:
        """Headline case from the start: the first three content words capitalised (``iPhone`` counts)."""
        words = [w for w in WORD.findall(text) if w.lower() not in self.function_words][:3]
        return len(words) == 3 and all(
            w[0].isupper() or w[0].isdigit() or any(c.isupper() for c in w[1:]) for w in words
        )

    def paragraph_like(self, line: Line) -> bool:
        """A paragraph: long, or a finished sentence of a few words."""
        return line.words >= self.cfg.paragraph_min_words or (
            line.text.endswith(STOP_END) and line.words >= self.cfg.sentence_min_words
        )
