"""The ``quotes`` stage: who said what (issue #18, ``docs/quotes.md``).

It reads the record only (text, lines, sentences, entities and segments) and writes the
``quotes`` layer: direct quotes from quotation marks (:mod:`.marks`, :mod:`.direct`), indirect
and mixed quotes from reporting verbs and phrases (:mod:`.indirect`), each speaker mention
(:mod:`.speakers`) resolved to an entity group and its fullest name (:mod:`.resolve`), each quote
with the segment it lies in. Its language knowledge is ``data/quotes/lexicon.json``
(:mod:`.lexicon`).
"""

from __future__ import annotations

from ..record import Article, Quote, TextSpan
from ..registry import BaseStage, register_stage
from .direct import attribute_direct
from .draft import Draft
from .indirect import find_indirect
from .lexicon import Lexicon, load_lexicon
from .marks import find_quotations
from .resolve import resolve_speakers
from .view import ArticleView

__all__ = ["OWN_TEXT_LABELS", "QuotesStage", "find_quotes", "make_quotes_stage"]

#: Structure labels of the article's own text: a quote there has segment ``body``
#: (``docs/quotes.md``, section 4).
OWN_TEXT_LABELS = frozenset({"lead", "body", "subheading", "dateline"})


class QuotesStage(BaseStage):
    """Fills ``article.quotes`` from the text, sentences, entities and segments."""

    name = "quotes"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def process(self, article: Article) -> None:
        """Find the quotes of ``article`` (replacing any there)."""
        article.quotes = find_quotes(article, self.lexicon)


def find_quotes(article: Article, lexicon: Lexicon | None = None) -> list[Quote]:
    """The quotes of an article whose earlier layers are filled, in text order."""
    lex = lexicon or load_lexicon()
    if not article.text:
        return []
    view = ArticleView(article, lex)
    quotations = find_quotations(view, lex)
    directs = attribute_direct(view, lex, quotations)
    drafts = directs + find_indirect(view, lex, quotations, directs)
    drafts.sort(key=lambda d: (d.start, d.end))
    resolve_speakers(view, lex, drafts)
    return [_quote(view, d) for d in drafts]


def _span(text: str, span: tuple[int, int] | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(span[0], span[1], text[span[0] : span[1]])


def _quote(view: ArticleView, d: Draft) -> Quote:
    text = view.text
    label = view.segment(d.start, d.end)
    sp = d.speaker
    return Quote(
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        type=d.type,
        cue=_span(text, d.cue),
        speaker=None if sp is None else _span(text, (sp.start, sp.end)),
        speaker_entity_id=d.entity_id,
        speaker_canonical=d.canonical,
        segment="body" if label in OWN_TEXT_LABELS else label,
    )


@register_stage(
    "quotes",
    requires=("text", "sentences", "tokens", "entities", "segments"),
    assigns=("quotes",),
)
def make_quotes_stage() -> QuotesStage:
    """Factory of the ``quotes`` stage (it takes no options)."""
    return QuotesStage()
