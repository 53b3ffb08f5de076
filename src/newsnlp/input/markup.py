"""What an HTML element is, from its tag and its class/id attributes: a structure hint
(``title``, ``caption``, ``credit``, ``related``, ``byline``, ``subheading``, ``pagination``,
``boilerplate``, ``copyright``) for the structure stage, or an element whose text is dropped."""

from __future__ import annotations

import re

__all__ = ["BLOCK_TAGS", "SKIP_TAGS", "hint_label"]

SKIP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas select option button input "
    "textarea head nav form video audio source picture map link meta "
    # AMP page furniture: menus, analytics, consent notices, share buttons
    "amp-sidebar amp-analytics amp-consent amp-user-notification amp-social-share amp-pixel".split()
)
BLOCK_TAGS = frozenset(
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


def hint_label(el, tag: str) -> str | None:
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
