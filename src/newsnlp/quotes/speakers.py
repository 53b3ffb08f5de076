"""Speaker mentions: the words naming the source of a quote, next to its cue.

Two readings, both local (a few words on one line):

- :func:`speaker_after`: the phrase after a postposed cue, ``menurut``, a passive's agent or a
  noun of saying (``kata Kapuspen TNI, Mayjen TNI Kristomei Sianturi kepada wartawan``);
- :func:`~newsnlp.quotes.subjects.subject_before`: the subject before an active cue (``Kepala
  BPS Amalia Adininggar Widyasanti mengatakan``, ``Budi, Ketua RT setempat, mengatakan``).

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
from .view import ArticleView
from .words import Word, is_capitalised, is_word

__all__ = ["Speaker", "choose", "in_entity", "speaker_after"]

#: Kinds of speaker mention.
NAME, ORG, TITLE, PRONOUN, CLITIC, SOURCE = "name", "org", "title", "pronoun", "clitic", "source"
NAME_DOTS = frozenset(
    {"m", "h", "hj", "dr", "prof", "ir", "st", "s", "a", "muh", "moh", "mr", "mrs", "ms", "jr", "kh"}
)


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
    #: For ``source``: its head names a document or a post (``laporan itu``, ``unggahan``).
    document: bool = False
    #: The phrase held a title or role (``Kapuspen TNI``): an apposition may name the person.
    role: bool = False


def _segments(ws: list[Word]) -> list[list[Word]]:
    out: list[list[Word]] = [[]]
    for w in ws:
        if w.text == ",":
            out.append([])
        else:
            out[-1].append(w)
    return [s for s in out if s]


def _strip_phrase(ws: list[Word], phrases: dict[str, tuple[tuple[str, ...], ...]], i: int) -> int:
    """Index after the longest phrase of ``phrases`` (indexed by first word) starting at ``ws[i]``
    (``i`` when none)."""
    if i >= len(ws):
        return i
    for p in phrases.get(ws[i].low.rstrip("."), ()):
        n = len(p)
        if i + n <= len(ws) and tuple(w.low.rstrip(".") for w in ws[i : i + n]) == p:
            return i + n
    return i


def _entity_at(ents: list[Entity], w: Word) -> Entity | None:
    for e in ents:
        if e.start <= w.start and w.end <= e.end:
            return e
    return None


def _is_cap(w: Word) -> bool:
    return is_word(w) and is_capitalised(w.text)


def _cap_run(view: ArticleView, ws: list[Word], lex: Lexicon) -> tuple[int, int]:
    """The first run of capitalised words (name particles, initials' dots and bracketed acronyms
    inside), leading ordinary words written with a capital (``Selain``, ``Secara``) left out."""
    i = 0
    while i < len(ws) and not (
        _is_cap(ws[i])
        and (ws[i].low in lex.title_words or not view.ordinary(ws[i]) or in_entity(view, ws[i]))
    ):
        i += 1
    j = i
    while j < len(ws):
        w = ws[j]
        if _is_cap(w):
            j += 1
        elif w.text == "." and j > i and ws[j - 1].low in NAME_DOTS:
            j += 1
        elif w.low in lex.name_particles and j > i and j + 1 < len(ws) and _is_cap(ws[j + 1]):
            j += 1
        elif w.text == "(" and j > i and j + 2 < len(ws) and _is_cap(ws[j + 1]) and ws[j + 2].text == ")":
            j += 3
        else:
            break
    return i, j


def _roles_end(
    view: ArticleView, run: list[Word], ents: list[Entity], lex: Lexicon
) -> tuple[int, bool, Entity | None]:
    """Index just after the last word of role material in a capitalised run (titles, ranks,
    organisation heads and names, places, acronyms, ordinary words written with a capital,
    bracketed acronyms), whether a title was among it, and the last non-person entity in it.
    What follows is a person's name (``Kepala BBMKG Wilayah II Tangerang Selatan | Hartanto``)."""
    k, last, titled, entity = 0, 0, False, None
    while k < len(run):
        j = _strip_phrase(run, lex.titles, k)
        if j > k:
            titled, k = True, j
            last = k
            continue
        w = run[k]
        e = _entity_at(ents, w)
        if e is not None and e.label != "PER" and e.source != "model":
            entity = e
            while k < len(run) and run[k].start < e.end:
                k += 1
            last = k
            continue
        if (e is None or e.label != "PER") and (
            w.low in lex.org_heads
            or not is_word(w)
            or (w.text.isupper() and len(w.text) > 1)
            or (k + 1 < len(run) and (view.ordinary(w) or w.low in view.place_org_words))
        ):
            last = k + 1
        k += 1
    return last, titled, entity


