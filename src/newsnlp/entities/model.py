"""The statistical NER model of the ``entities`` stage: loading it and running it on token lists.

The model is a small spaCy pipeline (``tok2vec`` + transition-based ``ner``) trained on the
Indonesian NER corpora (idner-news-2k, NERGrit, NERP, Luthfi 2014) harmonised to newsnlp's contract,
with mention-replacement and case augmentation (see ``docs/ner_model.md`` and ``training/ner/``).
The model ships in ``newsnlp/data/ner_model/``; a model built with another recipe loads from its
path (``NerModel.load(path)``, or the stage's ``model=<path>`` option).

The model never tokenizes: the caller gives the words (and whether whitespace follows each), made by
newsnlp's own tokenizer, and the model tags them. So the shipped pipeline's tokenizer is the cheap
whitespace splitter registered here as ``newsnlp.ner_whitespace_tokenizer.v1``; spaCy's Indonesian
tokenizer (16k exceptions, seconds to build) is never constructed.

Scores: spaCy's greedy transition NER gives no probabilities. ``ModelMention.score`` is the precision
that the model reached on a held-back dev split (idner-news-2k dev for PER/ORG/LOC, the NERP test
split for EVENT/PRODUCT) for mentions of the same label and length class (one token / several
tokens), stored in ``scores.json`` next to the model by the training script. It
is therefore a calibrated estimate of how often such a mention is right, not a per-mention probability.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IDS
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..data import data_path, load_json
from ..errors import ModelNotFoundError
from .textutil import has_line_break

__all__ = [
    "DEFAULT_MODEL_PATH",
    "MODEL_LABELS",
    "MODEL_NAMES",
    "ModelMention",
    "NerModel",
    "WhitespaceTokenizer",
    "resolve_model_path",
]

#: Where the trained model ships inside the package.
DEFAULT_MODEL_PATH = data_path("ner_model")
#: The shipped models by name (folders of ``newsnlp/data``): ``fast`` is the default and, today, the
#: only one. A larger recipe (``python training/ner/build.py --model accurate``) was measured and gave
#: no gain on news from other outlets (docs/ner_model.md), so it is not shipped; a model built with it
#: is loaded by its path.
MODEL_NAMES: dict[str, str] = {"fast": "ner_model"}

#: Labels the shipped model predicts.
MODEL_LABELS = ("PER", "ORG", "LOC", "EVENT", "PRODUCT")


def resolve_model_path(model: str | Path) -> Path:
    """The directory of the model named ``model`` (a key of :data:`MODEL_NAMES`) or at the path
    ``model``; :class:`~newsnlp.errors.ModelNotFoundError` when there is no model there."""
    name = str(model)
    if name in MODEL_NAMES:
        path = data_path(MODEL_NAMES[name])
        if not (path / "config.cfg").is_file():
            shipped = [n for n, d in MODEL_NAMES.items() if (data_path(d) / "config.cfg").is_file()]
            raise ModelNotFoundError(
                f"the {name!r} entity model is not shipped with this installation of newsnlp "
                f"(expected in {path}); shipped models: {', '.join(shipped) or 'none'}; "
                "or give the path of a spaCy NER pipeline directory"
            )
        return path
    path = Path(model).expanduser()
    if not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"no NER model at {path}: give {' or '.join(repr(n) for n in MODEL_NAMES)}, or the path "
            "of a spaCy pipeline directory (with config.cfg) whose last component is an 'ner'"
        )
    return path


#: Longest piece (in tokens) given to the model at once; longer stretches are cut, at a sentence
#: end in the second half of each chunk when there is one. The decoder takes one step per token of
#: the longest piece in a batch, so a few very long pieces (a line of 5,000 capitalised words) cost
#: a Python-level step per token with almost nothing else in the batch; short chunks are decoded
#: side by side instead (linear and cheap on repetitive text).
MAX_CHUNK_TOKENS = 256
#: Most tokens given to the model in one minibatch. The model's working memory is about 5 KB a
#: token of the batch (the precomputed state features of every token), so this bounds it (~20 MB)
#: on long inputs; larger batches are no faster (``benchmarks/large_input.py``).
MAX_BATCH_TOKENS = 4_000
#: Lexemes the model's vocabulary may hold before the model is reloaded with an empty one.
MAX_VOCAB = 200_000
#: Tokens of context the model reads on each side of a token with a capital (see ``predict``).
CONTEXT_TOKENS = 2
_OPENERS = frozenset({".", "!", "?", "\u2026", ":", '"', "\u201c", "(", "-", "\u2013", "\u2014"})
_SENTENCE_END = frozenset({".", "!", "?", "\u2026"})
#: Type code of the arrays of token indices (4 bytes an index instead of an 8-byte pointer to an int).
_INDEX = "i"


@dataclass(frozen=True, slots=True)
class ModelMention:
    """One mention found by the model, in token indices of the document given to :meth:`NerModel.predict`."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    label: str  # PER, ORG, LOC, EVENT, PRODUCT
    score: float  # calibrated confidence in [0,1]


