"""HTML pages to plain text, metadata and structure hints, safely.

:func:`html_to_text` parses with lxml without network access or entity resolution, walks the tree
iteratively (deeply nested pages do not hit the recursion limit), keeps captions, bylines and
related-link blocks (as text and as hints for the structure stage) and reads the page metadata
(``<title>``, ``og:*``/``article:*`` meta tags, JSON-LD ``NewsArticle``).
"""

from __future__ import annotations

import html as _html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lhtml

__all__ = ["HtmlExtraction", "html_to_text"]

_SKIP = frozenset(
    "script style noscript template svg math iframe object embed canvas select option button input "
    "textarea head nav form video audio source picture map link meta "
    # AMP page furniture: menus, analytics, consent notices, share buttons
    "amp-sidebar amp-analytics amp-consent amp-user-notification amp-social-share amp-pixel".split()
)
_BLOCK = frozenset(
    "p div section article header footer main aside h1 h2 h3 h4 h5 h6 ul ol li table tr td th "
    "blockquote pre figure figcaption dl dt dd hr address center details summary caption body html br".split()
)
_RELATED_CLASS = re.compile(
    r"related|baca[-_]?juga|bacajuga|terkait|read[-_]?also|readmore|read-more|rekomendasi|inline[-_]?link|also[-_]?read",
    re.I,
)
_CAPTION_CLASS = re.compile(
    r"caption|keterangan|figcaption|photo[-_]?desc|img[-_]?desc|(?:img|image|foto|photo|pic)\w*[-_]cap(?:$|[\s_-])",
    re.I,
)
_CREDIT_CLASS = re.compile(r"credit|copyright-photo|photo[-_]?credit|sumber[-_]?foto", re.I)
_BYLINE_CLASS = re.compile(r"byline|author|penulis|reporter|editor|contributor", re.I)
_FOOT_CLASS = re.compile(r"copyright|footer", re.I)
_PAGING_CLASS = re.compile(
    r"(?:^|[\s_-])(?:paging|pagination|page-?nav\w*|pager)(?:$|[\s_-])|item-page-navigation", re.I
)
#: Page furniture around the article: cookie notices, breadcrumbs, share bars, comments, tag lists,
#: newsletter boxes, ad slots. Their lines are hinted ``boilerplate``.
_BOILER_CLASS = re.compile(
    r"cookie|consent|gdpr|breadcrumb|share|social|sosmed|comment|komentar|disqus|newsletter|subscribe|"
    r"langganan|popup|modal|(?:^|[\s_-])tags?(?:$|[\s_-])|tag__|tag-list|taglist|topik|keywords?(?:$|[\s_-])|"
    r"(?:^|[\s_-])(?:ads?|adv|advert\w*|iklan|banner|sponsor\w*|gpt)(?:$|[\s_-])|google-?ads|"
    r"follow-?us|ikuti-?kami|app-?download|sticky|skip-?link|sr-only|visually-hidden|tagcloud|"
    r"cat-links|tags-links|entry-footer|post-categories|"
    r"(?:^|[\s_-])menu(?:$|[\s_-])|navbar|main-?nav|site-?nav|nav-?menu",
    re.I,
)
_MAX_TEXT = 2_000_000