def choose(view: ArticleView, lex: Lexicon, ws: list[Word], *, subject: bool = False) -> Speaker | None:
    """The speaker mention inside the phrase ``ws`` (words and punctuation; commas separate
    appositions). A name wins; a title, a role or an unnamed source gives way to a name in
    apposition (``Kapuspen TNI, Mayjen TNI Kristomei Sianturi``; ``Budi, Ketua RT setempat,``).
    ``subject``: the phrase stands before its verb (the segment next to the verb is read first,
    segments opening with a preposition are passed over)."""
    segs = [_drop_coordinator(seg, lex) for seg in _segments(ws)[:5]]
    segs = [seg for seg in segs if seg]
    order = list(reversed(segs)) if subject else segs
    first: Speaker | None = None
    other: Speaker | None = None
    for k, seg in enumerate(order):
        if subject and seg[0].low in lex.speaker_stops and not is_capitalised(seg[0].text):
            continue
        if first is not None and not is_capitalised(seg[0].text):
            if subject and seg[0].low in lex.unnamed_heads:
                continue  # Budi, warga Pulogadung, Jakarta Timur, mengaku: a description
            break
        found = _choose_segment(view, lex, seg)
        if found is None:
            if first is None and k == 0:
                return None
            break
        if first is None:
            first = found
            if found.kind in (NAME, PRONOUN, CLITIC) or not (found.kind in (TITLE, SOURCE) or found.role):
                return found
            continue
        if found.kind == NAME:
            return found
        if other is None and found.kind == ORG:
            other = found
    return other or first


def _drop_coordinator(seg: list[Word], lex: Lexicon) -> list[Word]:
    while seg and seg[0].low in lex.coordinators:
        seg = seg[1:]
    return seg


def _choose_segment(view: ArticleView, lex: Lexicon, seg: list[Word]) -> Speaker | None:
    seg = [w for w in seg if is_word(w) or w.text in ".()"]
    while seg and not is_word(seg[0]):
        seg = seg[1:]
    while seg and not (is_word(seg[-1]) or seg[-1].text == ")"):
        seg = seg[:-1]
    if not seg:
        return None
    if len(seg) == 1 and (seg[0].low in lex.person_pronouns or seg[0].low in lex.group_pronouns):
        return Speaker(seg[0].start, seg[0].end, PRONOUN)
    ents = view.entities_in(seg[0].start, seg[-1].end)
    pers = [e for e in ents if e.label == "PER" and e.start >= seg[0].start and e.end <= seg[-1].end]
    if pers:
        e = pers[-1]
        if _organisation_named(seg, e, lex):
            return Speaker(e.start, e.end, ORG, e, role=True)
        start, end = _widen(view, seg, e, ents, lex)
        start = trim_name(view, lex, view.text, max(start, seg[0].start), min(end, seg[-1].end))
        return Speaker(start, min(end, seg[-1].end), NAME, e)
    i, j = _cap_run(view, seg, lex)
    if i == j:
        return _source(view, seg, lex)
    if i == 0 and j == 1 and seg[0].low in lex.unnamed_heads and len(seg) > 1:
        return _source(view, seg, lex)
    found = _choose_run(view, lex, seg, seg[i:j], ents)
    if (
        found is not None
        and found.kind == ORG
        and i > 0
        and seg[0].low in lex.unnamed_heads
        and seg[0].low not in lex.document_heads
    ):
        return _source(view, seg, lex)  # warga Jakarta Timur: a description, not the source
    if found is not None and found.kind == TITLE and j < len(seg):
        i2, j2 = _cap_run(view, seg[j:], lex)
        if j2 > i2:  # Ketua partai Budi Santoso: a name after the role
            later = _choose_run(view, lex, seg, seg[j + i2 : j + j2], ents)
            if later is not None and later.kind == NAME:
                return later
    return found


