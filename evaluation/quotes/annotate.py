"""Annotation helper for the quotes gold: snippet annotations -> offset-only JSON Lines.

The annotator writes a working file (kept OUTSIDE the repository, since it quotes article text)
with one block per article::

    == dev0011
    D | Kami akan ~~ secepatnya | kata | [Walid] | Walid Mustafa Sembiring
    I | harga beras ~~ bulan depan | mengatakan | Ia | Walid Mustafa Sembiring
    M | kebijakan itu ~~ masuk akal | menyebut | -  | -            | caption

A block with no quote lines records an article without quotes. Fields, separated by `` | ``:

1. type: ``D`` direct, ``I`` indirect, ``M`` mixed;
2. content: the exact text, or ``prefix ~~ suffix`` (from the first character of ``prefix`` to the
   last of the first ``suffix`` ending after it); ``@n`` at the end picks the n-th occurrence of the
   prefix (1-based). A prefix found more than once without ``@n`` is an error, so that nothing is
   resolved by accident;
3. cue and 4. speaker: a snippet or ``-`` (null). The occurrence nearest the content (the speaker:
   nearest the cue when there is one) is taken, or the n-th with ``@n``. Square brackets mark the
   span inside a longer snippet: ``ujar[nya]`` is the clitic ``nya`` of ``ujarnya``;
5. the speaker's gold canonical name or ``-``; other names of the same entity after `` = ``
   (``Komisi Pemberantasan Korupsi = KPK``);
6. optional segment (default ``body``: the article's own text, lead and subheadings included);
   ``body*`` adds every verbatim copy of the quote elsewhere in the article as ``boilerplate``
   (Republika's merged duplicate lines; give the plain, last copy with ``@-1``).

Whitespace in a snippet matches any run of whitespace; a snippet starting or ending with a word
character only matches at a word boundary. Every resolved span is checked (``text[start:end]`` is
the snippet); the output holds ids, offsets, labels and speaker names only, never article text::

    python evaluation/quotes/annotate.py view dev0011 [dev0012 ...]
    python evaluation/quotes/annotate.py check WORKFILE [--id dev0011]
    python evaluation/quotes/annotate.py build WORKFILE -o evaluation/quotes/gold_dev.jsonl
    python evaluation/quotes/annotate.py stats evaluation/quotes/gold_dev.jsonl evaluation/quotes/gold_fresh.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"
TYPES = {"D": "direct", "I": "indirect", "M": "mixed"}
SEGMENTS = {"body", "title", "caption", "credit", "related", "boilerplate", "byline", "teaser", "kicker"}
QUOTE_MARKS = '"“”„«»'
#: Words whose presence outside any annotated cue ``check`` lists as a possible miss.
CUE_WORDS = re.compile(
    r"(?<!\w)(mengatakan|menyatakan|menjelaskan|menegaskan|mengungkapkan|mengungkap|menyebut|menyebutkan|"
    r"menilai|menambahkan|berpendapat|mengklaim|membantah|mengakui|mengaku|menuturkan|memaparkan|"
    r"menerangkan|menekankan|menyampaikan|disampaikan|dikatakan|disebutkan|menurut|kata|katanya|"
    r"ujar|ujarnya|ungkap|ungkapnya|tutur|tuturnya|jelasnya|imbuh|imbuhnya|tambahnya|tegasnya|terangnya|"
    r"pungkasnya|tandasnya|lanjutnya|sambungnya|paparnya|ucapnya|tulisnya|sebutnya|kilahnya|harapnya)(?!\w)",
    re.IGNORECASE,
)


class AnnotationError(ValueError):
    """A snippet that cannot be resolved, or resolves ambiguously."""


@dataclass
class Line:
    article: str
    lineno: int
    fields: list[str]


def load_articles(path: Path = DATA) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {a["id"]: a for a in map(json.loads, f)}


def snippet_regex(snippet: str) -> re.Pattern[str]:
    """The regex of a snippet: any whitespace run matches any whitespace, words match whole."""
    parts = [r"\s+" if part.isspace() else re.escape(part) for part in re.split(r"(\s+)", snippet) if part]
    body = "".join(parts)
    if snippet[:1].isalnum() or snippet[:1] == "_":
        body = r"(?<!\w)" + body
    if snippet[-1:].isalnum() or snippet[-1:] == "_":
        body += r"(?!\w)"
    return re.compile(body)


def split_occurrence(field: str) -> tuple[str, int | None]:
    m = re.fullmatch(r"(.*?)\s+@(-?\d+)", field, re.DOTALL)
    return (m.group(1), int(m.group(2))) if m else (field, None)


def find_all(text: str, snippet: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in snippet_regex(snippet).finditer(text)]


def resolve_content(text: str, field: str) -> tuple[int, int]:
    field, occ = split_occurrence(field)
    prefix, sep, suffix = field.partition(" ~~ ")
    starts = find_all(text, prefix.strip())
    if not starts:
        raise AnnotationError(f"content prefix not found: {prefix!r}")
    if occ is None and len(starts) > 1:
        raise AnnotationError(f"content prefix found {len(starts)} times, add @n: {prefix!r}")
    if occ is not None and not (1 <= occ <= len(starts) or -len(starts) <= occ <= -1):
        raise AnnotationError(f"content prefix has {len(starts)} occurrences, not @{occ}: {prefix!r}")
    start, end = starts[(occ or 1) - 1 if (occ or 1) > 0 else occ]
    if sep:
        ends = [e for s, e in find_all(text, suffix.strip()) if s >= start and e >= end]
        if not ends:
            raise AnnotationError(f"content suffix not found after the prefix: {suffix!r}")
        end = ends[0]
    return start, end


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def resolve_near(text: str, field: str, anchor: tuple[int, int], avoid: tuple[int, int]) -> tuple[int, int]:
    """The occurrence of a (bracketed) snippet nearest ``anchor``, preferring those outside ``avoid``."""
    field, occ = split_occurrence(field)
    inner = re.fullmatch(r"(.*?)\[(.+?)\](.*)", field, re.DOTALL)
    whole = field.replace("[", "").replace("]", "") if inner else field
    spans = find_all(text, whole)
    if not spans:
        raise AnnotationError(f"snippet not found: {field!r}")
    if occ is not None:
        if not 1 <= occ <= len(spans):
            raise AnnotationError(f"snippet has {len(spans)} occurrences, not @{occ}: {field!r}")
        span = spans[occ - 1]
    else:
        outside = [s for s in spans if _distance(s, avoid) > 0 or s == avoid] or spans
        span = min(outside, key=lambda s: (_distance(s, anchor), s[0]))
    if not inner:
        return span
    # the bracketed part inside the matched occurrence
    m = snippet_regex(whole).match(text, span[0])
    assert m is not None
    sub = re.compile(
        "".join(r"\s+" if p.isspace() else re.escape(p) for p in re.split(r"(\s+)", inner.group(1)) if p)
    ).match(text, span[0])
    offset = sub.end() if sub else span[0]
    length = len(inner.group(2))
    if text[offset : offset + length] != inner.group(2):
        raise AnnotationError(f"bracketed part does not match: {field!r}")
    return offset, offset + length


def parse_workfile(path: Path) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = {}
    current = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("=="):
            current = line[2:].strip().split()[0]
            if current in out:
                raise AnnotationError(f"{path}:{lineno}: article {current} twice")
            out[current] = []
            continue
        if current is None:
            raise AnnotationError(f"{path}:{lineno}: quote line before any '== id' header")
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) not in (5, 6) or fields[0] not in TYPES:
            raise AnnotationError(
                f"{path}:{lineno}: expected 'T | content | cue | speaker | canonical [| segment]'"
            )
        out[current].append(Line(current, lineno, fields))
    return out


def resolve_line(text: str, line: Line) -> dict:
    kind, content, cue, speaker, canonical = line.fields[:5]
    segment = line.fields[5] if len(line.fields) == 6 else "body"
    segment = segment.rstrip("*")  # ``body*``: copies are added by ``with_copies``
    if segment not in SEGMENTS:
        raise AnnotationError(f"line {line.lineno}: unknown segment {segment!r}")
    try:
        start, end = resolve_content(text, content)
        cue_span = None if cue == "-" else resolve_near(text, cue, (start, end), (start, end))
        spk_span = None
        if speaker != "-":
            # a cue inside the content (`Harga, kata dia, akan naik`) has its speaker there too
            inside = cue_span is not None and start <= cue_span[0] and cue_span[1] <= end
            avoid = (-1, -1) if inside else (start, end)
            spk_span = resolve_near(text, speaker, cue_span or (start, end), avoid)
    except AnnotationError as err:
        raise AnnotationError(f"{line.article} line {line.lineno}: {err}") from None
    names = [n.strip() for n in canonical.split(" = ")] if canonical != "-" else []
    quote = {
        "type": TYPES[kind],
        "start": start,
        "end": end,
        "cue": None if cue_span is None else {"start": cue_span[0], "end": cue_span[1]},
        "speaker": None if spk_span is None else {"start": spk_span[0], "end": spk_span[1]},
        "speaker_canonical": names[0] if names else None,
        "segment": segment,
    }
    if len(names) > 1:
        quote["speaker_aliases"] = names[1:]
    return quote


def _shift(span: dict | None, delta: int) -> dict | None:
    return None if span is None else {"start": span["start"] + delta, "end": span["end"] + delta}


def with_copies(text: str, quote: dict, segment: str = "boilerplate") -> list[dict]:
    """The quote and its exact copies elsewhere in the text (the whole stretch from the first to
    the last of content, cue and speaker repeated verbatim), the copies labelled ``segment``.
    Republika's scraped pages repeat each paragraph glued to the rest of the article; the
    structure stage labels those merged copies boilerplate and the last, plain copy body."""
    spans = [quote] + [s for s in (quote["cue"], quote["speaker"]) if s]
    lo, hi = min(s["start"] for s in spans), max(s["end"] for s in spans)
    window = text[lo:hi]
    out = [quote]
    pos = text.find(window)
    while pos != -1:
        if pos != lo and not (lo - len(window) < pos < hi):
            delta = pos - lo
            copy = dict(quote, start=quote["start"] + delta, end=quote["end"] + delta, segment=segment)
            copy["cue"], copy["speaker"] = _shift(quote["cue"], delta), _shift(quote["speaker"], delta)
            out.append(copy)
        pos = text.find(window, pos + 1)
    return out


def build(work: dict[str, list[Line]], articles: dict[str, dict]) -> list[dict]:
    records = []
    for art_id, lines in work.items():
        if art_id not in articles:
            raise AnnotationError(f"unknown article id {art_id}")
        text = articles[art_id]["text"]
        resolved = []
        for ln in lines:
            quote = resolve_line(text, ln)
            copies = len(ln.fields) == 6 and ln.fields[5].endswith("*")
            resolved.extend(with_copies(text, quote) if copies else [quote])
        quotes = sorted(resolved, key=lambda q: (q["start"], q["end"]))
        for a, b in itertools.pairwise(quotes):
            if a["start"] == b["start"] and a["end"] == b["end"]:
                raise AnnotationError(f"{art_id}: the same content span twice at {a['start']}")
        records.append({"id": art_id, "outlet": articles[art_id]["outlet"], "quotes": quotes})
    return records


def verify(records: list[dict], articles: dict[str, dict]) -> None:
    """Re-check every stored span against the article text (offsets inside, non-empty, trimmed)."""
    for rec in records:
        text = articles[rec["id"]]["text"]
        for q in rec["quotes"]:
            for span in (q, q["cue"], q["speaker"]):
                if span is None:
                    continue
                s, e = span["start"], span["end"]
                if not 0 <= s < e <= len(text) or text[s:e] != text[s:e].strip():
                    raise AnnotationError(f"{rec['id']}: bad span {s}-{e}")


def _show(text: str, s: int, e: int) -> str:
    return text[s:e].replace("\n", " ⏎ ")


def check(work: dict[str, list[Line]], articles: dict[str, dict], only: str | None) -> None:
    """Print each resolved quote in context and the quotation marks and cue words left unannotated."""
    for rec in build(work, articles):
        if only and rec["id"] not in only:
            continue
        text = articles[rec["id"]]["text"]
        print(f"== {rec['id']} ({rec['outlet']}, {len(rec['quotes'])} quotes)")
        covered: list[tuple[int, int]] = []
        for q in rec["quotes"]:
            cue = _show(text, q["cue"]["start"], q["cue"]["end"]) if q["cue"] else "-"
            spk = _show(text, q["speaker"]["start"], q["speaker"]["end"]) if q["speaker"] else "-"
            content = _show(text, q["start"], q["end"])
            if len(content) > 90:
                content = content[:40] + " ... " + content[-40:]
            print(f"  {q['type'][:3]} {q['start']}-{q['end']} «{content}»")
            inside = (
                " (cue inside the content)" if q["cue"] and q["start"] <= q["cue"]["start"] < q["end"] else ""
            )
            print(f"      cue «{cue}» speaker «{spk}» -> {q['speaker_canonical']} [{q['segment']}]{inside}")
            covered.append((q["start"] - 2, q["end"] + 2))
            for span in (q["cue"], q["speaker"]):
                if span:
                    covered.append((span["start"], span["end"]))

        def free(i: int, j: int, covered: list[tuple[int, int]] = covered) -> bool:
            return not any(s <= i and j <= e for s, e in covered)

        for i, ch in enumerate(text):
            if ch in QUOTE_MARKS and free(i, i + 1):
                print(f"  ? mark at {i}: …{_show(text, max(0, i - 40), i + 40)}…")
        for m in CUE_WORDS.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in covered):
                print(
                    f"  ? cue word {m.group()!r} at {m.start()}: …{_show(text, max(0, m.start() - 60), m.end() + 40)}…"
                )


PRONOUNS = {"ia", "dia", "beliau", "mereka", "saya", "kami", "kita", "aku", "nya", "dirinya", "pihaknya"}


def speaker_kind(text: str, quote: dict) -> str:
    """``pronoun``, ``name`` (every word of the mention is in the canonical name or an alias),
    ``resolved-other`` (a title, role, epithet or document resolved to an entity), ``unnamed``
    (no canonical) or ``none`` (no speaker mention)."""
    if quote["speaker"] is None:
        return "none"
    mention = " ".join(text[quote["speaker"]["start"] : quote["speaker"]["end"]].split()).casefold()
    if mention in PRONOUNS:
        return "pronoun"
    if quote["speaker_canonical"] is None:
        return "unnamed"
    names = [quote["speaker_canonical"], *quote.get("speaker_aliases", [])]
    words = set(" ".join(names).casefold().replace("’", "'").split())
    if set(mention.replace("’", "'").split()) <= words:
        return "name"
    return "resolved-other"


def stats(paths: list[Path], articles: dict[str, dict]) -> None:
    """The counts of docs/quotes.md (Gold sets) for each gold file."""
    from collections import Counter

    for path in paths:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        body = [(r, q) for r in records for q in r["quotes"] if q["segment"] == "body"]
        every = [q for r in records for q in r["quotes"]]
        kinds = Counter(speaker_kind(articles[r["id"]]["text"], q) for r, q in body)
        print(f"{path.name}: {len(records)} articles ({Counter(r['outlet'] for r in records)})")
        print(f"  articles without quotes: {sum(not r['quotes'] for r in records)}")
        print(f"  quotes: {len(every)} in all segments {dict(Counter(q['segment'] for q in every))}")
        print(f"  body quotes: {len(body)}, by type {dict(Counter(q['type'] for _, q in body))}")
        print(f"  body quotes without cue: {sum(q['cue'] is None for _, q in body)}")
        print(f"  speaker mentions: {dict(kinds)}")
        print(f"  speaker canonical null: {sum(q['speaker_canonical'] is None for _, q in body)}")
        cues = Counter(
            articles[r["id"]]["text"][q["cue"]["start"] : q["cue"]["end"]].casefold()
            for r, q in body
            if q["cue"]
        )
        print(f"  most frequent cues: {cues.most_common(12)}")


def view(articles: dict[str, dict], ids: list[str]) -> None:
    for art_id in ids:
        art = articles[art_id]
        print(f"######## {art_id} {art['outlet']} | {art['title']}")
        pos = 0
        for n, line in enumerate(art["text"].split("\n")):
            print(f"[{n}:{pos}] {line}")
            pos += len(line) + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_view = sub.add_parser("view", help="print articles with line numbers and offsets")
    p_view.add_argument("ids", nargs="+")
    p_check = sub.add_parser("check", help="show resolved quotes and possible misses")
    p_check.add_argument("work", type=Path)
    p_check.add_argument("--id", nargs="+", help="only these articles")
    p_stats = sub.add_parser("stats", help="counts of gold files (for docs/quotes.md)")
    p_stats.add_argument("gold", type=Path, nargs="+")
    p_build = sub.add_parser("build", help="write the offset-only gold JSON Lines")
    p_build.add_argument("work", type=Path)
    p_build.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    articles = load_articles()
    try:
        if args.cmd == "view":
            view(articles, args.ids)
        elif args.cmd == "stats":
            stats(args.gold, articles)
        elif args.cmd == "check":
            check(parse_workfile(args.work), articles, args.id)
        else:
            records = build(parse_workfile(args.work), articles)
            verify(records, articles)
            with open(args.output, "w", encoding="utf-8") as f:
                for rec in records:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n = sum(len(r["quotes"]) for r in records)
            print(f"{len(records)} articles, {n} quotes -> {args.output}")
    except AnnotationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
