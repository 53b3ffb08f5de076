"""Speaker mentions: the words naming the source of a quote, next to its cue.

Two readings, both local (a few words on one line):

- :func:`speaker_after`: the phrase after a postposed cue, ``menurut``, a passive's agent or a
  noun of saying (``kata Kapuspen TNI, Mayjen TNI Kristomei Sianturi kepada wartawan``);
- :func:`subject_before`: the subject before an active cue (``Kepala BPS Amalia Adininggar
  Widyasanti mengatakan``, ``Budi, Ketua RT setempat, mengatakan``).

Both end in :func:`choose`, which picks the mention inside the phrase, as the guidelines want it:
a pronoun; else a person's name without its title (an entity mention, widened over the capitalised
words next to it, or the capitalised words left once titles and organisations are stripped);
else an organisation; else a title or role alone (``Kepala Dinas Kesehatan DKI Jakarta``); else the
noun phrase of an unnamed source or a document (``seorang warga``, ``organisasi tersebut``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Entity
from .lexicon import Lexicon
from .view import ArticleView, Word, is_capitalised, is_word, words

__all__ = ["Speaker", "choose", "speaker_after", "subject_before"]

#: Kinds of speaker mention.
NAME, ORG, TITLE, PRONOUN, CLITIC, SOURCE = "name", "org", "title", "pronoun", "clitic", "source"
_NAME_DOTS = frozenset({"m", "h", "hj", "dr", "prof", "ir", "st", "s", "a", "muh", "moh", "mr", "mrs", "ms", "jr", "kh"})


@dataclass
class Speaker:
    """A speaker mention ``[start, end)`` of one kind (``name``, ``org``, ``title``, ``pronoun``,
    ``clitic``, ``source``); ``entity`` is the entity mention it lies on, if any."""

    start: int
    end: int
    kind: str
    entity: Entity | None = None
    #: For ``source``: a demonstrative makes it refer back (``organisasi tersebut``).
    anaphoric: bool = False
    #: For ``source``: its head names an organisation (``klub``, ``organisasi``).
    organisation: bool = False


def _segments(ws: list[Word]) -> list[list[Word]]:
    out: list[list[Word]] = [[]]
    for w in ws:
        if w.text == ",":
            out.append([])
        else:
            out[-1].append(w)
    return [s for s in out if s]


def _strip_phrase(ws: list[Word], phrases, i: int) -> int:
    """Index after the longest phrase of ``phrases`` starting at ``ws[i]`` (``i`` when none)."""
    for p in phrases:
        n = len(p)
        if i + n <= len(ws) and tuple(w.low.rstrip(".") for w in ws[i : i + n]) == p:
            return i + n
    return i


def _entity_at(ents: list[Entity], w: Word) -> Entity | None:
    for e in ents:
        if e.start <= w.start and w.end <= e.end:
            return e
    return None


def _cap_run(ws: list[Word], lex: Lexicon) -> tuple[int, int]:
    """The first run of capitalised words (name particles and initials' dots inside)."""
    i = 0
    while i < len(ws) and not (is_word(ws[i]) and is_capitalised(ws[i].text)):
        i += 1
    j = i
    while j < len(ws):
        w = ws[j]
        if is_word(w) and is_capitalised(w.text):
            j += 1
        elif w.text == "." and j > i and ws[j - 1].low in _NAME_DOTS:
            j += 1
        elif w.low in lex.name_particles and j > i and j + 1 < len(ws) and is_capitalised(ws[j + 1].text):
            j += 1
        else:
            break
    return i, j


def _strip_roles(ws: list[Word], ents: list[Entity], lex: Lexicon) -> tuple[int, bool]:
    """Index of the first word after the leading titles, ranks, organisations and places of a
    capitalised run, and whether a title was among them."""
    i, titled, org_head = 0, False, False
    while i < len(ws):
        j = _strip_phrase(ws, lex.titles, i)
        if j > i:
            i, titled = j, True
            if i < len(ws) and ws[i].text == ".":
                i += 1
            continue
        w = ws[i]
        e = _entity_at(ents, w)
        if e is not None and e.label != "PER":
            i += 1
            continue
        if w.low in lex.org_heads:
            org_head = True
            i += 1
            continue
        if titled and org_head and e is None:
            i += 1  # Kepala Dinas Kesehatan ...: the rest names the office
            continue
        if w.text.isupper() and len(w.text) <= 6 and i + 1 < len(ws):
            i += 1  # Mayjen TNI Kristomei: an acronym between a rank and a name
            continue
        break
    return i, titled


def choose(view: ArticleView, lex: Lexicon, ws: list[Word], *, subject: bool = False) -> Speaker | None:
    """The speaker mention inside the phrase ``ws`` (words and punctuation; commas separate
    appositions). ``subject``: the phrase stands before its verb (the segment next to the verb is
    read first)."""
    segs = _segments(ws)
    if not segs:
        return None
    order = list(reversed(segs)) if subject else segs
    fallback: Speaker | None = None
    for k, seg in enumerate(order):
        found = _choose_segment(view, lex, seg)
        if found is None:
            if k == 0:
                return None
            break
        if found.kind in (NAME, PRONOUN):
            return found
        if fallback is None:
            fallback = found
        if found.kind not in (TITLE, SOURCE):
            break
        if not subject and k + 1 < len(order) and not is_capitalised(order[k + 1][0].text):
            break
    return fallback


def _choose_segment(view: ArticleView, lex: Lexicon, seg: list[Word]) -> Speaker | None:
    seg = [w for w in seg if is_word(w) or w.text == "."]
    while seg and not is_word(seg[0]):
        seg = seg[1:]
    while seg and not is_word(seg[-1]):
        seg = seg[:-1]
    if not seg:
        return None
    if len(seg) == 1 and (seg[0].low in lex.person_pronouns or seg[0].low in lex.group_pronouns):
        return Speaker(seg[0].start, seg[0].end, PRONOUN)
    ents = view.entities_in(seg[0].start, seg[-1].end)
    pers = [e for e in ents if e.label == "PER" and e.start >= seg[0].start and e.end <= seg[-1].end]
    if pers:
        e = pers[-1]
        if e.title or e.role:
            return Speaker(*_widen(seg, e.start, e.end, ents, lex, left=False), NAME, e)
        return Speaker(*_widen(seg, e.start, e.end, ents, lex), NAME, e)
    i, j = _cap_run(seg, lex)
    if i == j:
        return _source(seg, lex)
    run = seg[i:j]
    k, titled = _strip_roles(run, ents, lex)
    if k < len(run) and (j == len(seg) or not titled):
        e = _entity_at(ents, run[k])
        if e is not None and e.label == "PER":
            return Speaker(e.start, e.end, NAME, e)
        return Speaker(run[k].start, run[-1].end, NAME)
    if titled:
        return Speaker(run[0].start, run[-1].end, TITLE)
    orgs = [e for e in ents if e.start >= run[0].start and e.end <= run[-1].end]
    if orgs:
        e = orgs[0]
        return Speaker(e.start, e.end, ORG, e)
    if len(run) == len(seg) or i == 0:
        return Speaker(run[0].start, run[-1].end, ORG if run[0].text.isupper() else NAME)
    return _source(seg, lex)


def _widen(
    seg: list[Word], start: int, end: int, ents: list[Entity], lex: Lexicon, left: bool = True
) -> tuple[int, int]:
    """A person mention widened over the capitalised words next to it that are no title and no
    other entity (``Mayjen TNI Kristomei [Sianturi]`` -> ``Kristomei Sianturi``)."""
    idx = [k for k, w in enumerate(seg) if start <= w.start < end]
    if not idx:
        return start, end
    a, b = idx[0], idx[-1]
    while left and a > 0:
        w = seg[a - 1]
        if not (is_word(w) and is_capitalised(w.text)) or w.text.isupper() or w.low in lex.title_words:
            break
        if w.low in lex.org_heads:
            break
        if _entity_at(ents, w) is not None:
            break
        a -= 1
    while b + 1 < len(seg):
        w = seg[b + 1]
        if not (is_word(w) and is_capitalised(w.text)) or _entity_at(ents, w) is not None:
            break
        b += 1
    return seg[a].start, seg[b].end


def _source(seg: list[Word], lex: Lexicon) -> Speaker | None:
    """A noun phrase of an unnamed source or a document (``seorang warga``, ``laporan itu``)."""
    head = seg[0].low
    if head in lex.subject_blockers or head in lex.predicate_markers and head not in lex.unnamed_heads:
        return None
    if lex.looks_like_verb(head) and head not in lex.unnamed_heads:
        return None
    lows = [w.low for w in seg]
    anaphoric = any(tuple(lows[k : k + len(d)]) == d for d in lex.demonstratives for k in range(len(lows)))
    if head not in lex.unnamed_heads and not anaphoric and not any(w in lex.unnamed_heads for w in lows[:3]):
        return None
    organisation = any(w in lex.organisation_heads for w in lows[:2])
    return Speaker(seg[0].start, seg[-1].end, SOURCE, anaphoric=anaphoric, organisation=organisation)


def speaker_after(view: ArticleView, lex: Lexicon, pos: int, *, to_comma: bool = False) -> tuple[Speaker | None, int]:
    """The speaker phrase starting at ``pos`` (after a cue) and where the phrase ends.

    The phrase stops at punctuation ending a clause, at an adjunct word (``saat``, ``kepada``,
    a day name), after ``speaker_words`` words, or at a comma unless a capitalised apposition
    follows a title (``kata Kapolda, Irjen Budi``). ``to_comma``: read up to the first comma
    (``Menurut X, ...``), adjunct words included, and choose in what comes before them.
    """
    text = view.text
    _, line_end = view.line(pos)
    limit = lex.limits["speaker_words"]
    ws = words(text, pos, min(line_end, pos + 40 * limit))
    phrase: list[Word] = []
    count = 0
    stopped = False
    for w in ws:
        t = w.text
        if t == ",":
            if to_comma:
                break
            phrase.append(w)
            continue
        if t == "." and phrase and phrase[-1].low in _NAME_DOTS and is_capitalised(phrase[-1].text):
            phrase.append(w)
            continue
        if not is_word(w):
            break
        if stopped:
            if to_comma:
                count += 1
                if count > 2 * limit:
                    return None, pos
                continue
            break
        if w.low in lex.speaker_stops and not (_in_entity(view, w)):
            stopped = True
            if to_comma:
                continue
            break
        phrase.append(w)
        count += 1
        if count >= limit and not to_comma:
            break
    while phrase and phrase[-1].text == ",":
        phrase.pop()
    if not to_comma:
        phrase = _first_apposition(phrase, lex)
    if not phrase:
        return None, pos
    return choose(view, lex, phrase), phrase[-1].end


def _in_entity(view: ArticleView, w: Word) -> bool:
    return any(e.start <= w.start and w.end <= e.end for e in view.entities_in(w.start, w.end))


def _first_apposition(phrase: list[Word], lex: Lexicon) -> list[Word]:
    """Keep a comma and what follows only when it goes on naming the speaker (a capitalised word)."""
    out: list[Word] = []
    for k, w in enumerate(phrase):
        if w.text == ",":
            nxt = phrase[k + 1] if k + 1 < len(phrase) else None
            if nxt is None or not is_capitalised(nxt.text):
                break
        out.append(w)
    return out


def subject_before(
    view: ArticleView, lex: Lexicon, pos: int, floor: int
) -> tuple[Speaker | None, int, str | None]:
    """The subject of a verb starting at ``pos``, read leftwards no further than ``floor``.

    Returns the speaker (or ``None``), the start of the subject phrase, and the word that ended
    the phrase on its left when it is a coordinator (``dan``, ``tapi``: the verb shares the
    subject of the verb before) or a blocker (``untuk``, ``akan``: no report).
    """
    text = view.text
    limit = lex.limits["subject_words"]
    ws = words(text, max(floor, pos - 30 * limit), pos)
    k = len(ws)
    while k > 0 and is_word(ws[k - 1]) and ws[k - 1].low in lex.subject_adverbs:
        k -= 1
    if k > 0 and ws[k - 1].low in lex.subject_blockers:
        return None, pos, "blocked"
    end_k = k
    phrase: list[Word] = []
    ended_by: str | None = None
    commas = 0
    while k > 0 and len(phrase) < limit:
        w = ws[k - 1]
        if w.text == ",":
            if phrase and (commas >= 2 or not _apposition_left(ws, k - 1, lex)):
                break
            commas += 1
            phrase.insert(0, w)
            k -= 1
            continue
        if not is_word(w) and w.text != ".":
            break
        if w.text == "." and not (k > 1 and ws[k - 2].low in _NAME_DOTS and is_capitalised(ws[k - 2].text)):
            break
        if w.low in lex.subject_boundaries and not _in_entity(view, w):
            if w.low == "yang" and not phrase:
                # the verb heads a relative clause: "X yang mengatakan"
                return None, pos, "blocked"
            ended_by = "coordinated" if w.low in lex.coordinators else None
            break
        phrase.insert(0, w)
        k -= 1
    if not phrase:
        return None, pos, ended_by
    phrase = _drop_openers(phrase, lex)
    if not phrase:
        return None, pos, ended_by
    del end_k
    return choose(view, lex, phrase, subject=True), phrase[0].start, ended_by


def _apposition_left(ws: list[Word], comma: int, lex: Lexicon) -> bool:
    """Whether the words left of a comma may still belong to the subject (an apposition such as
    ``Budi, Ketua RT setempat, mengatakan``) rather than an opening adjunct (``Senin (1/7),``)."""
    if comma == 0:
        return False
    w = ws[comma - 1]
    return is_word(w) and (is_capitalised(w.text) or w.low in lex.unnamed_heads)


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
