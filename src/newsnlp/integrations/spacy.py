"""spaCy interoperability: records as ``Doc`` objects, ``DocBin`` export, pipeline components.

* :func:`article_to_doc` (also ``Article.to_spacy()``) builds a :class:`spacy.tokens.Doc` from an
  enriched article: newsnlp's tokens (whitespace reproduced exactly, so ``doc.text ==
  article.text``), sentence starts, ``doc.ents`` from the entities (label, ``kb_id_``), span groups
  ``doc.spans["entities"]``, ``doc.spans["times"]``, ``doc.spans["segments"]``, and the fields
  spaCy has no slot for as extension attributes (see :func:`register_extensions`).
* :func:`to_docbin` packs many articles into a :class:`spacy.tokens.DocBin` (user data kept).
* The components ``newsnlp_entities``, ``newsnlp_time`` and ``newsnlp_structure`` run a newsnlp
  stage over ``doc.text`` inside any spaCy pipeline::

      nlp = spacy.blank("id")
      nlp.add_pipe("newsnlp_time")
      doc = nlp("Rapat digelar Senin (3/8/2020).")
      [(s.text, s._.timex_value) for s in doc.spans["times"]]

  They are registered through the ``spacy_factories`` entry point, so ``add_pipe`` finds them
  without importing newsnlp first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span, SpanGroup, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..record import Article

__all__ = [
    "EntitiesComponent",
    "StructureComponent",
    "TimeComponent",
    "apply_article",
    "article_to_doc",
    "default_vocab",
    "doc_to_article",
    "register_extensions",
    "to_docbin",
]

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
    (Doc, "newsnlp_metadata", None),
)


def register_extensions() -> None:
    """Register the ``._.`` attributes used here (idempotent; an existing one is kept).

    ``Token._.stem``, ``Token._.clitic``, ``Token._.newsnlp_stop``; ``Span._.canonical``,
    ``Span._.entity_id``, ``Span._.entity_score``, ``Span._.entity_title``, ``Span._.entity_role``,
    ``Span._.entity_source``, ``Span._.segment``, ``Span._.timex_type``, ``Span._.timex_value``,
    ``Span._.timex_anchor``, ``Span._.timex_mod``, ``Span._.timex_flags``; ``Doc._.newsnlp_metadata`` (a dict: the record's ``metadata`` plus
    ``language`` and ``stages``).
    """
    for cls, name, default in EXTENSIONS:
        if not cls.has_extension(name):
            cls.set_extension(name, default=default)


register_extensions()

_WS = re.compile(r"\S+")


def _words(article: Article) -> tuple[list[str], list[bool], list[int | None]]:
    """Words and spaces reproducing ``article.text`` exactly, and the newsnlp token index of
    each word (``None`` for words made of the gaps between tokens)."""
    text = article.text
    spans = [(t.start, t.end) for t in article.tokens]
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
    layers: Iterable[str] = ("entities", "times", "segments"),
    set_ents: bool = True,
) -> Doc:
    """Write the layers of ``article`` (whose ``text`` is ``doc.text``) into ``doc``.

    ``entities`` go to ``doc.ents`` (overlaps resolved by :func:`spacy.util.filter_spans`; existing
    entities that do not clash are kept) and to ``doc.spans["entities"]``; ``times`` to
    ``doc.spans["times"]`` (label = TIMEX3 type); ``segments`` to ``doc.spans["segments"]``
    (label = segment label). Spans that do not fall on token boundaries of ``doc`` are expanded to
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
    meta = dict(doc._.newsnlp_metadata or {})
    meta.update({k: v for k, v in article.metadata.to_dict().items() if v not in (None, [])})
    meta["language"] = article.language
    meta["stages"] = list(dict.fromkeys([*meta.get("stages", []), *article.stages]))
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