class WhitespaceTokenizer:
    """A tokenizer that splits on whitespace only.

    The NER model is always fed Docs built from words, so its pipeline only needs a tokenizer to be
    complete and serialisable; this one is instant to build (unlike the language's default one).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = text.split()
        return Doc(self.vocab, words=words)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b"whitespace"

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> WhitespaceTokenizer:
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WhitespaceTokenizer:
        return self


@spacy.registry.tokenizers("newsnlp.ner_whitespace_tokenizer.v1")
def create_whitespace_tokenizer():
    """spaCy factory of :class:`WhitespaceTokenizer` (used in the model's ``[nlp.tokenizer]``)."""

    def make(nlp) -> WhitespaceTokenizer:
        return WhitespaceTokenizer(nlp.vocab)

    return make


def _load_lean(path: Path) -> Any:
    """``spacy.load(path)``, with the vocabulary computing only the lexeme attributes the model
    reads: the embedding attributes named in its config (``NORM``, ``PREFIX``...) and ``IS_SPACE``,
    which the NER transition system checks. spaCy's Indonesian defaults compute 23 for each new word
    (stop word, number-likeness, flags): 11.5 us a word instead of 8.9, on ~30,000 new words in
    a first pass over news-dev. When the config names no attributes, all are kept."""
    nlp = spacy.load(path)
    names: set[str] = set()
    _collect_attrs(nlp.config.get("components", {}), names)
    if names and names <= IDS.keys():
        keep = {IDS[n] for n in names} | {IDS["IS_SPACE"], IDS["LOWER"], IDS["NORM"]}
        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in keep}
    return nlp


