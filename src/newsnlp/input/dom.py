"""An HTML page as a tree (lxml, safely: no network, no entity expansion) and the tree as text:
an iterative walk (deep pages do not hit the recursion limit) that turns blocks into lines and
records the hint spans of :mod:`~newsnlp.input.markup`."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lhtml

from .markup import BLOCK_TAGS, SKIP_TAGS, hint_label

__all__ = ["MAX_TEXT", "content_root", "make_parser", "newline", "strip_doctype", "tidy", "walk"]

MAX_TEXT = 2_000_000


def make_parser() -> lhtml.HTMLParser:
    # libxml2's HTML parser never loads external entities or DTDs (it has no
    # ``resolve_entities`` switch: entity expansion belongs to the XML parser); network access is
    # off as well, and the internal DTD subset is stripped beforehand (see strip_doctype).
    return lhtml.HTMLParser(
        no_network=True,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        default_doctype=False,
    )


def strip_doctype(source: str) -> str:
    # An internal DTD subset (<!DOCTYPE x [<!ENTITY ...>]>) is dropped before parsing: no entity
    # declared by the page is ever expanded.
    return (
        re.sub(r"<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>", "", source[:200000], count=1, flags=re.I)
        + source[200000:]
    )


def content_root(root):
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


def walk(el, parts: list[str], hints: list[tuple[int, int, str]], pos: list[int]) -> None:
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
                tag in SKIP_TAGS
                or node.get("hidden") is not None
                or node.get("layout") == "nodisplay"
                or "display:none" in (node.get("style") or "").replace(" ", "")
            )
            if tag in BLOCK_TAGS:
                newline(parts, pos)
            label = None if skip else hint_label(node, tag)
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
            if tag in BLOCK_TAGS:
                newline(parts, pos)
            if label and not skip and not _in_skip(stack):
                hints.append((start, pos[0], label))
            if node is not el and node.tail and not _in_skip(stack):
                _add(parts, pos, node.tail)
        if pos[0] > MAX_TEXT:
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


def newline(parts: list[str], pos: list[int]) -> None:
    if parts and not parts[-1].endswith("\n"):
        # drop a trailing space before the line break
        if parts[-1].endswith(" "):
            parts[-1] = parts[-1][:-1]
            pos[0] -= 1
        parts.append("\n")
        pos[0] += 1


def tidy(raw: str, hints: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
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
