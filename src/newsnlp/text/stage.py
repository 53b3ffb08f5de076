"""The ``text`` stage: tokens, sentences, enclitics and stop words; it brings the ``stems`` step
(:mod:`newsnlp.text.stems`), which runs after the entity stage."""

from __future__ import annotations

import re
import sys
from array import array
from itertools import repeat

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.vocab import Vocab

from ..record import Article, Sentence, Tokens
from ..registry import BaseStage, register_stage
from .sentences import split_sentences
from .stemmer import Stemmer
from .tokenizer import build_tokenizer

__all__ = ["LONG_CHUNK", "MAX_VOCAB", "TextStage", "make_text_stage"]

#: Lexemes the tokenizer's vocabulary may hold before it is rebuilt empty (see
#: :meth:`TextStage.tokenize`): bounds memory over corpora of millions of articles.
MAX_VOCAB = 200_000
#: Longest run of non-space characters handed to spaCy's tokenizer (see :meth:`TextStage.tokenize`).
LONG_CHUNK = 1000
_LONG_CHUNK = re.compile(rf"(?<!\S)\S{{{LONG_CHUNK + 1},}}")  # starts only at a chunk start: linear
# Letters/digits joined by single inner punctuation (URLs, codes, numbers) | a run of one
# punctuation character | underscores. The joiners are not word characters, so no backtracking;
# the repeats are possessive (Python 3.11+), because a greedy repeat of a group or a backreference
# keeps a backtracking frame per repetition: 100 bytes per character of a run of "(" (98 MB for
# 1 MB), 40 per character of "a-b-a-b...".
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
_FALLBACK_TOKEN = re.compile(
    rf"[^\W_]+(?:[-'’.,/:@+=&%?#~][^\W_]+)*{_POSSESSIVE}|([^\w\s])\1*{_POSSESSIVE}|_+"
)


class TextStage(BaseStage):
    """Tokenises with the news tokenizer, splits sentences, flags stop words and enclitics.

    Stems are filled by the stage's ``stems`` part (:class:`~newsnlp.text.stems.StemStep`), which
    the pipeline runs after the entity stage, so that tokens inside entity spans keep their surface
    form; it also gives each token ``ent``, the label of its entity. :attr:`stemmer` (``None``
    with ``stem=False``) is shared with it.
    """

    name = "text"

    def __init__(self, stem: bool = True) -> None:
        self.vocab = Vocab()
        self.tokenizer = build_tokenizer(self.vocab)
        self.stemmer = Stemmer() if stem else None
        self.stop_words = STOP_WORDS

    def tokenize(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every non-space token of ``text`` (:meth:`offsets` as pairs)."""
        return list(zip(*self.offsets(text)))

    def offsets(self, text: str) -> tuple[array, array]:
        """The start and end offsets of every non-space token of ``text`` (two ``array('q')``).

        Chunks of more than :data:`LONG_CHUNK` characters without whitespace (base64 blobs, lines
        of ``-----``, ``1/1/1/...``) never reach spaCy, whose affix loop copies and re-hashes the
        rest of a chunk for every character it strips (quadratic): they are split by
        :data:`_FALLBACK_TOKEN` instead, into words joined by inner punctuation and runs of one
        punctuation character.
        """
        if len(self.vocab) > MAX_VOCAB:
            self._reset_vocab()
        if _LONG_CHUNK.search(text) is None:
            return self._spacy_offsets(text, 0)
        starts, ends = array("q"), array("q")
        pos = 0
        for chunk in _LONG_CHUNK.finditer(text):
            if chunk.start() > pos:
                s, e = self._spacy_offsets(text[pos : chunk.start()], pos)
                starts += s
                ends += e
            for m in _FALLBACK_TOKEN.finditer(text, chunk.start(), chunk.end()):
                starts.append(m.start())
                ends.append(m.end())
            pos = chunk.end()
        if pos < len(text):
            s, e = self._spacy_offsets(text[pos:], pos)
            starts += s
            ends += e
        return starts, ends

    def _reset_vocab(self) -> None:
        """A fresh vocabulary and tokenizer. spaCy keeps a lexeme (and a tokenizer cache entry)
        for every distinct string it has seen, so over a large corpus both grow without end
        (~100 MB per 7,000 news articles); tokens do not depend on them, so starting afresh
        changes no output and costs ~0.03 s."""
        self.vocab = Vocab()
        self.tokenizer = build_tokenizer(self.vocab)

    def _spacy_offsets(self, text: str, offset: int) -> tuple[array, array]:
        doc = self.tokenizer(text)
        if not len(doc):
            return array("q"), array("q")
        arr = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
        del doc  # the Doc (about 100 bytes per token) is gone before the offsets are kept
        # a token is all whitespace (spaCy keeps runs other than one space) or holds none
        space = str.isspace
        keep = numpy.fromiter((not space(text[s]) for s in arr[:, 0].tolist()), dtype=bool, count=len(arr))
        starts = arr[keep, 0]
        ends = starts + arr[keep, 1]
        del arr, keep
        starts += offset
        ends += offset
        return array("q", starts.tobytes()), array("q", ends.tobytes())

    def process(self, article: Article) -> None:
        text = article.text
        if not text or text.isspace():
            return
        # the token layer is built column by column (``record.Tokens``): no object per token
        starts, ends = self.offsets(text)
        # one string object per distinct token text: repeated words (and repetitive input, where
        # every character may be a token) share it, in the record and while sentences are split
        share = {}.setdefault
        texts = [share(w, w) for w in map(text.__getitem__, map(slice, starts, ends))]
        del share
        sentences = split_sentences(text, starts, ends, texts)
        sentence = array("i")  # split_sentences partitions the words in order
        for si, (_, _, w_lo, w_hi) in enumerate(sentences):
            sentence.extend(repeat(si, w_hi - w_lo))
        distinct = set(texts)
        stop = self.stop_words
        is_stop = dict.fromkeys(distinct, 0)
        for w in distinct:
            if w.lower() in stop:
                is_stop[w] = 1
        clitic = self.stemmer.clitic if self.stemmer else None
        clitics = None
        if clitic is not None:
            of = {w: clitic(w) for w in distinct if len(w) > 4 and w[-1].isalpha()}
            if any(c is not None for c in of.values()):
                get = of.get
                clitics = [get(w) for w in texts]
        del distinct
        n_text = len(text)
        article.sentences = [
            Sentence(s_start, s_end, text[s_start:s_end]) for s_start, s_end, _, _ in sentences
        ]
        article.tokens = Tokens.from_columns(
            starts,
            ends,
            texts,
            sentence=sentence,
            is_stop=bytearray(map(is_stop.__getitem__, texts)),
            clitic=clitics,
            space_after=bytearray(e < n_text and text[e].isspace() for e in ends),
        )


@register_stage("text", requires=("text",), assigns=("tokens", "sentences"), parts=("stems",))
def make_text_stage(stem: bool = True) -> TextStage:
    """Factory of the ``text`` stage (``stem=False`` skips stemming; entity labels are still set
    on tokens)."""
    return TextStage(stem=stem)