@dataclass
class HtmlExtraction:
    """Text of an HTML page, its metadata and the spans the markup itself labels.

    ``metadata`` keys are among ``title``, ``authors`` (list), ``editors``, ``publisher``,
    ``published`` (ISO string) and ``url``. ``hints`` are ``(start, end, label)`` spans over
    ``text`` with structure labels (``title``, ``caption``, ``credit``, ``related``, ``byline``,
    ``subheading``, ``copyright``).
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    hints: list[tuple[int, int, str]] = field(default_factory=list)


def _parser() -> lhtml.HTMLParser:
    # libxml2's HTML parser never loads external entities or DTDs (it has no
    # ``resolve_entities`` switch: entity expansion belongs to the XML parser); network access is
    # off as well, and the internal DTD subset is stripped beforehand (see _strip_doctype).
    return lhtml.HTMLParser(
        no_network=True,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        default_doctype=False,
    )


def _strip_doctype(source: str) -> str:
    # An internal DTD subset (<!DOCTYPE x [<!ENTITY ...>]>) is dropped before parsing: no entity
    # declared by the page is ever expanded.
    return (
        re.sub(r"<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>", "", source[:200000], count=1, flags=re.I)
        + source[200000:]
    )


def _attrs(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''} {el.get('rel') or ''}"


_LINK_BLOCKS = frozenset(("p", "li", "h2", "h3", "h4", "h5", "dt", "dd"))


def _link_only(el) -> bool:
    """A paragraph or list item whose text is (almost) all link text: a link to another article."""
    if el.find(".//a") is None:
        return False
    full = " ".join(el.text_content().split())
    if len(full.split()) < 4 or len(full) > 300:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return linked >= 0.9 * len(full)


def _hint_label(el, tag: str) -> str | None:
    if tag == "h1":
        return "title"
    if tag in _LINK_BLOCKS and _link_only(el):
        return "related"
    if tag == "figcaption" or (tag != "figure" and _CAPTION_CLASS.search(_attrs(el))):
        return "caption"
    a = _attrs(el)
    if tag in ("h2", "h3", "h4") and not _RELATED_CLASS.search(a):
        return "subheading"
    if tag == "aside" or _RELATED_CLASS.search(a):
        return "related"
    if _CREDIT_CLASS.search(a):
        return "credit"
    if _PAGING_CLASS.search(a):
        return "pagination"
    if tag not in ("body", "html", "article", "main") and _BOILER_CLASS.search(a):
        return "boilerplate"
    if tag in ("address",) or el.get("rel") == "author" or _BYLINE_CLASS.search(a):
        return "byline"
    if tag == "footer" or _FOOT_CLASS.search(a):
        return "copyright" if "copyright" in a.lower() else None
    return None


def _content_root(root):
    """The element holding the article: the <article> (or articleBody) with most text, else <body>."""
    best, best_len = None, 0
    for el in root.iter("article", "main"):
        n = len(el.text_content())
        if n > best_len:
            best, best_len = el, n
    for el in root.xpath('//*[@itemprop="articleBody"]'):
        n = len(el.text_content())
        # an articleBody inside the best element, holding nearly all its text, does not replace it
        if n > best_len and not (n > best_len * 0.9 and best is not None and el in best.iterdescendants()):
            best, best_len = el, n
    if best is not None and best_len >= 200:
        return best
    body = root.find(".//body")
    return body if body is not None else root


def _walk(el, parts: list[str], hints: list[tuple[int, int, str]], pos: list[int]) -> None:
    """Iterative text extraction (no recursion) recording hint spans."""
    stack: list[tuple[Any, int]] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            if event == "end" and node.tail and not _in_skip(stack):
                _add(parts, pos, node.tail)
            continue
        tag = node.tag.lower()
        if event == "start":
            if tag == "a" and pos[0] and parts and parts[-1][-1:].isalnum():
                prev = node.getprevious()
                if (
                    prev is not None
                    and isinstance(prev.tag, str)
                    and prev.tag.lower() == "a"
                    and not (prev.tail or "").strip()
                ):
                    _add(parts, pos, " ")  # adjacent links (menus, tag lists) are separate words
            skip = (
                tag in _SKIP
                or node.get("hidden") is not None
                or node.get("layout") == "nodisplay"
                or "display:none" in (node.get("style") or "").replace(" ", "")
            )
            if tag in _BLOCK:
                _newline(parts, pos)
            label = None if skip else _hint_label(node, tag)
            if (
                label is None
                and not skip
                and tag in ("b", "strong")
                and (not parts or parts[-1].endswith("\n"))
            ):
                # a bold run opening a paragraph (``<b>Liputan6.com, Jakarta</b> ...``): a dateline candidate
                label = "dateline"
            stack.append((node, pos[0], label, skip))
            if not skip and not _in_skip(stack[:-1]) and node.text:
                _add(parts, pos, node.text)
        else:
            _, start, label, skip = stack.pop()
            if tag in _BLOCK:
                _newline(parts, pos)
            if label and not skip and not _in_skip(stack):
                hints.append((start, pos[0], label))
            if node is not el and node.tail and not _in_skip(stack):
                _add(parts, pos, node.tail)
        if pos[0] > _MAX_TEXT:
            break


def _in_skip(stack) -> bool:
    return any(item[3] for item in stack)


def _add(parts: list[str], pos: list[int], s: str) -> None:
    s = re.sub(r"[ \t\r\f\v\u00a0]+", " ", s.replace("\n", " "))
    if not s:
        return
    if parts and parts[-1].endswith(("\n", " ")) and s.startswith(" "):
        s = s[1:]
    if not s:
        return
    parts.append(s)
    pos[0] += len(s)


def _newline(parts: list[str], pos: list[int]) -> None:
    if parts and not parts[-1].endswith("\n"):
        # drop a trailing space before the line break
        if parts[-1].endswith(" "):
            parts[-1] = parts[-1][:-1]
            pos[0] -= 1
        parts.append("\n")
        pos[0] += 1


def _meta(root) -> dict[str, Any]:
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
        if h1 is not None and h1.text_content().strip():
            title = h1.text_content()
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
    if published:
        published = published.strip()
        m = re.match(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?", published)
        if m:
            published = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            if m.group(4):
                published += (
                    "T" + m.group(4).rjust(5, "0") if len(m.group(4).split(":")[0]) == 1 else "T" + m.group(4)
                )
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


def _looks_like_outlet(name: str) -> bool:
    """A brand rather than a person: a domain or a known news-brand word (``Tribun Jogja``)."""
    return bool(
        re.search(
            r"\.(?:com|co\.id|id|net)\b|^(?:Tribun|Kompas|Detik|Liputan6|Tempo|Antara|Republika|"
            r"CNN|CNBC|Okezone|Sindonews|Suara|Kumparan|Viva|Merdeka|Redaksi|Admin)\b",
            name,
            re.I,
        )
    )


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


def html_to_text(html: str) -> HtmlExtraction:
    """Turn an HTML page into text, metadata and structure hints (never raises on bad markup)."""
    if not isinstance(html, str):
        html = bytes(html).decode("utf-8", "replace")
    if not html.strip():
        return HtmlExtraction(text="")
    try:
        root = lhtml.document_fromstring(_strip_doctype(html), parser=_parser())
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return HtmlExtraction(text=re.sub(r"<[^>]{0,2000}>", " ", html)[:_MAX_TEXT].strip())
    try:
        md = _meta(root)
    except (ValueError, RecursionError):  # pragma: no cover - defensive
        md = {}
    parts: list[str] = []
    hints: list[tuple[int, int, str]] = []
    pos = [0]
    content = _content_root(root)
    # The headline may sit outside the article element: put it first.
    h1 = root.find(".//h1")
    if h1 is not None and content is not None and h1 not in content.iterdescendants():
        _walk(h1, parts, hints, pos)
        _newline(parts, pos)
    _walk(content, parts, hints, pos)
    raw = "".join(parts)
    text, hints = _tidy(raw, hints)
    # libxml2 gives up on absurdly deep trees (thousands of nested elements) and may drop their
    # text: fall back to a plain tag-stripping pass when the tree walk lost most of the text.
    if len(text) < 2000:
        crude = _crude_text(html)
        if len(crude) > 2 * len(text) + 20:
            return HtmlExtraction(text=crude, metadata=md, hints=[])
    return HtmlExtraction(text=text, metadata=md, hints=hints)


_CRUDE_DROP = re.compile(r"<(script|style|noscript|template|svg|head)\b[^>]{0,2000}>[\s\S]*?</\1\s*>", re.I)
_CRUDE_BLOCK = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|tr|section|article|figure|figcaption|blockquote|header|footer)\b[^>]{0,2000}>",
    re.I,
)
_CRUDE_TAG = re.compile(r"<[^>]{0,2000}>")


def _crude_text(source: str) -> str:
    s = _CRUDE_DROP.sub(" ", source[: _MAX_TEXT * 2])
    s = re.sub(r"<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>", " ", s, flags=re.I)
    s = _CRUDE_BLOCK.sub("\n", s)
    s = _CRUDE_TAG.sub(" ", s)
    s = _html.unescape(s)  # only the predefined and numeric entities of HTML, never declared ones
    lines = [" ".join(line.split()) for line in s.split("\n")]
    return "\n\n".join(line for line in lines if line)


def _tidy(raw: str, hints: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Collapse runs of blank lines and strip line edges, remapping hint offsets."""
    out: list[str] = []
    mapping = [0] * (len(raw) + 1)
    n = 0
    lines = raw.split("\n")
    i = 0
    for k, line in enumerate(lines):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        for j in range(len(line) + 1):
            mapping[i + j] = n + max(0, min(j - lead, len(stripped)))
        if stripped:
            out.append(stripped)
            n += len(stripped)
            if k < len(lines) - 1:
                out.append("\n\n")
                n += 2
        i += len(line) + 1
    text = "".join(out).rstrip("\n")
    new_hints = []
    for s, e, lab in hints:
        ns, ne = mapping[min(s, len(raw))], mapping[min(e, len(raw))]
        ne = min(ne, len(text))
        while ns < ne and text[ns].isspace():
            ns += 1
        while ne > ns and text[ne - 1].isspace():
            ne -= 1
        if ne > ns:
            new_hints.append((ns, ne, lab))
    new_hints.sort()
    return text, new_hints
