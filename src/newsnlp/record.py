"""The record: the data model of the public contract (``docs/contract.md``).

Every annotation is a stand-off span over :attr:`Article.text`: ``start`` inclusive, ``end``
exclusive, Python string indices, and ``text[start:end] == span.text``.

The span classes are plain slotted dataclasses; the token layer, the one with an item per word (or
per character of a text of brackets), is a table of columns, :class:`Tokens`, that behaves as a
list of :class:`Token` (:mod:`newsnlp.record_tokens` and :mod:`newsnlp.record_token`, re-exported
here). :meth:`Article.to_dict`
gives the JSON shape of the contract and :meth:`Article.from_dict` reads it back.
"""

from __future__ import annotations

import bisect
import json
import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from .record_token import TOKEN_FIELDS, Token
from .record_tokens import Tokens, TokensSlot

__all__ = [
    "ENTITY_LABELS",
    "LAYERS",
    "LIST_LAYERS",
    "QUOTE_TYPES",
    "SEGMENT_LABELS",
    "TIME_ANCHORS",
    "TIME_TYPES",
    "TOKEN_FIELDS",
    "Article",
    "Entity",
    "Metadata",
    "Quote",
    "Segment",
    "Sentence",
    "TextSpan",
    "TimeExpression",
    "Token",
    "Tokens",
]

ENTITY_LABELS = ("PER", "ORG", "LOC", "PRODUCT", "EVENT", "MISC")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_TYPES = ("direct", "indirect", "mixed")
TIME_ANCHORS = ("absolute", "published", "previous")
TIME_MODS = (
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "LESS_THAN",
    "MORE_THAN",
)
SEGMENT_LABELS = (
    "title",
    "kicker",
    "teaser",
    "dateline",
    "lead",
    "body",
    "subheading",
    "caption",
    "credit",
    "related",
    "pagination",
    "byline",
    "source_link",
    "boilerplate",
    "copyright",
)
#: Segments that sit inside another one (a photo credit in its caption, a dateline in the lead).
INNER_SEGMENT_LABELS = ("credit", "dateline")
#: Segments whose text makes up :attr:`Article.clean_text`.
CLEAN_LABELS = ("title", "lead", "subheading", "body")
_SPAN_ORDER = operator.attrgetter("start", "end")


class _Record:
    """Shared (de)serialisation for the span classes."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable dict of this span, every field included."""
        return {name: _plain(getattr(self, name)) for name in self._fields}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """Build the span from :meth:`to_dict` output (unknown keys are ignored)."""
        return cls(**{k: data[k] for k in cls._fields if k in data})

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickle as a constructor call with positional fields: several times faster to load than
        # the slot-by-slot state of a slotted dataclass (matters when worker processes send
        # hundreds of thousands of tokens back to the parent).
        return (type(self), tuple([getattr(self, name) for name in self._fields]))


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _init_fields(cls):
    cls._fields = tuple(f.name for f in fields(cls))
    return cls


@_init_fields
@dataclass(slots=True)
class Sentence(_Record):
    """A sentence span."""

    start: int
    end: int
    text: str
    #: Label of the structure segment the sentence falls in.
    segment: str | None = None


@_init_fields
@dataclass(slots=True)
class Entity(_Record):
    """One mention of a named entity."""

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None
    entity_id: int | None = None
    kb_id: str | None = None
    score: float | None = None
    #: Honorific or title before a PER mention (``Presiden``), outside the span.
    title: str | None = None
    #: Role attached to the mention (``CEO Microsoft``), outside the span.
    role: str | None = None
    segment: str | None = None
    #: Where the mention came from: ``model``, ``gazetteer``, ``both``, ``rule``.
    source: str | None = None


@_init_fields
@dataclass(slots=True)
class TimeExpression(_Record):
    """A temporal expression with its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str | None = None
    anchor: str = "absolute"
    mod: str | None = None
    segment: str | None = None
    #: Problems noticed while resolving, e.g. ``weekday_mismatch``, ``impossible_date``.
    flags: list[str] = field(default_factory=list)


@_init_fields
@dataclass(slots=True)
class Segment(_Record):
    """A labelled part of the article's structure."""

    start: int
    end: int
    text: str
    label: str