def article_to_doc(article: Article | Mapping[str, Any], vocab: Vocab | None = None) -> Doc:
    """A spaCy ``Doc`` holding every layer of an enriched article (or its dict).

    The tokens are newsnlp's; whitespace between them that is not a single space becomes
    whitespace tokens, so ``doc.text == article.text`` and character offsets agree. Sentence starts
    come from the sentences; ``Token._.stem``, ``Token._.clitic``, ``Token._.newsnlp_stop``, lemmas
    and (when the ``linguistic`` stage ran) POS tags, heads and dependency labels are filled in.
    See :func:`apply_article` for entities, times and segments.
    """
    if isinstance(article, Mapping):
        article = Article.from_dict(dict(article))
    words, spaces, index = _words(article)
    vocab = vocab if vocab is not None else default_vocab()
    toks = article.tokens
    sent_starts_chars = {s.start for s in article.sentences}
    kwargs: dict[str, Any] = {}
    heads_ok = bool(toks) and all(t.head is not None and t.deprel for t in toks)
    if heads_ok:
        pos_of = {i: n for n, i in enumerate(index) if i is not None}
        heads, deps = [], []
        last_word = 0
        for n, i in enumerate(index):
            if i is None:  # whitespace tokens hang on the word before them
                heads.append(last_word if n else min(pos_of.values()))
                deps.append("dep")
            else:
                heads.append(pos_of.get(toks[i].head, n))
                deps.append(toks[i].deprel or "dep")
                last_word = n
        kwargs["heads"], kwargs["deps"] = heads, deps
    elif article.sentences:
        starts = []
        offset = 0
        for n, w in enumerate(words):
            starts.append(n == 0 or (index[n] is not None and offset in sent_starts_chars))
            offset += len(w) + (1 if spaces[n] else 0)
        kwargs["sent_starts"] = starts
    doc = Doc(vocab, words=words, spaces=spaces, **kwargs)
    for n, i in enumerate(index):
        if i is None:
            continue
        tok, t = doc[n], toks[i]
        tok._.stem = t.stem
        tok._.clitic = t.clitic
        tok._.newsnlp_stop = t.is_stop
        if t.lemma:
            tok.lemma_ = t.lemma
        if t.pos:
            try:
                tok.pos_ = t.pos
            except (KeyError, ValueError):  # not a UD tag: keep it as the fine-grained tag
                tok.tag_ = t.pos
    apply_article(doc, article)
    return doc


def doc_to_article(doc: Doc) -> Article:
    """Read back the record from a ``Doc`` made by :func:`article_to_doc` (e.g. after a
    ``DocBin`` round trip): text, metadata, sentences, tokens and the three span layers."""
    from ..record import Entity, Metadata, Segment, Sentence, TimeExpression
    from ..record import Token as NToken

    meta = {k: list(v) if isinstance(v, tuple) else v for k, v in (doc._.newsnlp_metadata or {}).items()}
    language = meta.pop("language", "id")
    stages = list(meta.pop("stages", []))
    art = Article(text=doc.text, language=language, metadata=Metadata.from_dict(meta), stages=stages)
    sent_index = 0
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else []
    for s in sents:
        words = [t for t in s if not t.text.isspace()]
        if words:  # spaCy sentences end with the whitespace tokens after them; records do not
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            art.sentences.append(Sentence(start, end, doc.text[start:end]))
    starts = [s.start for s in sents if any(not t.text.isspace() for t in s)]
    for tok in doc:
        if tok.text.isspace() and tok._.newsnlp_stop is None:
            continue
        while sent_index + 1 < len(starts) and tok.i >= starts[sent_index + 1]:
            sent_index += 1
        art.tokens.append(
            NToken(
                tok.idx,
                tok.idx + len(tok.text),
                tok.text,
                stem=tok._.stem,
                is_stop=bool(tok._.newsnlp_stop),
                lemma=tok.lemma_ or None,
                sentence=sent_index,
                clitic=tok._.clitic,
                space_after=bool(tok.whitespace_),
            )
        )
    for s in doc.spans.get("entities", doc.ents):
        art.entities.append(
            Entity(
                s.start_char,
                s.end_char,
                s.text,
                s.label_,
                canonical=s._.canonical,
                entity_id=s._.entity_id,
                kb_id=s.kb_id_ or None,
                score=s._.entity_score,
                title=s._.entity_title,
                role=s._.entity_role,
                source=s._.entity_source,
                segment=s._.segment,
            )
        )
    for s in doc.spans.get("times", []):
        art.times.append(
            TimeExpression(
                s.start_char,
                s.end_char,
                s.text,
                s._.timex_type or s.label_,
                value=s._.timex_value,
                anchor=s._.timex_anchor or "absolute",
                mod=s._.timex_mod,
                flags=list(s._.timex_flags or []),
                segment=s._.segment,
            )
        )
    for s in doc.spans.get("segments", []):
        art.segments.append(Segment(s.start_char, s.end_char, s.text, s.label_))
    return art


