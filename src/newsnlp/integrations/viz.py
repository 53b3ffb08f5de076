"""Pictures of enriched articles: an HTML view (notebooks, ``newsnlp render``) and corpus plots.

* :func:`render_html` (``Article._repr_html_``) shows the metadata on top, then the text block by
  block, each structure segment shaded and labelled, with entities and time expressions marked by
  displaCy (``style="ent"``, ``manual=True``): an entity's label and canonical name, a time's
  TIMEX3 type and value.
* :func:`timeline` plots the resolved calendar dates of a corpus; :func:`top_entities` a bar chart
  of the most mentioned canonical entities. Both use matplotlib and return the ``Axes``.
"""

from __future__ import annotations

import html as _html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..record import Article

__all__ = [
    "ENTITY_COLORS",
    "SEGMENT_COLORS",
    "TIME_COLORS",
    "entity_counts",
    "render_html",
    "render_page",
    "timeline",
    "timeline_date",
    "top_entities",
]

ENTITY_COLORS: dict[str, str] = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#feca74",
    "PRODUCT": "#bfeeb7",
    "EVENT": "#ffeb80",
    "MISC": "#e4e7d2",
}
TIME_COLORS: dict[str, str] = {
    "DATE": "#f4a6c6",
    "TIME": "#f7b7a3",
    "DURATION": "#c9b3e6",
    "SET": "#b3d4e6",
}
SEGMENT_COLORS: dict[str, str] = {
    "title": "#fff4d6",
    "kicker": "#ffe0e0",
    "teaser": "#f3f0ff",
    "dateline": "#eef6ff",
    "lead": "#eafaf1",
    "body": "#ffffff",
    "subheading": "#fff9e6",
    "caption": "#f0f0f0",
    "credit": "#e8e8e8",
    "related": "#e6f0ff",
    "pagination": "#eeeeee",
    "byline": "#f5ecff",
    "source_link": "#e6fffa",
    "boilerplate": "#e2e2e2",
    "copyright": "#e2e2e2",
}
_INNER = ("credit", "dateline")

_CSS = """
.newsnlp{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;max-width:60em}
.newsnlp-meta{border-collapse:collapse;margin-bottom:.8em;font-size:.9em}
.newsnlp-meta th{text-align:left;padding:.15em .8em .15em 0;color:#555;vertical-align:top}
.newsnlp-meta td{padding:.15em 0}
.newsnlp-seg{border-left:4px solid #bbb;padding:.35em .6em;margin:.25em 0;border-radius:.2em}
.newsnlp-seg-label{font-size:.7em;font-weight:bold;text-transform:uppercase;color:#666;letter-spacing:.05em}
.newsnlp-seg-inner{font-size:.7em;color:#666;margin-left:.6em}
.newsnlp-seg .entities{line-height:2.2!important;padding:.1em 0!important}
"""


def _as_article(item: Any) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, Mapping):
        return Article.from_dict(dict(item))
    raise TypeError(f"expected an Article or its dict, got {type(item).__name__}")


def _as_articles(items: Any) -> list[Article]:
    if isinstance(items, (Article, Mapping)):
        items = [items]
    return [_as_article(a) for a in items]


def _kb_url(kb_id: str | None) -> str | None:
    if not kb_id:
        return None
    if kb_id.startswith("Q") and kb_id[1:].isdigit():
        return f"https://www.wikidata.org/wiki/{kb_id}"
    if kb_id.startswith("wikidata:"):
        return f"https://www.wikidata.org/wiki/{kb_id.split(':', 1)[1]}"
    if kb_id.startswith("dbpedia-id:"):
        return f"http://id.dbpedia.org/resource/{kb_id.split(':', 1)[1]}"
    if kb_id.startswith("geonames:") and kb_id[9:].isdigit():
        return f"https://www.geonames.org/{kb_id[9:]}"
    return None


def _marks(article: Article) -> list[dict[str, Any]]:
    """Non-overlapping displaCy spans: entities first, then the times that do not clash."""
    marks: list[dict[str, Any]] = []
    for e in article.entities:
        label = e.label
        if e.canonical and e.canonical != e.text:
            label = f"{e.label} · {e.canonical}"
        mark = {
            "start": e.start,
            "end": e.end,
            "label": _html.escape(label),
            "color": ENTITY_COLORS.get(e.label),
        }
        url = _kb_url(e.kb_id)
        if url:
            mark["kb_id"] = _html.escape(e.kb_id or "")
            mark["kb_url"] = _html.escape(url)
        marks.append(mark)
    for t in article.times:
        label = f"{t.type} {t.value}" if t.value else t.type
        if t.mod:
            label += f" ({t.mod})"
        marks.append(
            {"start": t.start, "end": t.end, "label": _html.escape(label), "color": TIME_COLORS.get(t.type)}
        )
    n_ents = len(article.entities)
    kept: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    # entities are placed first; a time expression is shown where it does not clash with one
    for m in sorted(marks[:n_ents], key=lambda m: (m["start"], m["start"] - m["end"])) + sorted(
        marks[n_ents:], key=lambda m: (m["start"], m["start"] - m["end"])
    ):
        if all(m["end"] <= s or m["start"] >= e for s, e in taken):
            kept.append(m)
            taken.append((m["start"], m["end"]))
    kept.sort(key=lambda m: m["start"])
    return kept


