"""Who the speaker is: each speaker mention tied to an entity group and its fullest name.

- A **name** goes to the fullest name of the article that holds all its words: the names of its
  entity group, the other speakers' names and the capitalised names written around the same word
  elsewhere in the article (``Kristomei`` -> ``Kristomei Sianturi``, titles left out); a one-word
  name may also be a short or misspelt form of one name (``Suki`` -> ``Sukiratnasari``,
  ``Ahmad`` -> ``Achmad Fauzy``) when no name holds it exactly. An **organisation** keeps its
  entity's canonical name when the article writes it, else the name as written.
- A **pronoun** or the clitic ``-nya`` goes to the last source quoted or person named at the
  start of a sentence before it (in the same kind of segment, within ``antecedent_chars``);
  ``mereka`` only to an organisation quoted last; else nothing.
- A **title** alone (``Kapolda``) goes to the person the article names with that title (an entity's
  ``title`` or ``role``, or the title written before a name), the nearest before the quote, else
  the first after when only one person has it; else nothing.
- An unnamed source has no entity, unless a demonstrative makes it point back to an organisation
  (``organisasi tersebut``) or a person (``yang bersangkutan``); a document (``laporan itu``) or a
  post stays unnamed.

Unsure means ``None``: a speaker is never given to a person the rules cannot find.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from rapidfuzz.fuzz import ratio

from ..textnorm import fold
from .cues import cue_in_word
from .draft import Draft
from .lexicon import Lexicon
from .speakers import CLITIC, NAME, ORG, PRONOUN, SOURCE, TITLE, speaker_after, trim_name
from .view import ArticleView
from .words import is_word

__all__ = ["resolve_speakers"]

_FUZZY = 88.0
_ACRONYM_AFTER = re.compile(r"\s*\([^()\s]+\)$")
#: The words of a sentence before a name (see :func:`_subject_lead`).
_LEAD_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
#: One or two words, each with no capital after its first letter and no punctuation: a mention
#: :func:`trim_name` leaves whole (it needs three words, and glued words count as several).
_TWO_PLAIN_WORDS = re.compile(r"[^\W_][^\W_A-Z]*(?: [^\W_][^\W_A-Z]*)?\Z")
#: A degree or an abbreviation with inner dots (``S.H``, ``M.Psi``): not a name.
_DOTTED = re.compile(r"[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+\.?")
#: Above this many names, a one-word speaker is not compared with every name (time stays linear).
_MAX_FUZZY = 400
#: How far around a speaker the article is searched for fuller forms of its name.
_NAME_WINDOW = 20_000

#: (position, entity id, canonical, a person); for a subject not named yet: (position, entity
#: mention, None, a person).
Event = tuple


class _Names:
    """The article's names: entity groups' mentions, speakers' names, and the capitalised names
    around a word (found on demand, near the speaker)."""

    def __init__(self, view: ArticleView, lex: Lexicon, drafts: list[Draft]) -> None:
        self.view, self.lex = view, lex
        #: (words, name, entity group, a person's or a free name)
        self.names: list[tuple[tuple[str, ...], str, int | None, bool]] = []
        self.by_token: dict[str, list[int]] = defaultdict(list)
        self.label: dict[int, str] = {}
        self.canonical: dict[int, str] = {}
        self._seen: set[tuple[tuple[str, ...], int | None]] = set()
        self._searched: set[str] = set()
        #: Words of the titles and roles the entity stage found before names (``Perdagangan``).
        self._role_words = frozenset(
            w for e in view.entities for t in (e.title, e.role) if t for w in t.lower().split()
        )
        self._cache: dict[tuple[str, int | None], tuple[str, int | None]] = {}
        self._spelt: dict[str, str | None] = {}
        #: The mentions of each entity group, each written form once.
        self._mentions: dict[int, list] = defaultdict(list)
        seen: set[tuple[str, int, str]] = set()
        for e in view.entities:
            if e.entity_id is None or e.label not in ("PER", "ORG", "LOC"):
                continue
            key = (e.text, e.entity_id, e.label)
            if key in seen:  # the same mention written again adds nothing
                continue
            seen.add(key)
            self.label.setdefault(e.entity_id, e.label)
            self._mentions[e.entity_id].append(e)
            person = e.label == "PER"
            # a role before a name needs two words of the name after it (trim_name keeps two)
            short = _TWO_PLAIN_WORDS.match(e.text) is not None
            start = trim_name(view, lex, view.text, e.start, e.end) if person and not short else e.start
            self._add(view.text[start : self.end_of(e)], e.entity_id, person)
            at = view.text.find(e.canonical) if e.canonical and e.entity_id not in self.canonical else -1
            if at >= 0:
                self.canonical[e.entity_id] = e.canonical
                end = view.glued_name_end(at, at + len(e.canonical)) if person else at + len(e.canonical)
                self._add(view.text[at:end], e.entity_id, person)
        for d in drafts:
            sp = d.speaker
            if sp is not None and sp.kind == NAME:
                self._add(view.text[sp.start : sp.end], sp.entity.entity_id if sp.entity else None)

    def fullest_written(self, name: str, entity_id: int | None) -> str:
        """An organisation's fullest name as the article writes it: the mention of its entity
        group of the most words, when it has more (``Kemenkes`` -> ``Kementerian Kesehatan RI``), else the name the article
        spells out before it in brackets (``BMKG``), else ``name``."""
        best = name
        for e in self._mentions.get(entity_id, ()) if entity_id is not None else ():
            written = " ".join(e.text.split())
            if len(written.split()) > len(best.split()):
                best = written
        if best == name and " " not in name:
            return self.spelt_out(name) or name
        return best

    def spelt_out(self, acronym: str) -> str | None:
        """The capitalised words written right before ``(acronym)`` in the article, from the first
        one with the acronym's initial (``Badan Meteorologi Klimatologi dan Geofisika (BMKG)``;
        ``Sekretaris Jenderal Asosiasi ... Indonesia (Apersi)`` -> ``Asosiasi ... Indonesia``), or
        ``None`` (looked up once per acronym and article)."""
        if acronym not in self._spelt:
            self._spelt[acronym] = self._spell_out(acronym)
        return self._spelt[acronym]

    def _spell_out(self, acronym: str) -> str | None:
        text = self.view.text
        at = text.find("(" + acronym + ")")
        if at < 0 or not acronym[:1].isalpha():
            return None
        ws = [w for w in self.view.words(max(0, at - 200), at)]
        k = len(ws)
        while k > 0 and len(ws) - k < 12:
            w = ws[k - 1]
            if not (is_word(w) and (w.text[0].isupper() or w.low in self.lex.name_connectors)):
                break
            k -= 1
        initial = acronym[0].lower()
        run = ws[k:]
        titles = self.lex.titles
        first = next(
            (i for i, w in enumerate(run) if w.low[0] == initial and (w.low,) not in titles.get(w.low, ())),
            None,
        )
        if first is None or len(run) - first < 2 or run[first].low in self.lex.name_connectors:
            return None
        return text[run[first].start : run[-1].end]

    def end_of(self, e) -> int:
        """End of a person mention, without a word glued to it by scraping (``Thohirbangga``)."""
        return self.view.glued_name_end(e.start, e.end) if e.label == "PER" else e.end

    def mention(self, e) -> str:
        """The text of an entity mention as a name (see :meth:`end_of`)."""
        return self.view.text[e.start : self.end_of(e)]

    def _add(self, text: str, entity_id: int | None, person: bool = True) -> None:
        toks = self.tokens(text)
        if toks and (toks, entity_id) not in self._seen:
            self._seen.add((toks, entity_id))
            for t in set(toks):
                self.by_token[t].append(len(self.names))
            self.names.append((toks, " ".join(text.split()), entity_id, person))

    def tokens(self, text: str) -> tuple[str, ...]:
        """The words of a name, without the titles and ranks before (or among) them."""
        toks = [t.strip(".,") for t in fold(text).split()]
        cut = max((k + 1 for k, t in enumerate(toks[:-1]) if t in self.lex.title_words), default=0)
        return tuple(t for t in toks[cut:] if t)

    def _search_text(self, token: str, pos: int, left: bool = True) -> None:
        """Add the fuller forms of a name written elsewhere near ``pos``: the capitalised words
        after the word (``Rivan Achmad Purwantono`` for ``Rivan``), or before it when it ends a
        name (``Ahmad Wildan`` for ``Wildan``) and ``left`` allows (the name is that one word);
        titles, acronyms, ordinary words and glued verbs end them."""
        if token in self._searched or len(token) < 2 or token in self.view.place_org_words:
            return
        self._searched.add(token)
        text = self.view.text
        lo, hi = max(0, pos - _NAME_WINDOW), min(len(text), pos + _NAME_WINDOW)
        for start in self.view.capitals(token, lo, hi):
            m_start, m_end = start, start + len(token)
            line_start, line_end = self.view.line(m_start)
            ws = self.view.words(max(line_start, m_start - 40), min(line_end, m_end + 60))
            k = next((i for i, w in enumerate(ws) if w.start == m_start), None)
            if k is None:
                continue
            b = k
            while b + 1 < len(ws) and b - k < 3 and self._name_word(ws[b + 1]):
                b += 1
            a = k
            if b == k and left:
                while a > 0 and k - a < 2 and self._name_word(ws[a - 1]):
                    if a > 1 and ws[a - 2].low in self.lex.title_words:
                        break  # Menteri Perdagangan Budi: the word after a title names the office
                    a -= 1
            if b > a:
                end = self.view.glued_name_end(ws[a].start, self._unglued(ws[b]))
                ents = [e for e in self.view.entities_in(ws[a].start, end) if e.label == "PER"]
                self._add(text[ws[a].start : end], ents[0].entity_id if ents else None)

    def _name_word(self, w) -> bool:
        t = w.text
        return (
            t[0].isupper()
            and not t.isupper()
            and w.low not in self.lex.title_words
            and w.low not in self.lex.org_heads
            and not self.view.ordinary(w)
            and w.low not in self.view.place_org_words
            and w.low not in self._role_words
        )

    def _unglued(self, w) -> int:
        """End of a name word, before a verb glued to it by scraping (``Setiawanmenanggapi``)."""
        m = cue_in_word(self.lex, w)
        return m.start() if m is not None and m.lastgroup == "active" and m.start() > w.start + 1 else w.end

    def lookup(
        self, text: str, entity_id: int | None, pos: int, person: bool = True
    ) -> tuple[str, int | None]:
        """The fullest name holding ``text``'s words, and its entity group; ``person``: look for
        fuller forms of the name in the text too."""
        key = (text, entity_id)
        if key not in self._cache:
            self._cache[key] = self._lookup(text, entity_id, pos, person)
        return self._cache[key]

    def _lookup(self, text: str, entity_id: int | None, pos: int, person: bool) -> tuple[str, int | None]:
        toks = self.tokens(text)
        plain = " ".join(text.split())
        if not toks:
            return plain, entity_id
        for t in toks if person else ():
            self._search_text(t, pos, left=len(toks) == 1)
        want = set(toks)
        rarest = min(toks, key=lambda t: len(self.by_token.get(t, ())))
        found = [
            self.names[i]
            for i in self.by_token.get(rarest, ())
            if want <= set(self.names[i][0]) and (self.names[i][3] or not person)
        ]
        if len(toks) == 1 and all(n[0] == toks for n in found) and len(self.names) <= _MAX_FUZZY:
            # a one-word name held by no longer name: a short or misspelt form of one (Suki, Ahmad)
            t = toks[0]
            variants = [
                n
                for n in self.names
                if (n[3] or not person)
                and n[0] != toks
                and any(
                    len(t) >= 4 and (u.startswith(t) or (u[0] == t[0] and ratio(t, u) >= _FUZZY))
                    for u in n[0]
                )
            ]
            longest = max((len(n[0]) for n in variants), default=0)
            if variants and len({n[1].casefold() for n in variants if len(n[0]) == longest}) == 1:
                found = variants
        if not found:
            return plain, entity_id
        best_len = max(len(n[0]) for n in found)
        top = [n for n in found if len(n[0]) == best_len]
        same = [n for n in top if entity_id is not None and n[2] == entity_id]
        best = max(same or top, key=lambda n: len(n[1]))
        return best[1], entity_id if entity_id is not None else best[2]


def resolve_speakers(view: ArticleView, lex: Lexicon, drafts: list[Draft]) -> None:
    """Fill ``entity_id`` and ``canonical`` of every draft (in text order)."""
    if not drafts:
        return
    names = _Names(view, lex, drafts)
    history = _History(lambda: _subject_events(view, lex, drafts, names))
    titles = _Titles(view, lex, names)
    limit = lex.limits["antecedent_chars"]
    for d in sorted(drafts, key=lambda d: d.start):
        if d.source is not None and d.source.resolved:
            d.entity_id, d.canonical, d.label = d.source.entity_id, d.source.canonical, d.source.label
        else:
            _resolve_one(view, lex, d, names, titles, history, limit)
        d.resolved = True
        if d.canonical is not None:
            pos = d.speaker.start if d.speaker is not None else d.start
            sp = d.speaker
            person = sp is not None and not (
                sp.kind == ORG and (d.label == "ORG" or view.text[sp.start : sp.end].isupper())
            )
            history.add_quoted(pos, (pos, d.entity_id, d.canonical, person), _own(view, d.start))


def _own(view: ArticleView, pos: int) -> bool:
    return view.segment(pos, pos + 1) in ("lead", "body", "subheading", "dateline", None)


class _History:
    """Antecedents in text order: persons named as subjects (fixed) and the sources quoted so far
    (added in text order), walked back from a position within the same kind of segment."""

    def __init__(self, subjects: Callable[[], list[tuple[int, Event, bool]]]) -> None:
        #: Found when a pronoun first needs them (most articles have none to resolve).
        self._find_subjects = subjects
        self.subjects: list[tuple[int, Event, bool]] | None = None
        self.s_pos: list[int] = []
        self.quoted: list[tuple[int, Event, bool]] = []
        self.q_pos: list[int] = []

    def add_quoted(self, pos: int, event: Event, own: bool) -> None:
        k = bisect.bisect_right(self.q_pos, pos)
        self.quoted.insert(k, (pos, event, own))
        self.q_pos.insert(k, pos)

    def before(self, pos: int, own: bool) -> Iterator[tuple[Event, bool]]:
        """Events before ``pos`` in segments of the same kind, nearest first, each with whether
        it is a quoted source."""
        if self.subjects is None:
            self.subjects = self._find_subjects()
            self.s_pos = [e[0] for e in self.subjects]
        i = bisect.bisect_left(self.s_pos, pos) - 1
        j = bisect.bisect_left(self.q_pos, pos) - 1
        while i >= 0 or j >= 0:
            if j < 0 or (i >= 0 and self.s_pos[i] > self.q_pos[j]):
                _, event, ev_own = self.subjects[i]
                quoted = False
                i -= 1
            else:
                _, event, ev_own = self.quoted[j]
                quoted = True
                j -= 1
            if ev_own == own:
                yield event, quoted


def _resolve_one(view, lex, d: Draft, names: _Names, titles, history: _History, limit: int) -> None:
    sp = d.speaker
    if sp is None:
        return
    text = view.text[sp.start : sp.end]
    if sp.kind == ORG:
        ent = sp.entity
        short = text.isupper() and len(text) <= 8
        if ent is not None and short and ent.entity_id in names.canonical:
            d.canonical, d.entity_id, d.label = names.canonical[ent.entity_id], ent.entity_id, ent.label
        else:
            d.canonical = _ACRONYM_AFTER.sub("", " ".join(text.split()))  # without its (PVMBG)
            d.entity_id, d.label = (ent.entity_id, ent.label) if ent else (None, "ORG")
        d.canonical = names.fullest_written(d.canonical, d.entity_id)
        return
    if sp.kind == NAME:
        ent = sp.entity
        text = view.text[sp.start : view.glued_name_end(sp.start, sp.end)]
        d.canonical, d.entity_id = names.lookup(text, ent.entity_id if ent else None, sp.start)
        d.label = names.label.get(d.entity_id) if d.entity_id is not None else "PER"
        if " " not in d.canonical:  # a one-word name may be an acronym the article spells out
            d.canonical = names.spelt_out(d.canonical) or d.canonical
        return
    if sp.kind == TITLE:
        found = titles.find(text, d.start)
        if found is not None:
            d.entity_id, d.canonical = found
            d.label = "PER"
        return
    low = text.lower()
    if sp.kind == SOURCE:
        if sp.document or not (sp.anaphoric or sp.organisation):
            return
        want = "org" if sp.organisation else "person"
    elif sp.kind == CLITIC or low in lex.person_pronouns:
        want = "person"
    elif low == "pihaknya":
        want = "any"
    elif sp.kind == PRONOUN:
        want = "org"
    else:
        return
    for (pos, entity_id, canonical, person), quoted in history.before(sp.start, _own(view, sp.start)):
        if sp.start - pos > limit:
            return
        if want == "any" or (want == "person") == person:
            if canonical is None:  # a subject: its entity, named when it is chosen
                e = entity_id
                canonical, entity_id = names.lookup(names.mention(e), e.entity_id, e.start, person=person)
            d.entity_id, d.canonical = entity_id, canonical
            d.label = names.label.get(entity_id) if entity_id is not None else None
            return
        if want == "org" and quoted:
            return


def _subject_events(
    view: ArticleView, lex: Lexicon, drafts: list[Draft], names: _Names
) -> list[tuple[int, Event, bool]]:
    """Persons and organisations named as the subject of a sentence outside quotation content (the
    subjects a pronoun may point back to): at its start, or after a role written before the name
    (``Kepala Unit Reskrim Polsek Cengkareng, Budi Santoso, membenarkan ...``)."""
    directs = sorted((d.start, d.end) for d in drafts if d.type == "direct")
    starts = [s for s, _ in directs]
    out = []
    text = view.text
    for e in view.entities:
        if e.segment == "dateline" or (e.text.isupper() and " " in e.text) or _DOTTED.fullmatch(e.text):
            continue  # an acronym of several words, a degree (S.H, M.Psi) names nobody
        k = bisect.bisect_right(starts, e.start) - 1
        if k >= 0 and e.start < directs[k][1]:
            continue
        s_start, _ = view.sentence(e.start)
        s_start = view.after_dateline(s_start)
        lead = _LEAD_WORD.findall(text, s_start, e.start)
        if not _subject_lead(lex, lead):
            continue
        person = e.label == "PER"
        if not person and _role_apposition(view, lex, lead, e):
            person = True  # Kanit Reskrim Polsek X, [Parman Gultom], ...: whatever its label
        elif e.label != "ORG" and not person:
            continue
        out.append((e.start, (e.start, e, None, person), _own(view, e.start)))
    return sorted(out, key=lambda x: x[0])


def _role_apposition(view: ArticleView, lex: Lexicon, lead: list[str], e) -> bool:
    """Whether a mention stands in apposition after a role (a capitalised lead holding a title,
    then a comma) and is written like a person's name (capitalised words, no acronym): a person,
    even when the entity layer labelled it a place or an organisation."""
    if len(lead) < 2 or not view.text[max(0, e.start - 4) : e.start].rstrip(" \u00a0").endswith(","):
        return False
    if not any(w.lower() in lex.titles for w in lead):
        return False
    words = e.text.split()
    return all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in words) and not any(
        w.lower() in lex.org_heads for w in words
    )


def _subject_lead(lex: Lexicon, lead: list[str]) -> bool:
    """Whether the words before a name in its sentence leave it the subject: a few words
    (``Sementara itu,``), or a role: a title among them and every word capitalised (``Kapolsek
    Ilir Barat 1, AKP``)."""
    if len(lead) <= 4:
        return True
    if len(lead) > lex.limits["subject_words"] * 2 or not any(w.lower() in lex.titles for w in lead):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in lead)


class _Titles:
    """Persons the article names with a title (``Kapolda DIY Irjen Anggoro Sukartono``)."""

    def __init__(self, view: ArticleView, lex: Lexicon, names: _Names) -> None:
        self.view, self.lex, self.names = view, lex, names
        self._by_title: dict[str, list[tuple[int, int | None, str]]] | None = None

    @property
    def by_title(self) -> dict[str, list[tuple[int, int | None, str]]]:
        """Persons by the titles and roles the entity stage gave them (indexed on first use)."""
        if self._by_title is None:
            self._by_title = self._index()
        return self._by_title

    def _index(self) -> dict[str, list[tuple[int, int | None, str]]]:
        view, names = self.view, self.names
        by_title: dict[str, list[tuple[int, int | None, str]]] = defaultdict(list)
        for e in view.entities:
            if e.label != "PER":
                continue
            for t in (e.title, e.role):
                if t:
                    canonical, entity_id = names.lookup(names.mention(e), e.entity_id, e.start)
                    by_title[fold(t)].append((e.start, entity_id, canonical))
        return by_title

    def find(self, title: str, pos: int) -> tuple[int | None, str] | None:
        key = fold(title)
        cands = []
        for t, items in self.by_title.items():
            if t == key or t.startswith(key + " ") or key.startswith(t + " "):
                cands.extend(items)
        text = self.view.text
        window = self.lex.limits["antecedent_chars"] * 2
        lo = max(0, pos - window)
        for m in re.finditer(re.escape(title), text[lo : pos + window]):
            start = lo + m.start()
            named, _ = speaker_after(self.view, self.lex, start)
            if named is not None and named.kind == NAME:
                ent = named.entity
                canonical, entity_id = self.names.lookup(
                    text[named.start : named.end], ent.entity_id if ent else None, named.start
                )
                cands.append((named.start, entity_id, canonical))
        if not cands:
            return None
        before = [c for c in cands if c[0] < pos]
        if before:
            best = max(before, key=lambda c: c[0])
        elif len({c[2] for c in cands}) == 1:
            best = min(cands, key=lambda c: c[0])
        else:
            return None
        return best[1], best[2]
