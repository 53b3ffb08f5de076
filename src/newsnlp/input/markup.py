"""What an HTML element is, from its tag and its class/id attributes: a structure hint
(``title``, ``caption``, ``credit``, ``related``, ``byline``, ``subheading``, ``pagination``,
``boilerplate``, ``copyright``) for the structure stage, or an element whose text is dropped."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["BLOCK_TAGS", "LINK_BLOCKS", "SKIP_TAGS", "hint_label", "link_only"]

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
)
_CAPTION_CLASS = re.compile(
    r"caption|keterangan|figcaption|photo[-_]?desc|img[-_]?desc|(?:img|image|foto|photo|pic)\w*[-_]cap(?:$|[\s_-])",
)
_CREDIT_CLASS = re.compile(r"credit|copyright-photo|photo[-_]?credit|sumber[-_]?foto")
_BYLINE_CLASS = re.compile(r"byline|author|penulis|reporter|editor|contributor")
_FOOT_CLASS = re.compile(r"copyright|footer")
_PAGING_CLASS = re.compile(
    r"(?:^|[\s_-])(?:paging|pagination|page-?nav\w*|pager)(?:$|[\s_-])|item-page-navigation"
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
)


#: Literal fragments of which every class pattern above needs one (a quick test before them: most
#: attribute strings hold none, and ``in`` is far cheaper than a search with many alternatives).
_FRAGMENTS = tuple(
    "related baca terkait read rekomendasi inline also cap keterangan desc credit copyright sumber "
    "byline author penulis reporter editor contributor footer pag cookie consent gdpr breadcrumb "
    "share social sosmed comment komentar disqus newsletter subscribe langganan popup modal tag "
    "topik keyword iklan banner sponsor gpt advert google follow ikuti download sticky skip sr-only "
    "visually cat-links categor menu nav".split()
)


def _trie(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words`` as a substring, built as a trie (``(?:a(?:d|uthor)|b...)``):
    Python's regex engine tries the alternatives of a flat list one by one at every position, a
    trie only the branch of the character it reads (twice as fast on class strings)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node:  # a word ends here: any longer word through this node matches it too
            return ""
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(node)]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(tree)


#: One search for any of them, or for an ad word standing alone (``ad``, ``ads``, ``adv``, between
#: spaces, underscores or hyphens): the prefilter every element with attributes goes through.
_ANY_CLASS_WORD = re.compile(_trie(_FRAGMENTS) + r"|(?:^|[\s_-])(?:ads?|adv)(?=$|[\s_-])")


LINK_BLOCKS = frozenset(("p", "li", "h2", "h3", "h4", "h5", "dt", "dd"))


def link_only(tag: str, text: str, linked: int) -> bool:
    """A paragraph or list item whose text (``text``, of which ``linked`` characters are link
    text) is (almost) all link text: a link to another article."""
    if tag not in LINK_BLOCKS or len(text) > 300 or len(text.split()) < 4:
        return False
    return linked >= 0.9 * len(text.strip())


_TAG_ONLY = {"h1": "title", "figcaption": "caption", "h2": "subheading", "h3": "subheading"}
_TAG_ONLY.update({"h4": "subheading", "aside": "related", "address": "byline"})


def hint_label(el, tag: str, attrib=None) -> str | None:
    """The structure hint an element's tag and attributes give (``None``: no hint); the link-only
    rule (:func:`link_only`) is applied by the walk when the element's text is known. ``attrib``:
    the element's ``attrib``, when the caller has it."""
    if tag == "h1":
        return "title"
    if attrib is None:
        attrib = el.attrib
    if not attrib:  # most elements: the tag alone decides
        return _TAG_ONLY.get(tag)
    # class, itemprop and rel repeat across a page (the decision is cached); an id is unique, so
    # it is read on its own, and only when the other attributes say nothing
    rel = attrib.get("rel") or ""
    label = _label_of(
        tag, f"{attrib.get('class') or ''} {attrib.get('itemprop') or ''} {rel}", rel == "author"
    )
    if label is None or label == _TAG_ONLY.get(tag):
        ident = attrib.get("id")
        if ident:
            return _label_of(tag, ident, False) or label
    return label


@lru_cache(maxsize=8192)
def _label_of(tag: str, a: str, rel_author: bool) -> str | None:
    # pages repeat the same class strings on many elements: the decision is cached; one search
    # for any class word first (most attribute strings hold none)
    al = a.lower()
    if not (rel_author or _ANY_CLASS_WORD.search(al)):
        return _TAG_ONLY.get(tag)
    a = al  # the class patterns are written in lower case
    if tag == "figcaption" or (tag != "figure" and _CAPTION_CLASS.search(a)):
        return "caption"
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
    if tag in ("address",) or rel_author or _BYLINE_CLASS.search(a):
        return "byline"
    if tag == "footer" or _FOOT_CLASS.search(a):
        return "copyright" if "copyright" in a.lower() else None
    return None
