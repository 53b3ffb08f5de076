"""Checks every stage must pass: it writes only the layers it declares (``assigns``).

:func:`check_declared_writes` runs a pipeline step by step over an article and compares the
record's layers before and after each step (every field of every item, every metadata field,
``clean_text``, ``scratch`` keys). Stage tests call it on their own pipelines, e.g.
``tests/linguistic/test_stage.py`` for the optional stage and ``tests/quotes/test_stage.py``.
"""

from __future__ import annotations

from typing import Any

from newsnlp.record import Article, Entity, Metadata, Quote, Segment, Sentence, TimeExpression, Token
from newsnlp.registry import covers, get_stage_meta

LIST_LAYERS = {
    "sentences": Sentence,
    "tokens": Token,
    "entities": Entity,
    "times": TimeExpression,
    "segments": Segment,
    "quotes": Quote,
}


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def layer_values(article: Article) -> dict[str, Any]:
    """Every layer of ``article`` at the finest grain of :data:`newsnlp.record.LAYERS`: a list
    layer's length under its own name, each field of its items under ``layer.field``."""
    out: dict[str, Any] = {
        "text": article.text,
        "language": article.language,
        "clean_text": article.clean_text,
    }
    for name in Metadata._fields:
        out[f"metadata.{name}"] = _frozen(getattr(article.metadata, name))
    for layer, cls in LIST_LAYERS.items():
        items = getattr(article, layer)
        out[layer] = len(items)
        for name in cls._fields:
            out[f"{layer}.{name}"] = tuple(_frozen(getattr(item, name)) for item in items)
    for key, value in article.scratch.items():
        out[f"scratch.{key}"] = id(value)
    return out


def check_declared_writes(pipeline, *args: Any, **kwargs: Any) -> list[str]:
    """Run ``pipeline``'s steps one by one on the article ``pipeline.make_article(*args, **kwargs)``
    builds; fail when a step changes a layer it does not declare in ``assigns``. Returns the names
    of the layers each step changed (``step: layer``), to show that the check saw writes."""
    article = pipeline.make_article(*args, **kwargs)
    seen = []
    for name in pipeline.step_names:
        before = layer_values(article)
        pipeline.get_stage(name).process(article)
        after = layer_values(article)
        meta = get_stage_meta(name)
        assigns = meta.assigns + meta.amends
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        undeclared = [k for k in changed if not covers(assigns, k)]
        assert not undeclared, f"stage {name!r} wrote {undeclared}, not declared in assigns={assigns}"
        seen.extend(f"{name}: {k}" for k in changed)
    return seen
