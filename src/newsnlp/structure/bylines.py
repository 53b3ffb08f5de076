"""Bylines to metadata: authors, editors and sources from the byline lines (keys decide the role,
``Laporan Wartawan X, Name``, ``Name - detikNews``, a closing ``(Name)``), the publisher from the
dateline token."""

from __future__ import annotations

import re

from .context import Context
from .features import Line
from .result import SegmentResult

__all__ = ["metadata", "parse_byline", "people", "split_names"]


def metadata(ctx: Context, lines: list[Line], res: SegmentResult, publisher_tok: str | None) -> None:
    r = ctx.r
    for ln in lines:
        if ln.label == "title" and res.title is None:
            res.title = ln.text.strip()
    if publisher_tok:
        tok = publisher_tok.strip("() ")
        res.publisher = r.publisher_name(tok)
        res.publisher_token = tok
    end_role = r.end_paren_role.get(res.publisher or "", "authors")
    paired: set[int] = set()  # name lines read together with their key
    for k, ln in enumerate(lines):
        if ln.label != "byline" or not r.byline_key_alone.match(ln.text):
            continue
        for j in (k + 1, k - 1):  # the name below its key ("Penulis" / "Rina"), else above it
            if (
                0 <= j < len(lines)
                and j not in paired
                and lines[j].label == "byline"
                and not r.byline_key_alone.match(lines[j].text)
                and not r.byline_key_anywhere.search(lines[j].text)
            ):
                paired.add(j)
                parse_byline(ctx, ln.text.rstrip(" :：") + ": " + lines[j].text, res, end_role)
                break
    for k, ln in enumerate(lines):
        texts: list[str] = []
        if ln.label == "byline" and (k in paired or r.byline_key_alone.match(ln.text)):
            continue
        if ln.label == "byline":
            texts.append(ln.text)
        if ln.tail is not None and ln.tail[1] == "byline":
            texts.append(ln.text[ln.tail[0] - ln.start :])
        for t in texts:
            parse_byline(ctx, t, res, end_role)
    for name in ("authors", "editors", "sources"):
        vals = getattr(res, name)
        setattr(res, name, list(dict.fromkeys(v for v in vals if v)))


def parse_byline(ctx: Context, t: str, res: SegmentResult, end_role: str) -> None:
    r = ctx.r
    for pat in r.syndication:
        m = pat.match(t)
        if m:
            src = (m.groupdict().get("source") or "").strip(" .,:")
            if src:
                res.sources.extend(split_names(src))
            return
    m = r.byline_report.match(t)
    if m:
        res.authors.extend(split_names(m.group("name")))
        return
    m = r.byline_brand.match(t)
    if m:
        res.authors.extend(split_names(m.group("name")))
        if res.publisher is None:
            res.publisher = r.publisher_name(m.group("brand"))
        return
    m = r.byline_nocolon.match(t)
    if m and not r.byline_key_anywhere.search(t):
        parts = re.split(r"\s*\|\s*", t)
        for part in parts:
            mm = r.byline_nocolon.match(part.strip())
            if mm:
                role = r.byline_roles.get(mm.group("key"), "authors")
                if role in ("authors", "editors", "sources"):
                    getattr(res, role).extend(split_names(mm.group("rest")))
        return
    inner = t.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    keys = list(r.byline_key_anywhere.finditer(inner))
    if keys:
        for k, m in enumerate(keys):
            value = inner[m.end() : keys[k + 1].start() if k + 1 < len(keys) else len(inner)]
            value = value.strip(" |;,-–—/")
            role = r.byline_roles.get(m.group("key"), "other")
            if role in ("authors", "editors", "sources") and value:
                getattr(res, role).extend(people(ctx, value))
        return
    if r.initials.match(inner):
        return
    m = ctx.r.domain_slash_name.match(inner)
    if m:
        res.authors.extend(split_names(m.group(1)))
        return
    if end_role in ("authors", "editors") and re.fullmatch(
        r"[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,3}", inner
    ):
        getattr(res, end_role).append(inner)


def people(ctx: Context, value: str) -> list[str]:
    """The names of a byline value, without what follows them: an affiliation after a slash
    (``Budi Santoso/Kompas``: a known outlet, brand, agency or domain) and a place glued to the
    last name (``Budi SantosoJakarta``)."""
    r = ctx.r
    parts = re.split(r"\s*/\s*", value.strip())
    while len(parts) > 1 and r.outlet_name.fullmatch(parts[-1]):
        parts.pop()
    names = split_names("/".join(parts))
    return [_GLUED_PLACE.sub(r"\1", n) for n in names]


#: A place glued to the last word of a name (``SantosoJakarta``, ``SantosoJAKARTA``): a lower-case
#: letter followed by a capitalised or upper-case word that ends the value.
_GLUED_PLACE = re.compile(r"(?<=\s)([A-Z][a-z]{2,})(?:[A-Z][a-z]{2,}|[A-Z]{3,})$")


def split_names(value: str) -> list[str]:
    value = value.strip()
    parts = re.split(r"\s*(?:,|;|&|\||/|\bdan\b|\band\b)\s*", value)
    out = []
    for p in parts:
        p = p.strip(" .:-–—()")
        if p and len(p) <= 80 and any(c.isalpha() for c in p):
            out.append(p)
    return out
