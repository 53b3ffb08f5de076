"""From what a caller passes (text or bytes, plain or HTML, ``published``, ``url``) to the empty
record the stages fill: the ``input`` room, first in the flow."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import InputTypeError, NewsNLPError, PublishedDateError, StageError, TruncationWarning
from ..record import Article, Metadata
from .charset import decode_html
from .decode import coerce_text
from .detect import looks_like_html
from .dom import MAX_TEXT
from .html import html_to_text
from .published import normalise_published

__all__ = ["INPUT_ASSIGNS", "check_items_and_batch", "item_to_kwargs", "read_article"]

#: The record layers the input room fills before any stage runs (stages may ``require`` them).
#: ``scratch.html`` is the :class:`~newsnlp.input.html.HtmlExtraction` of an HTML page (its
#: structure hints), read by the structure stage and dropped when the article is returned.
INPUT_ASSIGNS: tuple[str, ...] = (
    "text",
    "language",
    "metadata.url",
    "metadata.published",
    "metadata.published_source",
    "metadata.title",
    "metadata.authors",
    "metadata.editors",
    "metadata.publisher",
    "metadata.truncated",
    "metadata.warnings",
    "scratch.html",
)


def read_article(
    text: Any,
    published: Any = None,
    url: str | None = None,
    html: bool | None = None,
    encoding: str = "utf-8",
) -> Article:
    """Validate the input and build the empty record the stages fill.

    ``text`` (``str`` or ``bytes`` in ``encoding``) becomes the record's text; with ``html=True``,
    or ``html=None`` and an input that :func:`~newsnlp.input.detect.looks_like_html`, the page is
    read by :func:`~newsnlp.input.html.html_to_text` first and its metadata fills the record's
    (a ``published`` found in the page counts as ``"inferred"``; a given one wins and is
    ``"given"``). Bad input raises a typed :class:`~newsnlp.errors.NewsNLPError`; an unexpected
    failure of the HTML reader is raised as :class:`~newsnlp.errors.StageError` of ``"input"``.
    """
    raw = None
    if isinstance(text, (bytes, bytearray, memoryview)) and html is not False and _default_codec(encoding):
        data = bytes(text)
        if html or looks_like_html(_sniff(data)):
            raw, _codec = decode_html(data)  # as a browser: BOM, declared charset, detection
            html = True
    if raw is None:
        raw = coerce_text(text, encoding)
    if url is not None and not isinstance(url, str):
        raise InputTypeError("url", "str or None", url)
    if html is not None and not isinstance(html, bool):
        raise InputTypeError("html", "bool or None", html)
    published_iso = normalise_published(published)
    metadata = Metadata(url=url)
    scratch: dict[str, Any] = {}
    if html or (html is None and looks_like_html(raw)):
        try:
            extraction = html_to_text(raw)
        except NewsNLPError:
            raise
        except Exception as err:  # the HTML parser must never leak a raw exception
            raise StageError("input", err) from err
        raw = extraction.text
        scratch["html"] = extraction
        if extraction.truncated:
            note = (
                f"text truncated: the page's text exceeds {MAX_TEXT:,} characters "
                f"(newsnlp.input.dom.MAX_TEXT); the first {len(raw):,} are kept"
            )
            metadata.truncated = True
            metadata.warnings.append(note)
            warnings.warn(note, TruncationWarning, stacklevel=4)
        for key, value in extraction.metadata.items():
            if value and hasattr(metadata, key) and key not in ("published", "published_source"):
                setattr(metadata, key, value)
        if extraction.metadata.get("published") and published_iso is None:
            try:
                metadata.published = normalise_published(extraction.metadata["published"])
                metadata.published_source = "inferred"
            except PublishedDateError:
                pass
        if url is None and extraction.metadata.get("url"):
            metadata.url = extraction.metadata["url"]
    if published_iso is not None:
        metadata.published = published_iso
        metadata.published_source = "given"
    return Article(text=raw, metadata=metadata, scratch=scratch)


def _default_codec(encoding: Any) -> bool:
    """Whether ``encoding`` is the default (UTF-8): HTML bytes are then decoded as a browser does."""
    return isinstance(encoding, str) and encoding.strip().lower().replace("_", "-") in ("utf-8", "utf8")


def _sniff(data: bytes) -> str:
    """The head of ``data`` as text, good enough to tell HTML from plain text (no decoding error)."""
    head = data[:20000]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "replace")
    return head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")


def check_items_and_batch(items: Any, batch_size: Any) -> None:
    """:class:`InputTypeError` unless ``items`` is an iterable of items (not one text) and
    ``batch_size`` a positive int."""
    if isinstance(items, (str, bytes, bytearray, Mapping)) or not isinstance(items, Iterable):
        raise InputTypeError("items", "an iterable of texts, bytes or dicts", items)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InputTypeError("batch_size", "a positive int", batch_size)


def item_to_kwargs(item: Any) -> dict[str, Any]:
    """Keyword arguments of :func:`read_article` for one input item (a text, bytes, or a dict with
    ``text`` and optionally ``published``, ``url``, ``html``, ``encoding``)."""
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputTypeError("item", "a dict with a 'text' key", item)
        kwargs = {"text": item["text"], "published": item.get("published"), "url": item.get("url")}
        if "html" in item:
            kwargs["html"] = item["html"]
        if item.get("encoding") is not None:
            kwargs["encoding"] = item["encoding"]
        return kwargs
    return {"text": item}
