"""Page metadata: title, authors, editors, publisher, publication date and URL from JSON-LD
(``NewsArticle``), ``og:*``/``article:*`` meta tags, ``<title>`` and the canonical link."""

from __future__ import annotations

import html as _html
import json
import re
from typing import Any

from ..data.outlets import outlet_data, tld_alternation

__all__ = ["page_metadata", "tolerant_date"]

#: An outlet's name (a web domain, or a brand's leading word) from the one outlet source.
_OUTLET_NAME = re.compile(
    rf"\.(?:{tld_alternation('outlet')})\b|^(?:{'|'.join(map(re.escape, outlet_data()['brand_prefixes']))})\b",
    re.I,
)


def page_metadata(root) -> dict[str, Any]:
    md: dict[str, Any] = {}
    props: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in props:
            props[key] = _html.unescape(val)
    title_el = root.find(".//title")
    title = None
    ld = _json_ld(root)
    if ld.get("headline"):
        title = ld["headline"]
    elif props.get("og:title"):
        title = props["og:title"]
    elif props.get("twitter:title"):
        title = props["twitter:title"]
    else:
        h1 = root.find(".//h1")
        if h1 is not None and "".join(h1.itertext()).strip():
            title = "".join(h1.itertext())
        elif title_el is not None and title_el.text:
            title = re.split(r"\s+[|\-–—]\s+[^|\-–—]{2,40}$", title_el.text.strip())[0]
    if title:
        title = " ".join(_html.unescape(title).split())
        site = props.get("og:site_name") or ld.get("publisher")
        if site:
            for sep in (" - ", " | ", " – ", " — "):
                if title.lower().endswith((sep + site).lower()) and len(title) > len(sep + site) + 5:
                    title = title[: -len(sep + site)].rstrip()
        md["title"] = title
    site_names = {(x or "").strip().lower() for x in (props.get("og:site_name"), ld.get("publisher"))}
    authors = ld.get("authors") or []
    if not authors:
        for key in ("content_author", "dtk:author", "author", "article:author", "dc.creator"):
            v = props.get(key)
            if v and not v.startswith("http"):
                authors = [a.strip() for a in re.split(r",|\s+dan\s+|\s*&\s*", v) if a.strip()]
                # "author" meta naming the outlet itself ("Tribun Jogja", "CNN Indonesia") is no person
                authors = [a for a in authors if a.lower() not in site_names and not _looks_like_outlet(a)]
                if authors:
                    break
    if authors:
        md["authors"] = authors
    if ld.get("editors"):
        md["editors"] = ld["editors"]
    elif props.get("content_editor"):
        md["editors"] = [props["content_editor"]]
    pub = ld.get("publisher") or props.get("og:site_name") or props.get("publisher")
    if pub:
        md["publisher"] = pub
    published = (
        ld.get("datePublished")
        or props.get("article:published_time")
        or props.get("datepublished")
        or props.get("pubdate")
        or props.get("publishdate")
        or props.get("content_publishdate")
        or props.get("dc.date")
        or props.get("date")
        or props.get("content_publisheddate")
        or props.get("article:published")
        or props.get("og:published_time")
    )
    if not published:
        published = _headline_time(root)
    if published:
        published = tolerant_date(published)
    if published:
        md["published"] = published
    url = props.get("og:url") or ld.get("url")
    if not url:
        for link in root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                url = link.get("href")
                break
    if url:
        md["url"] = url
    return md


_DATE = re.compile(
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:\s*T?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<z>Z|[+-]\d{2}:?\d{2})?)?"
)


def tolerant_date(value: str) -> str | None:
    """An ISO 8601 date or datetime from a page's date string, written carelessly or not
    (``2015-11-05 T10:08:58Z``, ``2020/08/03 9:05``, ``2020-08-03T14:20:00+0700``,
    ``2020-08-03T14:20:00.000Z``); ``None`` when it holds no date."""
    m = _DATE.search(value.strip())
    if m is None:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is not None and int(m["H"]) < 24:
        out += f"T{int(m['H']):02d}:{m['M']}"
        if m["S"]:
            out += f":{m['S']}"
        z = m["z"]
        if z:
            out += "+00:00" if z == "Z" else (z if ":" in z else f"{z[:3]}:{z[3:]}")
    return out


def _headline_time(root: Any) -> str | None:
    """The ``datetime`` of the ``<time>`` element right after the headline (the article's date,
    not a sidebar's), else of the first ``<time>`` of the page."""
    times = [t for t in root.iter("time") if (t.get("datetime") or "").strip()]
    if not times:
        return None
    h1 = root.find(".//h1")
    if h1 is not None:
        after = False
        for el in root.iter():
            if el is h1:
                after = True
            elif after and el.tag == "time" and (el.get("datetime") or "").strip():
                return el.get("datetime")
    return times[0].get("datetime")


def _looks_like_outlet(name: str) -> bool:
    """A brand rather than a person: a domain or a known news-brand word (``Tribun Jogja``)."""
    return bool(_OUTLET_NAME.search(name))


def _names(value: Any) -> list[str]:
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for it in items:
        if isinstance(it, dict):
            if it.get("@type") in ("Organization", "NewsMediaOrganization"):
                continue  # an organisation given as author is the publisher, not a person
            name = it.get("name")
            if isinstance(name, str) and name.strip():
                out.append(" ".join(name.split()))
        elif isinstance(it, str) and it.strip() and not it.startswith("http"):
            out.extend(a.strip() for a in it.split(",") if a.strip())
    return out


def _json_ld(root) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        if len(script.text) > 500_000:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        queue = [data]
        seen = 0
        while queue and seen < 200:
            item = queue.pop(0)
            seen += 1
            if isinstance(item, list):
                queue.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            if "@graph" in item:
                queue.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
            typ = item.get("@type")
            types = typ if isinstance(typ, list) else [typ]
            if any(
                isinstance(t, str) and t.endswith(("Article", "NewsArticle", "BlogPosting", "Report"))
                for t in types
            ):
                if item.get("headline") and "headline" not in found:
                    found["headline"] = str(item["headline"])
                if item.get("datePublished") and "datePublished" not in found:
                    found["datePublished"] = str(item["datePublished"])
                if item.get("author") and "authors" not in found:
                    found["authors"] = _names(item["author"])
                if item.get("editor") and "editors" not in found:
                    found["editors"] = _names(item["editor"])
                pub = item.get("publisher")
                if isinstance(pub, dict) and pub.get("name") and "publisher" not in found:
                    found["publisher"] = str(pub["name"])
                if item.get("url") and "url" not in found and isinstance(item["url"], str):
                    found["url"] = item["url"]
    return found
