"""An HTML page as a tree (lxml, safely: no network, no entity expansion) and the tree as text:
an iterative walk (deep pages do not hit the recursion limit) that turns blocks into lines and
records the hint spans of :mod:`~newsnlp.input.markup`."""

from __future__ import annotations

import bisect
import re
from typing import Any

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from ..lines import LINE_BREAK_CLASS, LINE_BREAKS
from .markup import BLOCK_TAGS, LINK_BLOCKS, SKIP_TAGS, hint_label, link_only

__all__ = [
    "MAX_TEXT",
    "content_root",
    "make_parser",
    "newline",
    "parse",
    "prepare_source",
    "text_of",
    "tidy",
    "walk",
]

MAX_TEXT = 2_000_000


def make_parser() -> etree.HTMLParser:
    """libxml2's HTML parser, safe: it never loads external entities or DTDs (it has no
    ``resolve_entities`` switch: entity expansion belongs to the XML parser), network access is
    off, and the internal DTD subset is stripped beforehand (:func:`prepare_source`).

    Elements are ``lxml.html.HtmlElement`` (so that trafilatura reads this very tree instead of
    parsing the page again), chosen by lxml's C-level default lookup rather than ``lxml.html``'s
    Python lookup by tag (which makes walking a tree a third slower)."""
    parser = etree.HTMLParser(
        no_network=True,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
    )
    parser.set_element_class_lookup(_HTML_CLASSES)
    return parser


_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)


def parse(source: str) -> Any:
    """The root element of the page ``source`` (prepared by :func:`prepare_source`), or ``None``."""
    try:
        return etree.fromstring(source, parser=make_parser())
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def text_of(el: Any) -> str:
    """All the text inside ``el`` (as ``lxml.html``'s ``text_content``)."""
    return "".join(el.itertext())


_XML_DECL = re.compile(r"\A\s*<\?xml\b[^>]{0,500}>")
_DOCTYPE = re.compile(r"<!doctype\b", re.I)


def prepare_source(source: str) -> str:
    """``source`` ready for lxml: an XML declaration (lxml refuses one in a ``str``) and the
    first ``<!DOCTYPE ...>`` with its internal subset (``<!DOCTYPE x [<!ENTITY ...>]>``: no entity
    declared by the page is ever expanded) removed. Linear: one search for each end, never a
    pattern that rescans the rest of the page from every ``<!DOCTYPE``."""
    m = _XML_DECL.match(source)
    if m:
        source = source[m.end() :]
    m = _DOCTYPE.search(source, 0, 100_000)
    if m is None:
        return source
    start = m.start()
    gt = source.find(">", m.end())
    if gt < 0:
        return source[:start]
    bracket = source.find("[", m.end(), gt)
    if bracket < 0:
        return source[:start] + source[gt + 1 :]
    close = source.find("]", bracket)
    if close < 0:  # an internal subset never closed: nothing after it is markup a browser shows
        return source[:start]
    gt = source.find(">", close)
    return source[:start] + (source[gt + 1 :] if gt >= 0 else "")


def content_root(root):
    """The element holding the article: the <article> (or articleBody) with most text, else <body>."""
    best, best_len = None, 0
    for el in root.iter("article", "main"):
        n = len(text_of(el))
        if n > best_len:
            best, best_len = el, n
    for el in root.xpath('//*[@itemprop="articleBody"]'):
        n = len(text_of(el))
        # an articleBody inside the best element, holding nearly all its text, does not replace it
        if n > best_len and not (n > best_len * 0.9 and best is not None and el in best.iterdescendants()):
            best, best_len = el, n
    if best is not None and best_len >= 200:
        return best
    body = root.find(".//body")
    return body if body is not None else root