def _render_block(text: str, offset: int, marks: list[dict[str, Any]]) -> str:
    from spacy import displacy

    spans = []
    colors: dict[str, str] = {}
    for m in marks:
        span = {"start": m["start"] - offset, "end": m["end"] - offset, "label": m["label"]}
        if "kb_id" in m:
            span["kb_id"], span["kb_url"] = m["kb_id"], m["kb_url"]
        spans.append(span)
        if m["color"]:
            colors[m["label"].upper()] = m["color"]
    data = {"text": text, "ents": spans, "title": None}
    return displacy.render(data, style="ent", manual=True, jupyter=False, options={"colors": colors})


def _blocks(article: Article) -> list[tuple[int, int, str | None, list[Any]]]:
    """``(start, end, label, inner segments)`` covering the text: outer segments and the gaps."""
    text = article.text
    outer = sorted((s for s in article.segments if s.label not in _INNER), key=lambda s: s.start)
    inner = [s for s in article.segments if s.label in _INNER]
    blocks: list[tuple[int, int, str | None, list[Any]]] = []
    pos = 0
    for seg in outer:
        if seg.start < pos:
            continue
        if text[pos : seg.start].strip():
            blocks.append((pos, seg.start, None, []))
        holds = [s for s in inner if seg.start <= s.start and s.end <= seg.end]
        blocks.append((seg.start, seg.end, seg.label, holds))
        pos = seg.end
    if text[pos:].strip() or not blocks:
        blocks.append((pos, len(text), None, [s for s in inner if s.start >= pos]))
    return blocks


def _metadata_table(article: Article) -> str:
    md = article.metadata
    rows = [
        ("Title", md.title),
        ("Authors", ", ".join(md.authors)),
        ("Editors", ", ".join(md.editors)),
        ("Sources", ", ".join(md.sources)),
        ("Publisher", md.publisher),
        ("Published", f"{md.published} ({md.published_source or 'unknown'})" if md.published else None),
        ("URL", md.url),
        (
            "Layers",
            f"{len(article.sentences)} sentences, {len(article.tokens)} tokens, "
            f"{len(article.entities)} entities, {len(article.times)} times, "
            f"{len(article.segments)} segments; stages: {', '.join(article.stages) or '-'}",
        ),
    ]
    body = "".join(
        f"<tr><th>{_html.escape(k)}</th><td>{_html.escape(str(v))}</td></tr>" for k, v in rows if v
    )
    return f'<table class="newsnlp-meta">{body}</table>'


def render_html(
    article: Article | Mapping[str, Any], full_page: bool = False, title: str | None = None
) -> str:
    """HTML view of one enriched article (or its dict).

    Metadata on top, then each structure segment as a shaded, labelled block in which entities
    (label, canonical name, knowledge-base link) and time expressions (TIMEX3 type and value) are
    marked with displaCy. All text is HTML-escaped. ``full_page=True`` gives a complete HTML
    document (as ``newsnlp render`` writes); otherwise a fragment for notebooks.
    """
    art = _as_article(article)
    marks = _marks(art)
    parts = [f"<style>{_CSS}</style>", '<div class="newsnlp">', _metadata_table(art)]
    for start, end, label, inner in _blocks(art):
        inside = [m for m in marks if start <= m["start"] and m["end"] <= end]
        colour = SEGMENT_COLORS.get(label or "", "#ffffff")
        head = f'<span class="newsnlp-seg-label">{_html.escape(label or "unsegmented")}</span>'
        for s in inner:
            head += f'<span class="newsnlp-seg-inner">{_html.escape(s.label)}: {_html.escape(s.text)}</span>'
        parts.append(
            f'<div class="newsnlp-seg newsnlp-seg-{_html.escape(label or "none")}" '
            f'style="background:{colour}">{head}{_render_block(art.text[start:end], start, inside)}</div>'
        )
    parts.append("</div>")
    fragment = "\n".join(parts)
    if not full_page:
        return fragment
    page_title = _html.escape(title or art.metadata.title or "newsnlp article")
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{page_title}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def render_page(articles: Iterable[Article | Mapping[str, Any]], title: str = "newsnlp") -> str:
    """A complete HTML document showing several articles one after the other."""
    body = "\n<hr>\n".join(render_html(a) for a in articles)
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_html.escape(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# -- corpus plots ----------------------------------------------------------------------------


def _axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(9, 4))
    return ax