def _collect_attrs(node: Any, out: set[str]) -> None:
    """Add every name listed under an ``attrs`` key of a (nested) config section to ``out``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "attrs" and isinstance(value, list | tuple):
                out.update(str(v).upper() for v in value)
            else:
                _collect_attrs(value, out)


def _length_class(n_tokens: int) -> str:
    return "single" if n_tokens == 1 else "multi"


class NerModel:
    """The trained NER model. Build it with :meth:`load`; tag token lists with :meth:`predict`."""

    def __init__(self, nlp: Any, scores: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.nlp = nlp
        #: Where the model was loaded from (reloaded from there to empty its vocabulary).
        self.path = path
        scores = scores or {}
        self._scores: dict[str, dict[str, float]] = scores.get("precision", {})
        self._default = float(scores.get("default", 0.5))
        self.meta: dict[str, Any] = dict(nlp.meta)

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerModel:
        """Load the model from ``path`` (default: the model shipped in the package)."""
        path = Path(path) if path is not None else DEFAULT_MODEL_PATH
        if not (path / "config.cfg").exists():
            raise FileNotFoundError(f"no NER model at {path}")
        nlp = _load_lean(path)
        scores_file = path.resolve() / "scores.json"
        scores = load_json(scores_file, cache=False) if scores_file.exists() else None
        return cls(nlp, scores, path)

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity labels the model predicts."""
        return tuple(self.nlp.get_pipe("ner").labels)

    def score_for(self, label: str, n_tokens: int) -> float:
        """The calibrated confidence of a mention of ``label`` spanning ``n_tokens`` tokens."""
        by_label = self._scores.get(label)
        if not by_label:
            return self._default
        return float(by_label.get(_length_class(n_tokens), by_label.get("all", self._default)))

    def make_doc(self, words: list[str], spaces: list[bool] | None = None) -> Doc:
        """A spaCy Doc over ``words`` (empty strings and whitespace-only tokens are allowed)."""
        if spaces is None:
            spaces = [True] * len(words)
        return Doc(self.nlp.vocab, words=list(words), spaces=[bool(s) for s in spaces])

    def predict_docs(self, docs: Iterable[Doc], batch_size: int = 64) -> list[Doc]:
        """Run the pipeline's components over ready-made Docs (entities end up in ``doc.ents``).

        Each group of ``batch_size`` Docs goes through every component at once; a greedy
        transition NER is decoded as in :meth:`predict` (beam search at width 1).
        """
        docs = list(docs)
        for i in range(0, len(docs), max(1, batch_size)):
            group = docs[i : i + batch_size]
            for doc, ents in zip(group, self._decode(group)):
                doc.set_ents([Span(doc, a, b, label=label) for a, b, label in ents], default="outside")
        return docs

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        """The entities (start, end, label) of each Doc, running every component over them at once.

        A greedy transition NER is decoded with spaCy's own beam search at width 1, which takes
        the same best-scoring action at each step as the greedy decoder (identical entities on
        every news-dev Doc, ``benchmarks/ner_model.py``). On the short stretches that
        :meth:`predict` gives it, sorted by length, it is about 1.5x faster than spaCy 3.8's
        compiled greedy loop, whose inner functions take and release the GIL for every hidden
        unit of every token (on whole articles, one long Doc each, the two cost about the same).
        The entities are read from the final states, not set on the Docs.
        """
        if not any(len(doc) for doc in docs):
            return [[] for _ in docs]
        pipeline = self.nlp.pipeline
        for k, (_name, proc) in enumerate(pipeline):
            if isinstance(proc, EntityRecognizer) and proc.cfg.get("beam_width", 1) == 1:
                beams = proc.beam_parse(docs, beam_width=1)
                if k == len(pipeline) - 1:  # the last component: read its entities directly
                    out = []
                    for beam in beams:
                        parses = proc.moves.get_beam_parses(beam)
                        out.append(sorted(parses[0][1]) if parses else [])
                    return out
                proc.set_annotations(docs, beams)
            else:
                proc.set_annotations(docs, proc.predict(docs))
        return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]

    def predict(
        self,
        docs: list[tuple[list[str], list[bool]]],
        batch_size: int = 64,
        line_starts: list[Collection[int]] | None = None,
        context: int | None = CONTEXT_TOKENS,
        common_words: Collection[str] = frozenset(),
    ) -> list[list[ModelMention]]:
        """Tag each (words, space_after) document; return its mentions in token indices, in order.

        Lines are tagged separately, so no mention crosses a line break: a line starts at each
        index in ``line_starts[n]`` (for tokenizers that leave whitespace out, such as newsnlp's)
        and after each whitespace-only token holding a line break. Other whitespace-only tokens
        (runs of spaces, non-breaking spaces) are skipped, so a mention may span them but never
        starts or ends on one. Tokens without a letter or digit are trimmed from the edges of a
        mention; mentions without a letter, and all-lower-case mentions in a line that otherwise uses
        capitals, are dropped.

        Fast path (``context``): in a line that uses capitals, every mention the model may keep holds
        a token with a capital letter, so the model only reads the stretches around such tokens,
        ``context`` tokens on each side (stretches that touch are joined). The model's view of a
        token reaches two tokens to each side (window 1, depth 2), so its output differs from reading
        the whole line only where a mention would run past that margin (measured on news-dev, see
        ``docs/benchmarks.md``). ``context=None`` reads every line whole. A capitalised word at the
        start of a sentence is no reason to read its neighbours when it is a function word (spaCy's
        Indonesian stop words) or, followed by a lower-case word, one of ``common_words``
        (lower-cased ordinary words, such as the gazetteer's common-word list: ``Ucapan terima
        kasih``, ``Wasit menunjuk``); the stage drops a lone ordinary word the model would tag
        there anyway.
        """
        if self.path is not None and len(self.nlp.vocab) > MAX_VOCAB:
            # spaCy keeps a lexeme for every word it has seen: over a large corpus the
            # vocabulary grows without end. The model's output does not depend on it.
            self.nlp = _load_lean(self.path)
        if line_starts is not None and len(line_starts) != len(docs):
            raise ValueError(f"{len(docs)} documents but {len(line_starts)} line_starts")
        # (document number, token indices, cased); the indices in arrays, not lists of int objects:
        # on a long input the pieces hold every token index until the model has read them all
        pieces: list[tuple[int, Sequence[int], bool]] = []
        for n, (words, spaces) in enumerate(docs):
            if len(words) != len(spaces):
                raise ValueError(f"document {n}: {len(words)} words but {len(spaces)} space flags")
            starts = line_starts[n] if line_starts is not None else ()
            for idx in _pieces(words, starts):
                if not any(ch.isalpha() for i in idx for ch in words[i]):
                    continue  # no letter: no mention the model may keep (``([{`` repeated)
                cased = any(words[i][:1].isupper() for i in idx[1:])
                windows = (
                    _windows(words, idx, context, common_words) if cased and context is not None else [idx]
                )
                for win in windows:
                    for chunk in _chunks(words, win, MAX_CHUNK_TOKENS):
                        pieces.append((n, chunk, cased))
        # pieces of similar length go together: the decoder takes as many steps as the longest
        # piece of its group has tokens, so this saves steps (the order of the output is restored)
        pieces.sort(key=lambda p: len(p[1]))
        out: list[list[ModelMention]] = [[] for _ in docs]
        vocab = self.nlp.vocab
        for group in _batches(pieces, batch_size, MAX_BATCH_TOKENS):
            texts = [[docs[n][0][i] for i in idx] for n, idx, _ in group]
            spacy_docs = [
                Doc(vocab, words=words, spaces=_piece_spaces(docs[n][1], idx))
                for words, (n, idx, _) in zip(texts, group)
            ]
            self._tag(group, texts, spacy_docs, out)
        for mentions in out:
            mentions.sort(key=lambda m: m.start)
        return out

    def _tag(
        self,
        group: list[tuple[int, Sequence[int], bool]],
        texts: list[list[str]],
        spacy_docs: list[Doc],
        out: list[list[ModelMention]],
    ) -> None:
        for (n, idx, cased), words, ents in zip(group, texts, self._decode(spacy_docs)):
            for start, end, label in ents:
                a, b = _trim(words, start, end)
                if a < b and _plausible(words[a:b], cased):
                    out[n].append(ModelMention(idx[a], idx[b - 1] + 1, label, self.score_for(label, b - a)))


