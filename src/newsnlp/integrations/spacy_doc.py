"""An enriched article as a spaCy ``Doc``: the conversion itself, needing nothing else of newsnlp.

:func:`build_doc` (behind ``Article.to_spacy()`` and :func:`newsnlp.integrations.spacy.article_to_doc`)
builds the ``Doc``; :func:`apply_article` writes entities, times, segments and quotes into an existing one.
Both read the record's attributes only (any object shaped like :class:`~newsnlp.record.Article`),
so the record can call this module without an import loop: the module imports spaCy and nothing
of newsnlp at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

if TYPE_CHECKING:  # pragma: no cover
    from ..record import Article

__all__ = ["EXTENSIONS", "apply_article", "build_doc", "default_vocab", "register_extensions"]

#: Extension attributes set by this module: (class, name, default).
EXTENSIONS: tuple[tuple[type, str, Any], ...] = (
    (Token, "stem", None),
    (Token, "clitic", None),
    (Token, "newsnlp_stop", None),
    (Span, "canonical", None),
    (Span, "entity_id", None),
    (Span, "entity_score", None),
    (Span, "entity_title", None),
    (Span, "entity_role", None),
    (Span, "entity_source", None),
    (Span, "segment", None),
    (Span, "timex_type", None),
    (Span, "timex_value", None),
    (Span, "timex_anchor", None),
    (Span, "timex_mod", None),
    (Span, "timex_flags", None),
    (Span, "quote_cue", None),
    (Span, "quote_speaker", None),
    (Span, "speaker_entity_id", None),
    (Span, "speaker_canonical", None),
    (Doc, "newsnlp_metadata", None),
)


def register_extensions() -> None:
    """Register the ``._.`` attributes used here (idempotent; an existing one is kept).

    ``Token._.stem``, ``Token._.clitic``, ``Token._.newsnlp_stop``; ``Span._.canonical``,
    ``Span._.entity_id``, ``Span._.entity_score``, ``Span._.entity_title``, ``Span._.entity_role``,
    ``Span._.entity_source``, ``Span._.segment``, ``Span._.timex_type``, ``Span._.timex_value``,
    ``Span._.timex_anchor``, ``Span._.timex_mod``, ``Span._.timex_flags``; ``Span._.quote_cue``,
    ``Span._.quote_speaker`` (``{"start", "end", "text"}`` dicts or ``None``),
    ``Span._.speaker_entity_id``, ``Span._.speaker_canonical``; ``Doc._.newsnlp_metadata`` (a dict:
    the record's ``metadata`` plus ``language``, ``stages`` and ``provenance``).
    """
    for cls, name, default in EXTENSIONS:
        if not cls.has_extension(name):
            cls.set_extension(name, default=default)


register_extensions()

_WS = re.compile(r"\S+")


def _column(tokens: Any, name: str) -> list[Any]:
    """One field of every token: read from the record's columns (``Tokens.column``), or token by
    token from any other sequence of tokens."""
    column = getattr(tokens, "column", None)
    return column(name) if column is not None else [getattr(t, name) for t in tokens]


def _words(article: Article) -> tuple[list[str], list[bool], list[int | None]]:
    """Words and spaces reproducing ``article.text`` exactly, and the newsnlp token index of
    each word (``None`` for words made of the gaps between tokens)."""
    text = article.text
    tokens = article.tokens
    spans = list(zip(_column(tokens, "start"), _column(tokens, "end")))
    if not spans:
        spans = [(m.start(), m.end()) for m in _WS.finditer(text)]
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int | None] = []

    def add_gap(gap: str) -> None:
        # a gap of exactly one space becomes the previous word's trailing space; anything else
        # becomes a word of its own (spaCy keeps extra whitespace as whitespace tokens)
        if not gap:
            return
        if words and not spaces[-1] and gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            index.append(None)

    pos = 0
    for i, (start, end) in enumerate(spans):
        if start < pos:  # overlapping tokens cannot be represented; skip defensively
            continue
        add_gap(text[pos:start])
        words.append(text[start:end])
        spaces.append(False)
        index.append(i if article.tokens else None)
        pos = end
    add_gap(text[pos:])
    return words, spaces, index


def _char_span(doc: Doc, start: int, end: int, label: str = "", kb_id: str = "") -> Span | None:
    span = doc.char_span(start, end, label=label, kb_id=kb_id or "")
    if span is None:
        span = doc.char_span(start, end, label=label, kb_id=kb_id or "", alignment_mode="expand")
    return span


def apply_article(
    doc: Doc,
    article: Article,
    layers: Iterable[str] = ("entities", "times", "segments", "quotes"),
    set_ents: bool = True,
) -> Doc:
    """Write the layers of ``article`` (whose ``text`` is ``doc.text``) into ``doc``.

    ``entities`` go to ``doc.ents`` (overlaps resolved by :func:`spacy.util.filter_spans`; existing
    entities that do not clash are kept) and to ``doc.spans["entities"]``; ``times`` to
    ``doc.spans["times"]`` (label = TIMEX3 type); ``segments`` to ``doc.spans["segments"]``
    (label = segment label); ``quotes`` to ``doc.spans["quotes"]`` (label = quote type: the
    content span, with ``Span._.quote_cue``, ``Span._.quote_speaker``, ``Span._.speaker_entity_id``,
    ``Span._.speaker_canonical`` and ``Span._.segment``; a record without a ``quotes`` layer adds
    no group). Spans that do not fall on token boundaries of ``doc`` are expanded to
    the tokens that hold them. ``Doc._.newsnlp_metadata`` is updated with the article's metadata.
    """
    if doc.text != article.text:
        raise ValueError("the article's text is not the Doc's text")
    layers = set(layers)
    if "entities" in layers:
        spans = []
        for e in article.entities:
            span = _char_span(doc, e.start, e.end, label=e.label, kb_id=e.kb_id or "")
            if span is None:
                continue
            span._.canonical = e.canonical
            span._.entity_id = e.entity_id
            span._.entity_score = e.score
            span._.entity_title = e.title
            span._.entity_role = e.role
            span._.entity_source = e.source
            span._.segment = e.segment
            spans.append(span)
        doc.spans["entities"] = SpanGroup(doc, name="entities", spans=spans)
        if set_ents:
            doc.ents = filter_spans(spans + list(doc.ents))
    if "times" in layers:
        spans = []
        for t in article.times:
            span = _char_span(doc, t.start, t.end, label=t.type)
            if span is None:
                continue
            span._.timex_type = t.type
            span._.timex_value = t.value
            span._.timex_anchor = t.anchor
            span._.timex_mod = t.mod
            span._.timex_flags = list(t.flags)
            span._.segment = t.segment
            spans.append(span)
        doc.spans["times"] = SpanGroup(doc, name="times", spans=spans)
    if "segments" in layers:
        spans = []
        for s in article.segments:
            span = _char_span(doc, s.start, s.end, label=s.label)
            if span is not None:
                span._.segment = s.label
                spans.append(span)
        doc.spans["segments"] = SpanGroup(doc, name="segments", spans=spans)
        _label_segments(doc, article)
    if "quotes" in layers and getattr(article, "quotes", None) is not None:
        spans = []
        for q in article.quotes:
            span = _char_span(doc, q.start, q.end, label=q.type)
            if span is None:
                continue
            span._.quote_cue = None if q.cue is None else q.cue.to_dict()
            span._.quote_speaker = None if q.speaker is None else q.speaker.to_dict()
            span._.speaker_entity_id = q.speaker_entity_id
            span._.speaker_canonical = q.speaker_canonical
            span._.segment = q.segment
            spans.append(span)
        doc.spans["quotes"] = SpanGroup(doc, name="quotes", spans=spans)
    meta = dict(doc._.newsnlp_metadata or {})
    meta.update({k: v for k, v in article.metadata.to_dict().items() if v not in (None, [])})
    meta["language"] = article.language
    meta["stages"] = list(dict.fromkeys([*meta.get("stages", []), *article.stages]))
    if getattr(article, "provenance", None):
        meta["provenance"] = article.provenance
    doc._.newsnlp_metadata = meta
    return doc


def _label_segments(doc: Doc, article: Article) -> None:
    """Give entity and time spans already in ``doc`` the segment they fall in."""
    label_of = article.segment_labeler()
    for key in ("entities", "times"):
        for span in doc.spans.get(key, []):
            if span._.segment is None:
                span._.segment = label_of(span.start_char, span.end_char)
    for span in doc.ents:
        if span._.segment is None:
            span._.segment = label_of(span.start_char, span.end_char)


_VOCAB: list[Vocab] = []


def default_vocab() -> Vocab:
    """The process-wide Indonesian vocabulary (spaCy's ``id`` lexical attributes: ``is_space``,
    ``like_num``, ``is_stop``...) used when no ``vocab`` is given."""
    if not _VOCAB:
        from spacy.lang.id import Indonesian
        from spacy.vocab import create_vocab

        _VOCAB.append(create_vocab("id", Indonesian.Defaults))
    return _VOCAB[0]


def build_doc(article: Article, vocab: Vocab | None = None) -> Doc:
    """A spaCy ``Doc`` holding every layer of an enriched article (or its dict).

    The tokens are newsnlp's; whitespace between them that is not a single space becomes
    whitespace tokens, so ``doc.text == article.text`` and character offsets agree. Sentence starts
    come from the sentences; ``Token._.stem``, ``Token._.clitic``, ``Token._.newsnlp_stop``, lemmas
    and (when the ``linguistic`` stage ran) POS tags, heads and dependency labels are filled in.
    See :func:`apply_article` for entities, times and segments.
    """
    words, spaces, index = _words(article)
    vocab = vocab if vocab is not None else default_vocab()
    toks = article.tokens
    sent_starts_chars = {s.start for s in article.sentences}
    kwargs: dict[str, Any] = {}
    head_of = _column(toks, "head")
    deprel = _column(toks, "deprel")
    heads_ok = bool(toks) and all(h is not None for h in head_of) and all(deprel)
    if heads_ok:
        pos_of = {i: n for n, i in enumerate(index) if i is not None}
        heads, deps = [], []
        last_word = 0
        for n, i in enumerate(index):
            if i is None:  # whitespace tokens hang on the word before them
                heads.append(last_word if n else min(pos_of.values()))
                deps.append("dep")
            else:
                heads.append(pos_of.get(head_of[i], n))
                deps.append(deprel[i] or "dep")
                last_word = n
        kwargs["heads"], kwargs["deps"] = heads, deps
    elif article.sentences:
        starts = []
        offset = 0
        for n, w in enumerate(words):
            starts.append(n == 0 or (index[n] is not None and offset in sent_starts_chars))
            offset += len(w) + (1 if spaces[n] else 0)
        kwargs["sent_starts"] = starts
    del head_of, deprel
    doc = Doc(vocab, words=words, spaces=spaces, **kwargs)
    stems, clitics, stops = _column(toks, "stem"), _column(toks, "clitic"), _column(toks, "is_stop")
    lemmas, tags = _column(toks, "lemma"), _column(toks, "pos")
    for n, i in enumerate(index):
        if i is None:
            continue
        tok = doc[n]
        tok._.stem = stems[i]
        tok._.clitic = clitics[i]
        tok._.newsnlp_stop = stops[i]
        if lemmas[i]:
            tok.lemma_ = lemmas[i]
        if tags[i]:
            try:
                tok.pos_ = tags[i]
            except (KeyError, ValueError):  # not a UD tag: keep it as the fine-grained tag
                tok.tag_ = tags[i]
    apply_article(doc, article)
    return doc
