"""spaCy interoperability: records as ``Doc`` objects, ``DocBin`` export, pipeline components.

* :func:`article_to_doc` (also ``Article.to_spacy()``) builds a :class:`spacy.tokens.Doc` from an
  enriched article: newsnlp's tokens (whitespace reproduced exactly, so ``doc.text ==
  article.text``), sentence starts, ``doc.ents`` from the entities (label, ``kb_id_``), span groups
  ``doc.spans["entities"]``, ``doc.spans["times"]``, ``doc.spans["segments"]``,
  ``doc.spans["quotes"]`` (the content of each quote, labelled with its type), and the fields
  spaCy has no slot for as extension attributes (see :func:`register_extensions`). The
  conversion itself lives in :mod:`newsnlp.integrations.spacy_doc`.
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

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from ..record import Article, Entity, Metadata, Quote, Segment, Sentence, TimeExpression, Tokens
from .spacy_doc import EXTENSIONS, apply_article, build_doc, default_vocab, register_extensions

__all__ = [
    "EXTENSIONS",
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

#: The token fields a Doc carries back (the others are left at their defaults).
_DOC_TOKEN_FIELDS = ("start", "end", "text", "stem", "is_stop", "lemma", "sentence", "clitic", "space_after")


def article_to_doc(article: Article | Mapping[str, Any], vocab: Vocab | None = None) -> Doc:
    """A spaCy ``Doc`` holding every layer of an enriched article (or its dict): see
    :func:`newsnlp.integrations.spacy_doc.build_doc`."""
    if isinstance(article, Mapping):
        article = Article.from_dict(dict(article))
    return build_doc(article, vocab=vocab)


def doc_to_article(doc: Doc) -> Article:
    """Read back the record from a ``Doc`` made by :func:`article_to_doc` (e.g. after a
    ``DocBin`` round trip): text, metadata, sentences, tokens and the span layers (entities,
    times, segments, quotes)."""
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
    cols: dict[str, list[Any]] = {name: [] for name in _DOC_TOKEN_FIELDS}
    for tok in doc:
        if tok.text.isspace() and tok._.newsnlp_stop is None:
            continue
        while sent_index + 1 < len(starts) and tok.i >= starts[sent_index + 1]:
            sent_index += 1
        cols["start"].append(tok.idx)
        cols["end"].append(tok.idx + len(tok.text))
        cols["text"].append(tok.text)
        cols["stem"].append(tok._.stem)
        cols["is_stop"].append(bool(tok._.newsnlp_stop))
        cols["lemma"].append(tok.lemma_ or None)
        cols["sentence"].append(sent_index)
        cols["clitic"].append(tok._.clitic)
        cols["space_after"].append(bool(tok.whitespace_))
    art.tokens = Tokens.from_columns(**cols)
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
    for s in doc.spans.get("quotes", []):
        art.quotes.append(
            Quote(
                s.start_char,
                s.end_char,
                s.text,
                s.label_,
                cue=_plain_dict(s._.quote_cue),
                speaker=_plain_dict(s._.quote_speaker),
                speaker_entity_id=s._.speaker_entity_id,
                speaker_canonical=s._.speaker_canonical,
                segment=s._.segment,
            )
        )
    return art


def _plain_dict(value: Any) -> dict[str, Any] | None:
    return None if value is None else dict(value)


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
            from ..structure import assign_segments

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
    """``newsnlp_entities``: named entities into ``doc.ents`` and ``doc.spans["entities"]``.

    Entities already on the Doc (an ``entity_ruler`` placed first, with the user's own patterns)
    are kept as they are: the entity stage takes them as given mentions (they join its groups,
    ``source="user"``), and ``doc.ents`` keeps their spans and labels, adding newsnlp's entities
    only where they do not overlap."""

    stages = ("text", "entities")
    layers = ("entities",)

    def _article(self, doc: Doc) -> Article:
        given = list(doc.ents)
        if not given:
            return super()._article(doc)
        from ..entities.candidates import PRESET_KEY

        article = self.pipeline.make_article(doc.text, published=self._published(doc), html=False)
        article.scratch[PRESET_KEY] = [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "kb_id": e.kb_id_ or None}
            for e in given
        ]
        self.pipeline.process_articles([article])
        return article

    def __call__(self, doc: Doc) -> Doc:
        given = list(doc.ents)
        doc = apply_article(doc, self._article(doc), self.layers, set_ents=not given)
        if given:
            taken = [(e.start, e.end) for e in given]
            ours = [s for s in doc.spans["entities"] if not any(a < s.end and s.start < b for a, b in taken)]
            doc.ents = sorted(given + ours, key=lambda s: s.start)
        return doc


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
