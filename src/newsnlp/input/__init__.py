"""The ``input`` room: what a caller passes becomes the record's text and first metadata.

Nothing here is a stage; the pipeline calls :func:`read_article` before the first stage runs:

* :mod:`~newsnlp.input.decode`: ``str`` checked, ``bytes`` decoded (:func:`coerce_text`);
* :mod:`~newsnlp.input.detect`: is it an HTML document (:func:`looks_like_html`);
* :mod:`~newsnlp.input.html`: an HTML page to text, metadata and structure hints (:func:`html_to_text`);
* :mod:`~newsnlp.input.published`: the caller's ``published`` as ISO 8601 (:func:`normalise_published`);
* :mod:`~newsnlp.input.article`: all of it together (:func:`read_article`, :data:`INPUT_ASSIGNS`).

>>> from newsnlp.input import html_to_text, normalise_published   # doctest: +SKIP
"""

from __future__ import annotations

from .article import INPUT_ASSIGNS, check_items_and_batch, item_to_kwargs, read_article
from .decode import coerce_text
from .detect import looks_like_html
from .html import HtmlExtraction, html_to_text
from .published import PUBLISHED_YEARS, normalise_published

__all__ = [
    "INPUT_ASSIGNS",
    "PUBLISHED_YEARS",
    "HtmlExtraction",
    "check_items_and_batch",
    "coerce_text",
    "html_to_text",
    "item_to_kwargs",
    "looks_like_html",
    "normalise_published",
    "read_article",
]
