"""The pipeline: validates input, builds the record and runs the stages over it in order."""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import inspect
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .errors import (
    ConfigError,
    DecodingError,
    InputTypeError,
    InvalidTextError,
    NewsNLPError,
    PublishedDateError,
    StageError,
)
from .record import Article, Metadata
from .registry import Stage, available_stages, get_stage_factory, order_stages

__all__ = ["DEFAULT_STAGES", "Pipeline", "looks_like_html", "normalise_published"]

#: The stages a default pipeline runs: every built-in stage present in this installation, of
#: ``text``, ``entities``, ``time`` and ``structure`` (the optional ``linguistic`` stage is asked for
#: by name).
DEFAULT_STAGES: tuple[str, ...] = available_stages()

_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|article|section|h[1-6]|br|meta|title|script)\b[^>]{0,500}>", re.I
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is clearly an HTML document rather than plain text.

    It is HTML when it starts like a document (``<!DOCTYPE html>``, ``<html>``, ``<head>``,
    ``<body>``) or when markup tags are dense (at least 5 tags and one per 200 characters in the
    first 20,000 characters). A plain article that mentions ``<p>`` once stays plain text.
    """
    head = text[:20000]
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAGS.findall(head))
    return tags >= 5 and tags * 200 >= len(head)


#: Years accepted for ``published``: an anchor near the ends of the calendar would make relative
#: dates ("tahun depan", "1.000 tahun lalu") overflow, and no news article is dated there.
PUBLISHED_YEARS = (1000, 9000)


def normalise_published(published: Any) -> str | None:
    """Turn ``published`` into an ISO 8601 string, or raise :class:`PublishedDateError`.

    Accepts ``None``, a :class:`datetime.date`, a :class:`datetime.datetime` or an ISO 8601
    string (``2020-08-03``, ``2020-08-03T14:20``, ``2020-08-03 14:20:00+07:00``). A datetime keeps
    its time (minutes precision) and zone; a date gives ``YYYY-MM-DD``. Years outside
    :data:`PUBLISHED_YEARS` are refused.
    """
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        value: _dt.date = published
    elif isinstance(published, _dt.date):
        value = published
    elif isinstance(published, str):
        text = published.strip()
        if not text:
            return None
        try:
            if len(text) == 10:
                value = _dt.date.fromisoformat(text)
            else:
                value = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise PublishedDateError(published) from None
    else:
        raise PublishedDateError(published)
    if not PUBLISHED_YEARS[0] <= value.year <= PUBLISHED_YEARS[1]:
        raise PublishedDateError(published, f"year outside {PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]}")
    if isinstance(value, _dt.datetime):
        return _iso_datetime(value)
    return value.isoformat()


def _iso_datetime(value: _dt.datetime) -> str:
    out = f"{value.date().isoformat()}T{value.hour:02d}:{value.minute:02d}"
    if value.second:
        out += f":{value.second:02d}"
    offset = value.utcoffset()
    if offset is not None:
        total = int(offset.total_seconds())
        sign = "-" if total < 0 else "+"
        total = abs(total)
        out += f"{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _coerce_text(text: Any, encoding: str) -> str:
    """``text`` as a valid Unicode ``str`` (bytes decoded with ``encoding``), or a typed error."""
    if isinstance(text, str):
        if not text.isascii():
            bad = _SURROGATE.search(text)
            if bad is not None:
                raise InvalidTextError(bad.start(), bad.group())
        return text
    if not isinstance(encoding, str):
        raise InputTypeError("encoding", "str (a codec name such as 'utf-8')", encoding)
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            decoded = bytes(text).decode(encoding)
        except UnicodeDecodeError as err:
            raise DecodingError(encoding, str(err)) from None
        except LookupError as err:
            raise DecodingError(encoding, f"unknown encoding: {err}") from None
        except Exception as err:  # a codec that is not a text encoding (e.g. 'zlib', 'base64')
            raise DecodingError(encoding, f"{type(err).__name__}: {err}") from None
        if not isinstance(decoded, str):
            raise DecodingError(encoding, "not a text encoding")
        return _coerce_text(decoded, encoding)
    raise InputTypeError("text", "str or bytes", text)


def check_stage_names(stages: Any) -> list[str]:
    """``stages`` as a list of names, or :class:`InputTypeError` (unknown names are checked by
    :func:`~newsnlp.registry.get_stage_factory`)."""
    if isinstance(stages, str):
        stages = (stages,)
    if not isinstance(stages, Iterable):
        raise InputTypeError("stages", "a sequence of stage names", stages)
    names = list(stages)
    for name in names:
        if not isinstance(name, str):
            raise InputTypeError("stage name", "str", name)
    return names


def check_items_and_batch(items: Any, batch_size: Any) -> None:
    """:class:`InputTypeError` unless ``items`` is an iterable of items (not one text) and
    ``batch_size`` a positive int."""
    if isinstance(items, (str, bytes, bytearray, Mapping)) or not isinstance(items, Iterable):
        raise InputTypeError("items", "an iterable of texts, bytes or dicts", items)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InputTypeError("batch_size", "a positive int", batch_size)


def _run(stage: Stage, method: str, arg: Any) -> None:
    """Call ``stage.<method>(arg)``; anything unexpected becomes a :class:`StageError`."""
    try:
        getattr(stage, method)(arg)
    except NewsNLPError:
        raise
    except Exception as err:  # wrapped with the stage's name, the original chained
        raise StageError(stage.name, err) from err


class Pipeline:
    """A reusable enrichment pipeline; resources are loaded once, when it is built.

    >>> nlp = Pipeline()                       # doctest: +SKIP
    >>> art = nlp(text, published="2020-08-03") # doctest: +SKIP

    ``stages`` names the stages to run (they always run in the order text, linguistic, entities,
    time, structure); ``config`` maps a stage name to keyword options for its factory.
    A pipeline may be shared by threads: stages keep no per-article state.
    """

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        names = order_stages(check_stage_names(stages))
        if config is None:
            config = {}
        if not isinstance(config, Mapping):
            raise InputTypeError("config", "a mapping of stage name to options", config)
        factories = {name: get_stage_factory(name) for name in names}  # validates names first
        for name, options in config.items():
            if name not in factories:
                raise ConfigError(str(name), f"stage not in this pipeline ({', '.join(names)})")
            if not isinstance(options, Mapping):
                raise InputTypeError(f"config[{name!r}]", "a mapping of option names to values", options)
        self._stages: list[Stage] = []
        for name in names:
            options = dict(config.get(name, {}))
            try:
                inspect.signature(factories[name]).bind(**options)
            except TypeError as err:
                raise ConfigError(name, str(err)) from None
            except ValueError:  # no signature available (a builtin or C callable): just try
                pass
            try:
                stage = factories[name](**options)
            except NewsNLPError:
                raise
            except Exception as err:
                raise StageError(name, err) from err
            missing = [req for req in stage.requires if req not in names]
            if missing:
                raise NewsNLPError(f"stage {name!r} needs stage(s) {missing} in the pipeline")
            self._stages.append(stage)
        self._lock = threading.Lock()

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages this pipeline runs, in order."""
        return [s.name for s in self._stages]

    def get_stage(self, name: str) -> Stage:
        """The stage object registered under ``name`` in this pipeline."""
        for stage in self._stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def __repr__(self) -> str:
        return f"Pipeline(stages={tuple(self.stage_names)!r})"

    # -- building records ---------------------------------------------------------------
    def make_article(
        self,
        text: Any,
        published: Any = None,
        url: str | None = None,
        html: bool | None = None,
        encoding: str = "utf-8",
    ) -> Article:
        """Validate the input and build the empty record the stages fill."""
        raw = _coerce_text(text, encoding)
        if url is not None and not isinstance(url, str):
            raise InputTypeError("url", "str or None", url)
        if html is not None and not isinstance(html, bool):
            raise InputTypeError("html", "bool or None", html)
        published_iso = normalise_published(published)
        metadata = Metadata(url=url)
        scratch: dict[str, Any] = {}
        if html or (html is None and looks_like_html(raw)):
            try:
                from .structure.html import html_to_text

                extraction = html_to_text(raw)
            except NewsNLPError:
                raise
            except Exception as err:  # the HTML parser must never leak a raw exception
                raise StageError("structure", err) from err
            raw = extraction.text
            scratch["html"] = extraction
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

    def _finish(self, article: Article) -> Article:
        for stage in self._stages:
            _run(stage, "finalize", article)
        article.scratch.clear()
        return article

    def __call__(
        self,
        text: Any,
        published: Any = None,
        url: str | None = None,
        html: bool | None = None,
        encoding: str = "utf-8",
    ) -> Article:
        """Enrich one article (``str`` or ``bytes``) and return its :class:`Article`."""
        article = self.make_article(text, published=published, url=url, html=html, encoding=encoding)
        with _gc_paused():
            for stage in self._stages:
                _run(stage, "process", article)
                article.stages.append(stage.name)
            return self._finish(article)

    def process_articles(self, articles: list[Article]) -> list[Article]:
        """Run every stage over already-built records, batched per stage."""
        with _gc_paused():
            for stage in self._stages:
                _run(stage, "process_batch", articles)
                for article in articles:
                    article.stages.append(stage.name)
            return [self._finish(a) for a in articles]

    def pipe(
        self,
        items: Iterable[Any],
        batch_size: int = 64,
    ) -> Iterator[Article]:
        """Enrich many items (strings, bytes or dicts with ``text``, ``published``, ``url``,
        ``html``, ``encoding``) in batches; yields articles in input order. Errors propagate.

        ``items`` and ``batch_size`` are checked at once (:class:`InputTypeError`); each item is
        checked when its batch is built."""
        check_items_and_batch(items, batch_size)
        return self._pipe(items, batch_size)

    def _pipe(self, items: Iterable[Any], batch_size: int) -> Iterator[Article]:
        batch: list[Article] = []
        for item in items:
            batch.append(self.make_article(**item_to_kwargs(item)))
            if len(batch) >= batch_size:
                yield from self.process_articles(batch)
                batch = []
        if batch:
            yield from self.process_articles(batch)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the stages run.

    Enriching creates hundreds of thousands of small objects (tokens, spans, spaCy lexemes) that
    form no reference cycles and mostly live until the article is returned; with the collector
    on, they are traversed again and again on their way to the oldest generation (a quarter of the
    text stage's time in batches). Memory is still freed by reference counting; the collector
    resumes as soon as the call returns (also on error) and any cyclic garbage is collected then.
    Nothing is changed when the caller has disabled the collector."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def item_to_kwargs(item: Any) -> dict[str, Any]:
    """Keyword arguments of :meth:`Pipeline.make_article` for one input item."""
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
