"""The subject of an active reporting verb, read leftwards from the verb (``Kepala BPS Amalia
Adininggar Widyasanti mengatakan``, ``Budi, Ketua RT setempat, mengatakan``); the speaker mention
inside it is chosen by :func:`newsnlp.quotes.speakers.choose`."""

from __future__ import annotations

from .lexicon import Lexicon
from .speakers import NAME_DOTS, Speaker, choose, in_entity
from .view import ArticleView
from .words import Word, is_capitalised, is_word

__all__ = ["subject_before"]


def subject_before(
    view: ArticleView, lex: Lexicon, pos: int, floor: int
) -> tuple[Speaker | None, int, str | None]:
    """The subject of a verb starting at ``pos``, read leftwards no further than ``floor``.

    Returns the speaker (or ``None``), the start of the subject phrase, and ``"coordinated"``
    when a coordinator ends the phrase (``dan``, ``tapi``: the verb shares the subject of the verb
    before) or ``"blocked"`` when the verb is no report (``untuk mengatakan``, ``akan``). A
    relative ``yang`` right before the verb is passed (``Alexander yang mengungkapkan``),
    bracketed words and academic degrees after a name are kept in or skipped.
    """
    limit = lex.limits["subject_words"]
    ws = view.words(max(floor, pos - 30 * limit), pos)
    k = len(ws)
    while k > 0 and is_word(ws[k - 1]) and ws[k - 1].low in lex.subject_adverbs:
        k -= 1
    if k > 0 and ws[k - 1].low in lex.subject_blockers:
        return None, pos, "blocked"
    if k > 0 and ws[k - 1].low == "yang":
        k -= 1
    k = _skip_degrees(ws, k)
    phrase: list[Word] = []
    ended_by: str | None = None
    commas = 0
    while k > 0 and len(phrase) < limit:
        w = ws[k - 1]
        if w.text == ",":
            if phrase and (commas >= 3 or not _apposition_left(view, ws, k - 1, lex)):
                break
            commas += 1
            phrase.insert(0, w)
            k = _skip_degrees(ws, k - 1)
            continue
        if w.text == ")":
            j = k - 1
            while j > 0 and ws[j - 1].text != "(" and k - j < 8:
                j -= 1
            if j == 0 or ws[j - 1].text != "(":
                break
            phrase[0:0] = ws[j - 1 : k]
            k = j - 1
            continue
        if not is_word(w) and w.text != ".":
            break
        if w.text == "." and not (k > 1 and ws[k - 2].low in NAME_DOTS and is_capitalised(ws[k - 2].text)):
            break
        if w.low in lex.subject_boundaries and not in_entity(view, w):
            ended_by = "coordinated" if w.low in lex.coordinators else None
            break
        phrase.insert(0, w)
        k -= 1
    while phrase and phrase[0].text == ",":
        phrase = phrase[1:]
    phrase = _drop_openers(phrase, lex)
    if not phrase:
        return None, pos, ended_by
    return choose(view, lex, phrase, subject=True), phrase[0].start, ended_by


def _skip_degrees(ws: list[Word], k: int) -> int:
    """``k`` moved left over academic degrees written after a name (``, S.Psi., M.Psi.,``)."""
    j = k
    while j > 0:
        i = j
        while i > 0 and ws[i - 1].text == ",":
            i -= 1
        m = i
        while m > 0 and (ws[m - 1].text == "." or (is_word(ws[m - 1]) and len(ws[m - 1].text) <= 4)):
            m -= 1
        chunk = ws[m:i]
        if (
            len(chunk) >= 3
            and chunk[-1].text == "."
            and sum(w.text == "." for w in chunk) >= 2
            and m > 0
            and ws[m - 1].text == ","
        ):
            j = m
            continue
        break
    return j


def _apposition_left(view: ArticleView, ws: list[Word], comma: int, lex: Lexicon) -> bool:
    """Whether the words left of a comma may still belong to the subject (an apposition such as
    ``Budi, Ketua RT setempat, mengatakan``) rather than an opening adjunct (``Senin (1/7),``)."""
    if comma == 0:
        return False
    w = ws[comma - 1]
    if w.text == ")":
        return True
    return is_word(w) and ((is_capitalised(w.text) and not view.ordinary(w)) or w.low in lex.unnamed_heads)


def _drop_openers(phrase: list[Word], lex: Lexicon) -> list[Word]:
    """Without sentence openers and opening adjuncts (``Sementara itu,``, ``Saat dihubungi,``)."""
    lows = [w.low for w in phrase]
    changed = True
    while changed and phrase:
        changed = False
        for op in lex.openers:
            n = len(op)
            if tuple(lows[:n]) == op:
                phrase, lows = phrase[n:], lows[n:]
                while phrase and not is_word(phrase[0]):
                    phrase, lows = phrase[1:], lows[1:]
                changed = True
                break
    return phrase
