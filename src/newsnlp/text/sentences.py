"""Rule-based sentence segmentation for Indonesian news over tokenized text.

Rules, in order of strength:

1. A line break of any kind (every boundary of :mod:`newsnlp.lines`: ``\n``, ``\r``, VT, FF,
   ``\x1c``-``\x1e``, NEL, U+2028, U+2029) ends a sentence, so that no sentence runs across a line
   that the other stages treat as ended; headings, captions, bylines and list items without a final
   stop are sentences of their own.
2. A terminal token (``.``, ``!``, ``?``, ``…``, ``...``), with any closing quotes or brackets after
   it, ends a sentence when the next word starts with an upper-case letter, a digit or an opening
   quote or bracket; but the period of a numbered list item at the start of a line (``1. Gunung
   Bunder``) ends none.
3. No split inside brackets (``(BBC INDONESIA)``, ``(Red. Budi. Foto: Ant.)``), nor inside a
   quotation that continues after its closing mark (``"Kami siap. Kami datang," kata dia.``).
   Abbreviations (``Prof.``, ``dkk.``), initials (``B. J. Habibie``) and decimal numbers are single
   tokens, so they never look like a sentence end.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence

from spacy.lang.id.stop_words import STOP_WORDS

from ..lines import LINE_BREAK_CLASS
from .resources import final_abbreviations, root_words, stem_table

__all__ = ["split_sentences"]

_TERMINAL = re.compile(r"[.!?…]+|[.!?…]*[!?][.!?…]*")
_TERMINAL_CHARS = frozenset(".!?…")
_LINE_BREAK = re.compile(LINE_BREAK_CLASS + "+")
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»", "}"})
_OPEN_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSE_BRACKETS = frozenset({")", "]", "}"})
_QUOTES = frozenset({'"', "“", "”"})
_MAX_BRACKET_SPAN = 400  # characters: a bracket left open longer than this is a stray


def _starts_sentence(word: str) -> bool:
    ch = word[0]
    return (
        ch.isupper()
        or ch.isdigit()
        or ch in "\"“‘'([«"
        or (not ch.isalpha() and not ch.isspace() and ch not in ",;:.-)]")
    )


def split_sentences(
    text: str, starts: Sequence[int], ends: Sequence[int], texts: list[str] | None = None
) -> list[tuple[int, int, int, int]]:
    """Split ``text`` tokenised into words (``starts`` and ``ends``: the offsets of each non-space
    token, in order; ``texts``: the token strings, when the caller has them already).

    Returns ``(char_start, char_end, first_word, last_word_exclusive)`` for each sentence: they
    cover every word, in order.
    """
    n = len(starts)
    if n == 0:
        return []
    if texts is None:
        texts = [text[s:e] for s, e in zip(starts, ends)]
    boundary = [False] * n  # boundary[i]: a sentence starts at word i
    boundary[0] = True

    # Pass 1: every line break between consecutive words (found with one scan of the text).
    for m in _LINE_BREAK.finditer(text):
        i = bisect_left(starts, m.end())
        if 0 < i < n and ends[i - 1] <= m.start():
            boundary[i] = True

    # Pass 2: protected zones (brackets, continuing quotations) within each paragraph.
    protected = [False] * n
    closing: set[int] = set()  # quote marks that close a quotation (spaced or not)
    para_start = 0
    for i in range(1, n + 1):
        if i == n or boundary[i]:
            _protect(texts, starts, ends, para_start, i, protected, closing)
            para_start = i

    # Pass 3: terminal punctuation, and abbreviations that can close a sentence.
    final_abbr = final_abbreviations()
    i = 0
    while i < n:
        tok = texts[i]
        if tok[0] in _TERMINAL_CHARS and _TERMINAL.fullmatch(tok) and not protected[i]:
            if tok == "." and _list_number(text, starts, ends, texts, i):
                i += 1
                continue
            j = i + 1
            # closing quotes and brackets, and more marks (``?!``, ``? ?``), stay with this end; in
            # pre-tokenized text (``kata dia . "``) they follow after a space
            while j < n and not boundary[j]:
                nxt = texts[j]
                if nxt in _CLOSERS:
                    if not (_glued(starts, ends, j) or j in closing):
                        break
                elif not (_TERMINAL.fullmatch(nxt) and _same_line(text, starts, ends, j)):
                    break
                j += 1
            if j < n and not boundary[j]:
                nxt = texts[j]
                if _starts_sentence(nxt) or (tok == "." and nxt[0].isalpha() and _word_before(texts, i)):
                    # a lone period (abbreviations keep theirs inside the token) ends a sentence
                    # even before a lower-case word, as sloppy news copy often has
                    boundary[j] = True
            i = j
            continue
        if tok[-1] == "." and tok in final_abbr and not protected[i]:
            j = i + 1
            while j < n and texts[j] in _CLOSERS and not boundary[j] and _glued(starts, ends, j):
                j += 1
            k = j  # the word itself, or the word right after an opening quote
            if k + 1 < n and texts[k] in ('"', "“") and _glued(starts, ends, k + 1):
                k += 1
            if j < n and not boundary[j] and _ordinary_capitalised(texts[k]):
                boundary[j] = True
        i += 1

    out: list[tuple[int, int, int, int]] = []
    start_word = 0
    for i in range(1, n + 1):
        if i == n or boundary[i]:
            out.append((starts[start_word], ends[i - 1], start_word, i))
            start_word = i
    return out


def _list_number(text: str, starts: Sequence[int], ends: Sequence[int], texts: list[str], i: int) -> bool:
    """True when the period at word ``i`` closes the number of a numbered list item at the start of
    a line (``1. Gunung Bunder``, or ``1 . Gunung Bunder`` in pre-tokenized text): a list marker,
    not a sentence end."""
    if i == 0 or not (
        texts[i - 1].isdigit() and len(texts[i - 1]) <= 3 and _same_line(text, starts, ends, i)
    ):
        return False
    return i == 1 or not _same_line(text, starts, ends, i - 1)


def _ordinary_capitalised(word: str) -> bool:
    """True for a capitalised ordinary word (``Konon``, ``Perusahaan``), not a name or initial."""
    if not (word[0].isupper() and word[1:].islower()):
        return False
    low = word.lower()
    roots = root_words()
    return low in STOP_WORDS or low in roots or stem_table().get(low, "") in roots


def _word_before(texts: list[str], i: int) -> bool:
    """True when the token before position ``i`` is a word of two or more letters."""
    return i > 0 and len(texts[i - 1]) >= 2 and texts[i - 1][-1].isalnum()


def _same_line(text: str, starts: Sequence[int], ends: Sequence[int], j: int) -> bool:
    """True when word ``j`` follows word ``j-1`` on the same line (glued or after spaces)."""
    return _LINE_BREAK.search(text, ends[j - 1], starts[j]) is None


def _glued(starts: Sequence[int], ends: Sequence[int], j: int) -> bool:
    """True when word ``j`` follows word ``j-1`` with no space (a closing quote or bracket)."""
    return starts[j] == ends[j - 1]


def _protect(
    texts: list[str],
    starts: Sequence[int],
    ends: Sequence[int],
    lo: int,
    hi: int,
    protected: list[bool],
    closing: set[int],
) -> None:
    """Mark words of paragraph ``[lo, hi)`` inside brackets or continuing quotations, and add the
    quote marks that close a quotation to ``closing``."""
    # the open brackets as two stacks (the closer each expects, where it opened): no tuple per
    # bracket, as a text of brackets that never close (``"([{"`` repeated) would keep 100 bytes
    # for each
    closers: list[str] = []
    opened_at = array("q")
    for i in range(lo, hi):
        t = texts[i]
        if t in _OPEN_BRACKETS:
            closers.append(_OPEN_BRACKETS[t])
            opened_at.append(i)
        elif t in _CLOSE_BRACKETS and closers and closers[-1] == t:
            closers.pop()
            opened = opened_at.pop()
            if ends[i] - starts[opened] <= _MAX_BRACKET_SPAN:
                for k in range(opened + 1, i):
                    protected[k] = True
    # Quotations: pair quote marks in order; a pair "continues" when a comma or a lower-case word
    # follows the closing mark, or a comma precedes it ("...," kata dia).
    for a, b in _quote_pairs(texts, starts, ends, lo, hi):
        closing.add(b)
        after = texts[b + 1] if b + 1 < hi else ""
        before = texts[b - 1] if b - 1 > a else ""
        continues = before in (",", "-", "—") or (after and (after[0].islower() or after in (",", "-", "—")))
        if continues:
            for k in range(a + 1, b):
                protected[k] = True


def _quote_pairs(
    texts: list[str], starts: Sequence[int], ends: Sequence[int], lo: int, hi: int
) -> list[tuple[int, int]]:
    """Pair quotation marks in order. Curly quotes say which side they are; a straight quote opens
    when a space precedes it and closes otherwise. A quotation open for more than
    ``_MAX_BRACKET_SPAN`` characters is a stray mark and is dropped."""
    pairs = []
    opened: int | None = None
    for i in range(lo, hi):
        t = texts[i]
        if t not in _QUOTES:
            continue
        if t == "“":
            is_open = True
        elif t == "”":
            is_open = False
        else:
            spaced_before = i == lo or starts[i] > ends[i - 1]
            spaced_after = i + 1 >= hi or starts[i + 1] > ends[i]
            is_open = opened is None if spaced_before == spaced_after else spaced_before
        if is_open:
            opened = i
        elif opened is not None:
            if ends[i] - starts[opened] <= _MAX_BRACKET_SPAN:
                pairs.append((opened, i))
            opened = None
    return pairs
