"""Pictures of enriched articles: an HTML view (notebooks, ``newsnlp render``) and corpus plots.

* :func:`render_html` (``Article._repr_html_``, through :mod:`newsnlp.integrations.html_view`)
  shows the metadata on top, then the text block by block, each structure segment shaded and
  labelled, with entities and time expressions marked by displaCy (``style="ent"``,
  ``manual=True``): an entity's label and canonical name, a time's TIMEX3 type and value; then the
  quotes with their speakers.
* :func:`timeline` plots the resolved calendar dates of a corpus; :func:`top_entities` a bar chart
  of the most mentioned canonical entities. Both use matplotlib and return the ``Axes``.
"""

from __future__ import annotations

import html as _html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..record import Article
from .html_view import ENTITY_COLORS, SEGMENT_COLORS, TIME_COLORS, render_article

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


def render_html(
    article: Article | Mapping[str, Any], full_page: bool = False, title: str | None = None
) -> str:
    """HTML view of one enriched article (or its dict): see
    :func:`newsnlp.integrations.html_view.render_article`. ``full_page=True`` gives a complete
    HTML document (as ``newsnlp render`` writes); otherwise a fragment for notebooks."""
    return render_article(_as_article(article), full_page=full_page, title=title)


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