def _batches(pieces: list, max_docs: int, max_tokens: int) -> list[list]:
    """Consecutive groups of at most ``max_docs`` pieces and (unless one piece is longer)
    ``max_tokens`` tokens: the model runs each group at once, so this bounds its memory."""
    out: list[list] = []
    cur: list = []
    n_tok = 0
    for p in pieces:
        k = len(p[1])
        if cur and (len(cur) >= max_docs or n_tok + k > max_tokens):
            out.append(cur)
            cur, n_tok = [], 0
        cur.append(p)
        n_tok += k
    if cur:
        out.append(cur)
    return out


def _plausible(words: list[str], cased: bool) -> bool:
    """Reject mentions without a letter (``19/6/2025``) and all-lower-case ones in cased text."""
    if not any(ch.isalpha() for w in words for ch in w):
        return False
    return not (cased and all(w == w.lower() for w in words))


def _trim(words: list[str], start: int, end: int) -> tuple[int, int]:
    """Drop tokens without a letter or digit from the edges of a mention (``BBC )`` -> ``BBC``)."""
    while start < end and not any(ch.isalnum() for ch in words[start]):
        start += 1
    while end > start and not any(ch.isalnum() for ch in words[end - 1]):
        end -= 1
    return start, end


def _windows(
    words: list[str], idx: Sequence[int], context: int, common_words: Collection[str] = frozenset()
) -> list[Sequence[int]]:
    """The stretches of a piece around its tokens with a capital letter, ``context`` tokens on
    each side; stretches that overlap or touch are joined. Empty when no token has a capital.
    Sentence-initial function words, and ``common_words`` followed by a lower-case word, do not
    count (see :meth:`NerModel.predict`)."""
    out: list[Sequence[int]] = []
    last = len(idx) - 1
    a = b = -1  # current stretch, positions in idx (inclusive)
    for k, i in enumerate(idx):
        w = words[i]
        if w.islower() or w.lower() == w:
            continue  # no capital letter (lower case, digits, punctuation)
        if k == 0 or words[idx[k - 1]] in _OPENERS:
            low = w.lower()
            if low in STOP_WORDS:
                continue  # a sentence-initial function word (Namun, Ia, Dalam)
            if low in common_words and k < last and words[idx[k + 1]].islower():
                continue  # a sentence-initial ordinary word (Wasit menunjuk)
        lo, hi = max(0, k - context), min(last, k + context)
        if a >= 0 and lo <= b + 1:
            b = hi
            continue
        if a >= 0:
            out.append(idx[a : b + 1])
        a, b = lo, hi
    if a >= 0:
        out.append(idx[a : b + 1])
    return out