def to_docbin(articles: Iterable[Article | Mapping[str, Any]], vocab: Vocab | None = None) -> DocBin:
    """A :class:`~spacy.tokens.DocBin` of the articles' Docs, with ``store_user_data=True`` so the
    extension attributes survive ``to_bytes``/``to_disk``. Read back with
    ``list(DocBin().from_bytes(data).get_docs(Vocab()))``; :func:`doc_to_article` turns a Doc back
    into a record."""
    vocab = vocab if vocab is not None else default_vocab()
    docbin = DocBin(store_user_data=True)
    for art in articles:
        docbin.add(article_to_doc(art, vocab=vocab))
    return docbin


# -- pipeline components ---------------------------------------------------------------------


class _StageComponent:
    """Runs a newsnlp pipeline over ``doc.text`` and writes one layer into the Doc."""

    stages: tuple[str, ...] = ()
    layers: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, published: str | None = None) -> None:
        self.name = name
        self.published = published
        self._pipe = None

    @property
    def pipeline(self):
        """The newsnlp pipeline, built on first use and shared in the process."""
        if self._pipe is None:
            from ..api import get_default_pipeline

            self._pipe = get_default_pipeline(self.stages)
        return self._pipe

    def _published(self, doc: Doc) -> str | None:
        meta = doc._.newsnlp_metadata or {}
        if meta.get("published") and meta.get("published_source") != "inferred":
            return meta["published"]
        return self.published

    def _article(self, doc: Doc) -> Article:
        article = self.pipeline(doc.text, published=self._published(doc), html=False)
        if "segments" in doc.spans:  # a structure component ran first: label our spans too
            from ..record import Segment
            from ..structure.stage import assign_segments

            article.segments = [
                Segment(s.start_char, s.end_char, s.text, s.label_) for s in doc.spans["segments"]
            ]
            assign_segments(article)  # the structure stage's own rule
        return article

    def __call__(self, doc: Doc) -> Doc:
        return apply_article(doc, self._article(doc), self.layers)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


class EntitiesComponent(_StageComponent):
    """``newsnlp_entities``: named entities into ``doc.ents`` and ``doc.spans["entities"]``."""

    stages = ("text", "entities")
    layers = ("entities",)


class TimeComponent(_StageComponent):
    """``newsnlp_time``: TIMEX3 expressions into ``doc.spans["times"]`` (``Span._.timex_value``)."""

    stages = ("time",)
    layers = ("times",)


class StructureComponent(_StageComponent):
    """``newsnlp_structure``: segments into ``doc.spans["segments"]``, metadata into
    ``Doc._.newsnlp_metadata``, and the ``segment`` of entity and time spans already found."""

    stages = ("structure",)
    layers = ("segments",)


def _given(published: str | None) -> str | None:
    from ..input.published import normalise_published

    return normalise_published(published)


@Language.factory(
    "newsnlp_time",
    default_config={"published": None},
    assigns=["doc.spans", "span._.timex_value", "span._.timex_type"],
)
def make_time_component(nlp: Language, name: str, published: str | None) -> TimeComponent:
    """spaCy factory of the ``newsnlp_time`` component. ``published`` (ISO date) anchors relative
    dates when ``Doc._.newsnlp_metadata`` does not give one; otherwise it is inferred."""
    return TimeComponent(nlp, name, _given(published))


@Language.factory(
    "newsnlp_structure",
    default_config={"published": None},
    assigns=["doc.spans", "doc._.newsnlp_metadata", "span._.segment"],
)
def make_structure_component(nlp: Language, name: str, published: str | None) -> StructureComponent:
    """spaCy factory of the ``newsnlp_structure`` component."""
    return StructureComponent(nlp, name, _given(published))


def _entities_available() -> bool:
    from ..registry import available_stages

    return "entities" in available_stages(("entities",))


if _entities_available():

    @Language.factory(
        "newsnlp_entities",
        default_config={"published": None},
        assigns=["doc.ents", "doc.spans", "span._.canonical", "span._.entity_id"],
    )
    def make_entities_component(nlp: Language, name: str, published: str | None) -> EntitiesComponent:
        """spaCy factory of the ``newsnlp_entities`` component."""
        return EntitiesComponent(nlp, name, _given(published))