@_init_fields
@dataclass(slots=True)
class TextSpan(_Record):
    """A plain span of text inside another annotation (the cue and the speaker of a quote)."""

    start: int
    end: int
    text: str


def _text_span(value: TextSpan | dict[str, Any] | None) -> TextSpan | None:
    if value is None or isinstance(value, TextSpan):
        return value
    return TextSpan.from_dict(value)


@_init_fields
@dataclass(slots=True)
class Quote(_Record):
    """One quote: reported speech and who said it (``shared/API.md``, "Quotes").

    ``start``/``end``/``text`` cover the reported content alone, without quotation marks and
    without the cue (except a cue in the middle of an indirect quote's clause: ``Harga, kata dia,
    akan naik``). ``cue`` is the reporting word or phrase and ``speaker`` the mention naming the
    source (a name, a title, a pronoun or the clitic ``nya``), either ``None``.
    ``speaker_entity_id`` is the entity group (:attr:`Entity.entity_id`) the speaker refers to,
    pronouns and titles resolved, and ``speaker_canonical`` the source's fullest name in the article;
    both ``None`` when the source is unnamed or unknown.
    """

    start: int
    end: int
    text: str
    #: ``direct``, ``indirect`` or ``mixed`` (:data:`QUOTE_TYPES`).
    type: str
    cue: TextSpan | None = None
    speaker: TextSpan | None = None
    speaker_entity_id: int | None = None
    speaker_canonical: str | None = None
    #: Label of the structure segment the quote lies in (``body`` for the article's own text).
    segment: str | None = None

    def __post_init__(self) -> None:
        self.cue = _text_span(self.cue)
        self.speaker = _text_span(self.speaker)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable dict of the quote (cue and speaker as ``{start, end, text}`` or null)."""
        out = _Record.to_dict(self)
        for name in ("cue", "speaker"):
            value = getattr(self, name)
            out[name] = None if value is None else value.to_dict()
        return out


@_init_fields
@dataclass(slots=True)
class Metadata(_Record):
    """Article-level metadata."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    publisher: str | None = None
    #: ISO 8601 date or datetime of publication.
    published: str | None = None
    #: ``"given"``, ``"inferred"`` or ``None``.
    published_source: str | None = None
    url: str | None = None
    #: Whether the input was cut before processing (an HTML page whose text exceeds
    #: ``newsnlp.input.dom.MAX_TEXT`` characters); the reason is in :attr:`warnings`.
    truncated: bool = False
    #: What the library noticed about the input and did about it (``"text truncated: ..."``),
    #: also issued as Python warnings (:class:`newsnlp.errors.TruncationWarning`).
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """One enriched article: the text and every layer of stand-off annotation over it."""

    text: str
    language: str = "id"
    metadata: Metadata = field(default_factory=Metadata)
    sentences: list[Sentence] = field(default_factory=list)
    #: The token layer, a :class:`Tokens` table of columns that behaves as a list of
    #: :class:`Token` (assigning a list of tokens converts it; see :mod:`newsnlp.record_tokens`).
    tokens: Tokens = field(default_factory=Tokens)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: Names of the stages that ran, in order.
    stages: list[str] = field(default_factory=list)
    #: What made the record: newsnlp version, shipped data and model versions and hashes, library
    #: versions, non-default options (:mod:`newsnlp.provenance`); one dict shared by every record
    #: of a pipeline (read-only). ``None`` for a record no pipeline made.
    provenance: dict[str, Any] | None = field(default=None, compare=False)
    #: Working objects passed between rooms during processing, declared as ``scratch.<key>``
    #: layers (the input room's HTML extraction under ``"html"``, read by the structure stage).
    #: Cleared when the pipeline returns the article; never serialised.
    scratch: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # The tokens as their columns (arrays pickle as bytes); each other list layer as rows of
        # field values (tuples built by C-level attrgetters: three times faster to pickle than one
        # constructor call per span); ``scratch`` is working state and is not pickled.
        rows = {layer: list(map(_ROW[layer], getattr(self, layer))) for layer in _ROW}
        return (
            _article_from_rows,
            (self.text, self.language, self.metadata, rows, self.stages, self.provenance, self.tokens),
        )

    def __copy__(self) -> Article:
        # as the pickled form, with a copy of the token table (a table is not shared)
        fn, args = self.__reduce__()
        return fn(*args[:-1], args[-1].copy())

    def __repr__(self) -> str:
        # Short on purpose: a list of articles in a notebook shows one line each, not the layers.
        head = self.text[:40].replace("\n", " ")
        counts = ", ".join(
            f"{name}={len(getattr(self, name))}"
            for name in ("tokens", "sentences", "entities", "times", "segments")
        )
        title = self.metadata.title
        title_part = f"title={title[:60] + ('…' if len(title) > 60 else '')!r}, " if title else ""
        return (
            f"<Article {title_part}text={head + ('…' if len(self.text) > 40 else '')!r} "
            f"({len(self.text):,} chars), published={self.metadata.published!r}, {counts}>"
        )

    @property
    def clean_text(self) -> str:
        """The article's own text: its title (the first ``title`` segment only), lead, subheadings
        and body in reading order, joined by blank lines (empty if no structure ran)."""
        parts = []
        titled = False
        for s in self.segments:
            if s.label not in CLEAN_LABELS:
                continue
            if s.label == "title":
                if titled:
                    continue
                titled = True
            parts.append(s.text.strip())
        return "\n\n".join(p for p in parts if p)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable dict of the contract (``docs/contract.md``), with the record's
        ``provenance`` as an extra key."""
        return {
            "text": self.text,
            "language": self.language,
            "metadata": self.metadata.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": self.tokens.to_dicts(),
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "segments": [s.to_dict() for s in self.segments],
            "quotes": [q.to_dict() for q in self.quotes],
            "clean_text": self.clean_text,
            "stages": list(self.stages),
            "provenance": self.provenance,
        }

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an :class:`Article` from :meth:`to_dict` output."""
        return cls(
            text=data["text"],
            language=data.get("language", "id"),
            metadata=Metadata.from_dict(data.get("metadata") or {}),
            sentences=[Sentence.from_dict(d) for d in data.get("sentences", [])],
            tokens=Tokens.from_dicts(data.get("tokens", [])),
            entities=[Entity.from_dict(d) for d in data.get("entities", [])],
            times=[TimeExpression.from_dict(d) for d in data.get("times", [])],
            segments=[Segment.from_dict(d) for d in data.get("segments", [])],
            quotes=[Quote.from_dict(d) for d in data.get("quotes", [])],
            stages=list(data.get("stages", [])),
            provenance=data.get("provenance"),
        )

    @classmethod
    def from_json(cls, data: str) -> Article:
        """Rebuild an :class:`Article` from :meth:`to_json` output."""
        return cls.from_dict(json.loads(data))

    def to_spacy(self, vocab: Any = None) -> Any:
        """This article as a spaCy ``Doc`` (``doc.text == self.text``): tokens, sentence starts,
        ``doc.ents``, span groups ``times``/``segments``/``entities`` and ``._.`` extensions; see
        :func:`newsnlp.integrations.spacy_doc.build_doc` (an adapter that imports nothing of
        newsnlp, so the record stays at the bottom of the import graph)."""
        from .integrations.spacy_doc import build_doc

        return build_doc(self, vocab=vocab)

    def _repr_html_(self) -> str:
        """HTML view for notebooks (metadata, shaded segments, displaCy entities and times); see
        :func:`newsnlp.integrations.html_view.render_article` (an adapter that imports nothing of
        newsnlp)."""
        from .integrations.html_view import render_article

        return render_article(self)

    def spans(self):
        """Every span of every layer (a quote's cue and speaker too), for checks such as
        ``text[s.start:s.end] == s.text``."""
        yield from self.sentences
        yield from self.tokens
        yield from self.entities
        yield from self.times
        yield from self.segments
        for quote in self.quotes:
            yield quote
            if quote.cue is not None:
                yield quote.cue
            if quote.speaker is not None:
                yield quote.speaker

    def segment_at(self, start: int, end: int | None = None) -> str | None:
        """Label of the segment that ``[start, end)`` belongs to (see :meth:`segment_labeler`)."""
        return self.segment_labeler()(start, start + 1 if end is None else end)

    def segment_labeler(self) -> Callable[[int, int], str | None]:
        """A function ``(start, end) -> segment label`` over this article's segments, the one rule
        used everywhere (the structure stage, the spaCy export): an inner segment (``credit``,
        ``dateline``) that holds the span whole, otherwise the segment the span's start falls in,
        otherwise the first segment starting inside the span; ``None`` when no segment touches it.
        Build it once and call it for many spans (each call is a binary search)."""
        outer = sorted((s for s in self.segments if s.label not in INNER_SEGMENT_LABELS), key=_SPAN_ORDER)
        inner = sorted((s for s in self.segments if s.label in INNER_SEGMENT_LABELS), key=_SPAN_ORDER)
        o_starts = [s.start for s in outer]
        i_starts = [s.start for s in inner]

        def label_of(start: int, end: int) -> str | None:
            if inner:
                k = bisect.bisect_right(i_starts, start) - 1
                if k >= 0 and inner[k].start <= start and end <= inner[k].end:
                    return inner[k].label
            k = bisect.bisect_right(o_starts, start) - 1
            if k >= 0 and start < outer[k].end:
                return outer[k].label
            k += 1
            if k < len(outer) and outer[k].start < end:
                return outer[k].label
            return None

        return label_of