def _organisation_named(seg: list[Word], e: Entity, lex: Lexicon) -> bool:
    """Whether a mention the entity stage labelled a person names an organisation: it follows an
    organisation noun (``tim Aspar``, ``klub Persib``) or opens with an acronym of three capitals
    or more before other words (``BBMKG Wilayah II``); a name in apposition then names the speaker."""
    k = next((i for i, w in enumerate(seg) if w.start >= e.start), 0)
    if k > 0 and seg[k - 1].low in lex.organisation_heads and not is_capitalised(seg[k - 1].text):
        return True
    first = e.text.split()
    return (
        len(first) > 1
        and len(first[0]) >= 3
        and first[0].isupper()
        and not all(w.isupper() for w in first)
        and first[0].lower() not in lex.title_words
    )


def _choose_run(
    view: ArticleView, lex: Lexicon, seg: list[Word], run: list[Word], ents: list[Entity]
) -> Speaker | None:
    """The speaker in one run of capitalised words of a segment."""
    k, titled, entity = _roles_end(view, run, ents, lex)
    if k < len(run) and not all(w.low in view.place_org_words for w in run[k:]):
        return Speaker(run[k].start, run[-1].end, NAME)
    if k < len(run) and not titled:
        first = next((n for n, w in enumerate(run) if w.text.isupper() or w.low in lex.org_heads), k)
        return Speaker(run[first].start, run[-1].end, ORG)
    if titled and (entity is None or entity.end < run[-1].end or entity.label not in ("LOC", "PRODUCT")):
        first = next(n for n, w in enumerate(run) if _strip_phrase(run, lex.titles, n) > n)
        return Speaker(run[first].start, run[-1].end, TITLE, role=True)
    if entity is not None:
        start, end = max(entity.start, run[0].start), min(entity.end, run[-1].end)
        # a place alone gives way to a name in apposition (Budi, warga Pulogadung, Jakarta Timur)
        return Speaker(start, end, ORG, entity, role=titled or entity.label == "LOC")
    if any(w.text.isupper() and len(w.text) > 1 for w in run):
        return Speaker(run[0].start, run[-1].end, ORG)
    return _source(view, seg, lex)


def trim_name(view: ArticleView, lex: Lexicon, text: str, start: int, end: int) -> int:
    """Start of a person's name inside a mention that also holds the role before it (an entity
    span such as ``Kantor SAR Jakarta Desiana Kartika Bahari``): titles, organisation heads,
    acronyms, ordinary words and words of the article's places and organisations are left out,
    two words at least are kept."""
    ws = [w for w in view.words(start, end) if is_word(w)]
    cut = 0
    for k, w in enumerate(ws[:-2]):
        if (
            w.low in lex.title_words
            or w.low in lex.org_heads
            or (w.text.isupper() and len(w.text) > 1)
            or view.ordinary(w)
            or w.low in view.place_org_words
        ):
            cut = k + 1
    return ws[cut].start if ws else start


def _widen(
    view: ArticleView, seg: list[Word], e: Entity, ents: list[Entity], lex: Lexicon
) -> tuple[int, int]:
    """A person mention widened over the capitalised words next to it that are no title, no other
    entity and no ordinary word (``Mayjen TNI Kristomei [Sianturi]`` -> ``Kristomei Sianturi``);
    not leftwards when the entity stage gave the mention a title (``Menteri Perdagangan [Budi]``)."""
    idx = [k for k, w in enumerate(seg) if e.start <= w.start < e.end]
    if not idx:
        return e.start, e.end
    a, b = idx[0], idx[-1]
    while not (e.title or e.role) and a > 0:
        w = seg[a - 1]
        if not _is_cap(w) or w.text.isupper() or w.low in lex.title_words or w.low in lex.org_heads:
            break
        if _entity_at(ents, w) is not None or view.ordinary(w):
            break
        a -= 1
    while b + 1 < len(seg):
        w = seg[b + 1]
        if not _is_cap(w) or _entity_at(ents, w) is not None or view.ordinary(w):
            break
        b += 1
    return seg[a].start, seg[b].end


def _source(view: ArticleView, seg: list[Word], lex: Lexicon) -> Speaker | None:
    """A noun phrase of an unnamed source or a document (``seorang warga``, ``laporan itu``),
    from its head word on."""
    seg = [w for w in seg if is_word(w)]
    if not seg:
        return None
    head = seg[0].low
    if head in lex.subject_blockers or (head in lex.predicate_markers and head not in lex.unnamed_heads):
        return None
    if lex.looks_like_verb(head) and head not in lex.unnamed_heads:
        return None
    lows = [w.low for w in seg]
    anaphoric = any(tuple(lows[k : k + len(d)]) == d for d in lex.demonstratives for k in range(len(lows)))
    first = next((k for k, w in enumerate(lows[:3]) if w in lex.unnamed_heads), None)
    if first is None and not anaphoric:
        return None
    organisation = any(w in lex.organisation_heads for w in lows[:3])
    document = any(w in lex.document_heads for w in lows[:3])
    start = seg[first].start if first is not None else seg[0].start
    return Speaker(
        start, seg[-1].end, SOURCE, anaphoric=anaphoric, organisation=organisation, document=document
    )