def timeline_date(value: str | None):
    """The day a TIMEX3 value falls on, for plotting: a plain day, month or year (first day, as
    :func:`~newsnlp.integrations.frames.timex_date`), or the day of a time (``2021-04-10TAF``,
    ``2020-08-03T14:20``); else ``None``."""
    from .frames import timex_date

    if value and len(value) > 10 and value[10] == "T":
        return timex_date(value[:10])
    return timex_date(value)


def timeline(
    articles: Any,
    ax=None,
    ids: Sequence[Any] | None = None,
    segments: Iterable[str] | None = None,
    show_published: bool = True,
):
    """Plot the resolved dates of a corpus: one row per article, one dot per time expression
    whose value is a day (also the day of a time), month or year (placed on its first day), as
    :func:`timeline_date` reads it, and a bar for each
    article's publication date. ``segments`` keeps only expressions in those segments (e.g.
    ``("lead", "body")``). Returns the matplotlib ``Axes``; the dots are its first collection.
    """
    import matplotlib.dates as mdates

    from .frames import _published_date

    arts = _as_articles(articles)
    ax = _axes(ax)
    keep = set(segments) if segments is not None else None
    xs, ys, pub_x, pub_y = [], [], [], []
    labels = []
    for row, art in enumerate(arts):
        name = ids[row] if ids is not None else (art.metadata.title or f"article {row}")
        labels.append(str(name)[:40])
        for t in art.times:
            if keep is not None and t.segment not in keep:
                continue
            day = timeline_date(t.value)
            if day is not None:
                xs.append(mdates.date2num(day))
                ys.append(row)
        pub = _published_date(art.metadata.published)
        if pub is not None:
            pub_x.append(mdates.date2num(pub))
            pub_y.append(row)
    ax.scatter(xs, ys, s=36, alpha=0.7, color="#d6336c", label="resolved date", zorder=3)
    if show_published and pub_x:
        ax.scatter(pub_x, pub_y, s=160, marker="|", color="#333333", label="published", zorder=2)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_yticks(range(len(arts)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_ylim(-0.7, max(len(arts), 1) - 0.3)
    ax.invert_yaxis()
    ax.set_title("Dates mentioned in the articles")
    ax.grid(axis="x", alpha=0.3)
    if xs or pub_x:
        ax.legend(loc="best", fontsize=8)
    return ax


def entity_counts(
    articles: Any,
    labels: Iterable[str] | None = None,
    segments: Iterable[str] | None = None,
    by: str = "mentions",
) -> Counter:
    """Counter of ``(canonical name, label)``: mentions (``by="mentions"``) or articles
    (``by="articles"``) across a corpus, optionally only for some labels or segments."""
    if by not in ("mentions", "articles"):
        raise ValueError("by must be 'mentions' or 'articles'")
    keep_l = set(labels) if labels is not None else None
    keep_s = set(segments) if segments is not None else None
    counts: Counter = Counter()
    for art in _as_articles(articles):
        seen = Counter()
        for e in art.entities:
            if keep_l is not None and e.label not in keep_l:
                continue
            if keep_s is not None and e.segment not in keep_s:
                continue
            seen[(e.canonical or e.text, e.label)] += 1
        counts.update(seen if by == "mentions" else Counter(dict.fromkeys(seen, 1)))
    return counts


def top_entities(
    articles: Any,
    n: int = 20,
    ax=None,
    labels: Iterable[str] | None = None,
    segments: Iterable[str] | None = None,
    by: str = "mentions",
):
    """Horizontal bar chart of the ``n`` most mentioned canonical entities across a corpus,
    coloured by label (most frequent on top). Returns the matplotlib ``Axes``."""
    from matplotlib.patches import Patch

    counts = entity_counts(articles, labels=labels, segments=segments, by=by)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    ax = _axes(ax)
    names = [f"{name} ({label})" for (name, label), _ in top]
    values = [v for _, v in top]
    colours = [ENTITY_COLORS.get(label, "#cccccc") for (_, label), _ in top]
    ax.barh(range(len(top)), values, color=colours, edgecolor="#555555", linewidth=0.5)
    ax.set_yticks(range(len(top)))
    ax.set_yticklabels(names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(by)
    ax.set_title(f"Top {len(top)} entities")
    present = dict.fromkeys(label for (_, label), _ in top)
    if present:
        ax.legend(
            handles=[Patch(color=ENTITY_COLORS.get(lab, "#cccccc"), label=lab) for lab in present],
            fontsize=8,
            loc="lower right",
        )
    return ax