#: The list layers of the record and the class of their items.
LIST_LAYERS: tuple[tuple[str, type[Any]], ...] = (
    ("sentences", Sentence),
    ("tokens", Token),
    ("entities", Entity),
    ("times", TimeExpression),
    ("segments", Segment),
    ("quotes", Quote),
)
_ROW = {layer: operator.attrgetter(*cls._fields) for layer, cls in LIST_LAYERS if layer != "tokens"}


def _article_from_rows(
    text: str,
    language: str,
    metadata: Metadata,
    rows: dict[str, list[tuple[Any, ...]]],
    stages: list[str],
    provenance: dict[str, Any] | None,
    tokens: Tokens | None = None,
) -> Article:
    """An :class:`Article` from its pickled form (see ``Article.__reduce__``)."""
    layers: dict[str, Any] = {
        layer: [cls(*row) for row in rows.get(layer, ())] for layer, cls in LIST_LAYERS if layer in _ROW
    }
    if tokens is not None:
        layers["tokens"] = tokens
    return Article(
        text=text, language=language, metadata=metadata, stages=stages, provenance=provenance, **layers
    )


Article.tokens = TokensSlot(Article.__dict__["tokens"])  # type: ignore[assignment,misc]


def _layers() -> frozenset[str]:
    names = {"text", "language", "clean_text", "metadata"}
    names.update(f"metadata.{f}" for f in Metadata._fields)
    for layer, cls in LIST_LAYERS:
        names.add(layer)
        names.update(f"{layer}.{f}" for f in cls._fields)
    return frozenset(names)


#: Names of the record's layers, the vocabulary of what a stage ``requires``, ``assigns`` and
#: ``uses`` (:func:`newsnlp.registry.register_stage`): a list layer (``tokens``) or one field of
#: its items (``tokens.stem``), ``metadata.<field>``, ``text``, ``language``, ``clean_text``.
#: Working objects in :attr:`Article.scratch` are named ``scratch.<key>``.
LAYERS: frozenset[str] = _layers()