def walk(
    el,
    parts: list[str],
    hints: list[tuple[int, int, str]],
    pos: list[int],
    stats: dict[str, int] | None = None,
) -> bool:
    """Iterative text extraction (no recursion) recording hint spans; ``True`` when the text
    reached :data:`MAX_TEXT` characters and was cut there. ``stats`` (when given) receives the
    number of elements and the deepest nesting seen. Linear in the size of the tree.

    This runs on every element of every page: the running offset and link count are locals, a
    blank text node (indentation between tags, two thirds of all text nodes) costs no regex, and a
    dropped element (:data:`~newsnlp.input.markup.SKIP_TAGS`, hidden) is skipped whole."""
    stack: list[tuple[str, int, str | None, bool, int, int]] = []  # tag, start, label, skipped, ...
    links = 0  # open <a> elements
    linked = 0  # characters added inside links so far
    elements = depth = 0
    p = pos[0]
    append = parts.append

    def add(s: str) -> None:
        nonlocal p, linked
        if not s.strip(_BLANK):  # only spaces and line breaks: one space at most
            if not parts or parts[-1][-1] not in "\n ":
                append(" ")
                p += 1
            return
        s = _SPACE.sub(" ", s)
        if s[0] == " " and parts and parts[-1][-1] in "\n ":
            s = s[1:]
        append(s)
        p += len(s)
        if links:
            linked += len(s.strip())

    def end_line() -> None:
        nonlocal p
        pos[0] = p
        newline(parts, pos)
        p = pos[0]

    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):  # an entity, or a comment when a parser keeps them
            if event == "end" and node.tail:
                add(node.tail)
        elif event == "start":
            tag = tag.lower()
            elements += 1
            if len(stack) >= depth:
                depth = len(stack) + 1
            if tag == "a" and p and parts and parts[-1][-1:].isalnum():
                prev = node.getprevious()
                if (
                    prev is not None
                    and isinstance(prev.tag, str)
                    and prev.tag.lower() == "a"
                    and not (prev.tail or "").strip()
                ):
                    add(" ")  # adjacent links (menus, tag lists) are separate words
            attrib = node.attrib
            skip = tag in SKIP_TAGS or (
                bool(attrib)
                and (
                    node.get("hidden") is not None
                    or node.get("layout") == "nodisplay"
                    or "display:none" in (node.get("style") or "").replace(" ", "")
                )
            )
            if tag in BLOCK_TAGS and parts and parts[-1][-1] != "\n":
                end_line()
            if skip:  # nothing inside a dropped element is read
                stack.append((tag, p, None, True, len(parts), linked))
                walker.skip_subtree()
                continue
            label = hint_label(node, tag, attrib)
            if label is None and tag in ("b", "strong") and (not parts or parts[-1].endswith("\n")):
                # a bold run opening a paragraph (``<b>Liputan6.com, Jakarta</b> ...``): a dateline candidate
                label = "dateline"
            if tag == "a":
                links += 1
            stack.append((tag, p, label, False, len(parts), linked))
            if node.text:
                add(node.text)
        else:
            tag, start, label, skip, first_part, linked_before = stack.pop()
            if tag == "a" and not skip:
                links -= 1
            if tag in BLOCK_TAGS and parts and parts[-1][-1] != "\n":
                end_line()
            if not skip:
                if (
                    label != "title"
                    and tag in LINK_BLOCKS
                    and p - start <= 302
                    and linked > linked_before
                    and link_only(tag, "".join(parts[first_part:]), linked - linked_before)
                ):
                    label = "related"
                if label:
                    hints.append((start, p, label))
            if node is not el and node.tail:
                add(node.tail)
        if p >= MAX_TEXT:
            pos[0] = p
            return _cut(parts, pos, stats, elements, depth)
    pos[0] = p
    if stats is not None:
        stats["elements"], stats["depth"] = elements, depth
    return False


def _cut(parts: list[str], pos: list[int], stats: dict[str, int] | None, elements: int, depth: int) -> bool:
    """Cut the text at exactly :data:`MAX_TEXT` characters (the last part may overshoot)."""
    if stats is not None:
        stats["elements"], stats["depth"] = elements, depth
    over = pos[0] - MAX_TEXT
    if over > 0:
        parts[-1] = parts[-1][: len(parts[-1]) - over]
        pos[0] = MAX_TEXT
    return True


#: Whitespace inside a text node, line breaks of every kind included (``newsnlp.lines``): in HTML
#: only block elements end lines.
_SPACE = re.compile(r"(?:[ \t\u00a0]|" + LINE_BREAK_CLASS + ")+")
#: The characters of :data:`_SPACE` (a text node made of them only becomes one space).
_BLANK = " \t\u00a0" + LINE_BREAKS


def newline(parts: list[str], pos: list[int]) -> None:
    """End the current line (a block element starts or ends)."""
    if parts and not parts[-1].endswith("\n"):
        # drop a trailing space before the line break
        if parts[-1].endswith(" "):
            parts[-1] = parts[-1][:-1]
            pos[0] -= 1
        parts.append("\n")
        pos[0] += 1


def tidy(raw: str, hints: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Strip line edges, drop empty lines and separate paragraphs by one blank line, remapping
    hint offsets (only the hint ends are mapped: linear in the number of lines and hints)."""
    out: list[str] = []
    raw_starts: list[int] = []
    leads: list[int] = []
    sizes: list[int] = []
    new_starts: list[int] = []
    n = 0
    i = 0
    lines = raw.split("\n")
    last = len(lines) - 1
    for k, line in enumerate(lines):
        stripped = line.strip()
        raw_starts.append(i)
        leads.append(len(line) - len(line.lstrip()))
        sizes.append(len(stripped))
        new_starts.append(n)
        if stripped:
            out.append(stripped)
            n += len(stripped)
            if k < last:
                out.append("\n\n")
                n += 2
        i += len(line) + 1
    text = "".join(out).rstrip("\n")

    def where(off: int) -> int:
        k = bisect.bisect_right(raw_starts, off) - 1
        j = off - raw_starts[k]
        return new_starts[k] + max(0, min(j - leads[k], sizes[k]))

    new_hints = []
    for s, e, lab in hints:
        ns, ne = where(min(s, len(raw))), where(min(e, len(raw)))
        ne = min(ne, len(text))
        while ns < ne and text[ns].isspace():
            ns += 1
        while ne > ns and text[ne - 1].isspace():
            ne -= 1
        if ne > ns:
            new_hints.append((ns, ne, lab))
    new_hints.sort()
    return text, new_hints