def speaker_after(
    view: ArticleView, lex: Lexicon, pos: int, *, to_comma: bool = False
) -> tuple[Speaker | None, int]:
    """The speaker phrase starting at ``pos`` (after a cue) and where the phrase ends.

    The phrase stops at punctuation ending a clause, at an adjunct word (``saat``, ``kepada``,
    a day name), after ``speaker_words`` words (``speaker_lower_words`` in lower case), or at a
    comma unless a capitalised apposition follows (``kata Kapolda, Irjen Budi``; ``jelas dokter
    di Mayo Clinic, Bhanu Kolla,``). ``to_comma``: the phrase is all that comes before the first
    comma (``Menurut X, ...``), and the speaker is chosen in what precedes an adjunct word.
    """
    _, line_end = view.line(pos)
    limit, lower_limit = lex.limits["speaker_words"], lex.limits["speaker_lower_words"]
    ws = view.words(pos, min(line_end, pos + 20 * limit))
    phrase: list[Word] = []
    count = lower = 0
    stopped_at: int | None = None
    k = 0
    while k < len(ws):
        w = ws[k]
        t = w.text
        if t == ",":
            if to_comma:
                break
            if stopped_at is not None:
                app = _apposition_after(ws, k + 1, lex)
                if app:
                    phrase = [*phrase[:stopped_at], w, *app]
                break
            phrase.append(w)
            k += 1
            continue
        if t == "." and phrase and phrase[-1].low in NAME_DOTS and is_capitalised(phrase[-1].text):
            phrase.append(w)
            k += 1
            continue
        if (
            t == "("
            and k + 2 < len(ws)
            and _is_cap(ws[k + 1])
            and ws[k + 2].text == ")"
            and stopped_at is None
        ):
            phrase.extend(ws[k : k + 3])
            k += 3
            continue
        if not is_word(w):
            break
        if stopped_at is None and w.low in lex.speaker_stops and not in_entity(view, w):
            stopped_at = len(phrase)
        if stopped_at is not None:
            phrase.append(w)
            if len(phrase) - stopped_at > lex.limits["adjunct_words"]:
                break
            k += 1
            continue
        phrase.append(w)
        count += 1
        lower += not is_capitalised(t)
        if count >= limit or lower > lower_limit:
            break
        k += 1
    tail_end = phrase[-1].end if phrase else pos
    if stopped_at is not None and (not phrase or (phrase[-1].text != "," and stopped_at < len(phrase))):
        if not any(w.text == "," for w in phrase[stopped_at:]):
            phrase = phrase[:stopped_at]
    phrase = _first_apposition(phrase, lex) if not to_comma else phrase
    while phrase and not (is_word(phrase[-1]) or phrase[-1].text in ")."):
        phrase.pop()
    if not phrase:
        return None, pos
    found = choose(view, lex, phrase)
    return found, max(tail_end, phrase[-1].end) if to_comma else phrase[-1].end


def _apposition_after(ws: list[Word], k: int, lex: Lexicon) -> list[Word]:
    """The capitalised words from ``ws[k]`` up to a comma, a period or the end (a name in
    apposition after an adjunct), or nothing."""
    out = []
    while k < len(ws) and len(out) <= 5:
        w = ws[k]
        if w.text in ",.":
            return out if out else []
        if not _is_cap(w):
            return []
        out.append(w)
        k += 1
    return out if k == len(ws) else []


def in_entity(view: ArticleView, w: Word) -> bool:
    return any(e.start <= w.start and w.end <= e.end for e in view.entities_in(w.start, w.end))


def _first_apposition(phrase: list[Word], lex: Lexicon) -> list[Word]:
    """Keep a comma and what follows only when it goes on naming the speaker (a capitalised word)."""
    out: list[Word] = []
    for k, w in enumerate(phrase):
        if w.text == ",":
            nxt = phrase[k + 1] if k + 1 < len(phrase) else None
            if nxt is None or not is_capitalised(nxt.text) or nxt.low in lex.speaker_stops:
                break
        out.append(w)
    return out
