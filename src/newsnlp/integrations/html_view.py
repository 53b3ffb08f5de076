"""The HTML view of an enriched article (``Article._repr_html_``, ``newsnlp render``).

Metadata and a legend on top, then the text block by block, each structure segment shaded and
labelled, with entities and time expressions marked by displaCy (``style="ent"``, ``manual=True``):
an entity's label and canonical name, a time's TIMEX3 type and value; then the quotes, each with its
speaker (mention and canonical name), type, cue and segment. :func:`render_article` reads the record's
attributes only, so the record can call it without an import loop: the module imports nothing of
newsnlp at run time (:func:`newsnlp.integrations.viz.render_html` also takes the record's dict).
"""

from __future__ import annotations

import html as _html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..record import Article

__all__ = ["ENTITY_COLORS", "SEGMENT_COLORS", "TIME_COLORS", "render_article", "render_quotes"]

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
.newsnlp-quotes{border-collapse:collapse;margin-top:.8em;font-size:.9em;width:100%}
.newsnlp-quotes caption{text-align:left;font-weight:bold;color:#555;padding:.2em 0}
.newsnlp-quotes th{text-align:left;color:#555;border-bottom:1px solid #ccc;padding:.2em .5em .2em 0}
.newsnlp-quotes td{vertical-align:top;border-bottom:1px solid #eee;padding:.25em .5em .25em 0}
.newsnlp-quote-type{font-size:.75em;text-transform:uppercase;color:#666}
.newsnlp-seg,.newsnlp mark{overflow-wrap:anywhere;word-break:break-word}
.newsnlp mark{-webkit-box-decoration-break:clone;box-decoration-break:clone}
.newsnlp-legend{font-size:.75em;margin:.2em 0 .6em;line-height:2}
.newsnlp-legend-item{display:inline-block;padding:0 .45em;margin:0 .3em .2em 0;border-radius:.3em;border:1px solid #ccc}
.newsnlp-legend-kind{font-weight:bold;color:#555;margin-right:.4em}
"""


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


def _legend(article: Article) -> str:
    """The colours of the entity labels, time types and segment labels this article shows."""
    rows = (
        ("entities", ENTITY_COLORS, {e.label for e in article.entities}),
        ("times", TIME_COLORS, {t.type for t in article.times}),
        ("segments", SEGMENT_COLORS, {s.label for s in article.segments if s.label not in _INNER}),
    )
    parts = []
    for kind, colours, used in rows:
        items = "".join(
            f'<span class="newsnlp-legend-item" data-label="{_html.escape(label)}" '
            f'style="background:{colour}">{_html.escape(label)}</span>'
            for label, colour in colours.items()
            if label in used
        )
        if items:
            parts.append(f'<div><span class="newsnlp-legend-kind">{kind}</span>{items}</div>')
    return f'<div class="newsnlp-legend">{"".join(parts)}</div>' if parts else ""


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
            f"{len(article.segments)} segments, {len(getattr(article, 'quotes', []))} quotes; "
            f"stages: {', '.join(article.stages) or '-'}",
        ),
    ]
    body = "".join(
        f"<tr><th>{_html.escape(k)}</th><td>{_html.escape(str(v))}</td></tr>" for k, v in rows if v
    )
    return f'<table class="newsnlp-meta">{body}</table>'


def render_quotes(article: Article) -> str:
    """The quotes of an article as an HTML table (speaker, type and cue, segment, content), or
    ``""`` when it has none. All text is HTML-escaped."""
    quotes = getattr(article, "quotes", None) or []
    if not quotes:
        return ""
    rows = []
    for n, q in enumerate(quotes, 1):
        mention = q.speaker.text if q.speaker is not None else "–"
        who = _html.escape(q.speaker_canonical or "–")
        if q.speaker_canonical and q.speaker_canonical != mention:
            who += f' <span class="newsnlp-quote-type">({_html.escape(mention)})</span>'
        elif not q.speaker_canonical and q.speaker is not None:
            who = f"<i>{_html.escape(mention)}</i>"
        cue = _html.escape(q.cue.text) if q.cue is not None else "–"
        rows.append(
            f"<tr><td>{n}</td><td>{who}</td>"
            f'<td><span class="newsnlp-quote-type">{_html.escape(q.type)}</span><br>{cue}</td>'
            f"<td>{_html.escape(q.segment or '–')}</td><td>{_html.escape(q.text)}</td></tr>"
        )
    head = "<tr><th>#</th><th>speaker</th><th>type, cue</th><th>segment</th><th>quote</th></tr>"
    return (
        f'<table class="newsnlp-quotes"><caption>Quotes ({len(quotes)})</caption>'
        f"{head}{''.join(rows)}</table>"
    )


def render_article(article: Article, full_page: bool = False, title: str | None = None) -> str:
    """HTML view of one enriched article.

    Metadata on top, a legend of the colours in use, then each structure segment as a shaded,
    labelled block in which entities (label, canonical name, knowledge-base link) and time
    expressions (TIMEX3 type and value) are marked with displaCy (a long mark wraps inside its
    block), then the table of quotes with their speakers (:func:`render_quotes`).
    All text is HTML-escaped. ``full_page=True`` gives a complete HTML
    document (as ``newsnlp render`` writes); otherwise a fragment for notebooks.
    """
    art = article
    marks = _marks(art)
    parts = [f"<style>{_CSS}</style>", '<div class="newsnlp">', _metadata_table(art), _legend(art)]
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
    parts.append(render_quotes(art))
    parts.append("</div>")
    fragment = "\n".join(parts)
    if not full_page:
        return fragment
    page_title = _html.escape(title or art.metadata.title or "newsnlp article")
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{page_title}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )
