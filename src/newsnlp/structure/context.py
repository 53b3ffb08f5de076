"""The shared state of one structure stage: compiled data, thresholds, line features and the
rule cascade, built once and passed to every rule module (nothing module-level is rewritten)."""

from __future__ import annotations

from dataclasses import dataclass

from .cascade import Cascade, load_rules
from .config import StructureConfig, load_config
from .features import LineFeatures
from .resources import Resources, load_resources

__all__ = ["Context", "build_context"]


@dataclass(frozen=True)
class Context:
    """What the rules read: ``r`` the compiled patterns, ``cfg`` the thresholds, ``fx`` the line
    features, ``cascade`` the ordered line-pattern rules."""

    r: Resources
    cfg: StructureConfig
    fx: LineFeatures
    cascade: Cascade


def build_context(resources: Resources | None = None, cfg: StructureConfig | None = None) -> Context:
    """A context over ``resources`` (default: the shipped data) and ``cfg`` (default thresholds)."""
    r = resources or load_resources()
    cfg = cfg or load_config()
    pat = r.raw["patterns"]
    fx = LineFeatures(
        frozenset(pat.get("headline_lowercase_words", ())),
        frozenset(pat.get("title_abbreviations", ())),
        cfg,
        open_words=frozenset(pat["fragment_open_words"]),
    )
    return Context(r=r, cfg=cfg, fx=fx, cascade=Cascade(load_rules(r)))