def _pieces(words: list[str], line_starts: Collection[int] = ()) -> list[Sequence[int]]:
    """Indices of the non-blank tokens (arrays of ints), cut into pieces at tokens that hold a line
    break and before the tokens listed in ``line_starts``."""
    out: list[Sequence[int]] = []
    cur = array(_INDEX)
    for i, w in enumerate(words):
        if i in line_starts and cur:
            out.append(cur)
            cur = array(_INDEX)
        if not w or w.isspace():
            if has_line_break(w):
                if cur:
                    out.append(cur)
                cur = array(_INDEX)
            continue
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def _chunks(words: list[str], idx: Sequence[int], limit: int) -> list[Sequence[int]]:
    """Cut a piece longer than ``limit`` tokens into chunks of at most ``limit`` tokens, after the
    last sentence end (``.``, ``!``, ``?``) of each window when there is one in its second half."""
    if len(idx) <= limit:
        return [idx]
    out: list[Sequence[int]] = []
    a = 0
    while len(idx) - a > limit:
        cut = a + limit
        for k in range(a + limit - 1, a + limit // 2, -1):
            if words[idx[k]] in _SENTENCE_END:
                cut = k + 1
                break
        out.append(idx[a:cut])
        a = cut
    out.append(idx[a:])
    return out


def _piece_spaces(spaces: list[bool], idx: Sequence[int]) -> list[bool]:
    """``space_after`` for the tokens of a piece: a skipped blank token counts as a space."""
    return [bool(spaces[i]) or (k + 1 < len(idx) and idx[k + 1] != i + 1) for k, i in enumerate(idx)]
