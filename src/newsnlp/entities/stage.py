"""The ``entities`` stage: named entities from the statistical model and the gazetteer.

The stage runs, for each article (docs/entities.md, section by section):

1. candidates from the model (:mod:`.candidates`, tidied by :mod:`.cleanup`) and the gazetteer;
2. the merge policy, a named, swappable function (:mod:`.policy`, option ``policy``);
3. patterns over the chosen mentions: events, schools, brand + model number (:mod:`.rules`);
4. fuzzy matches of misspelled names (:mod:`.rules.fuzzy`);
5. mentions from evidence in the article (:func:`.rules.add_rule_mentions`);
6. titles and roles (:mod:`.titles`) and the grouping into entities (:mod:`.grouping`).
"""

from __future__ import annotations

import os
import warnings
from typing import Any

from ..record import Article, Entity
from ..registry import BaseStage, register_stage
from .candidates import gaz_candidates, line_starts, model_candidates, preset_mentions
from .cleanup import GazIndex, clean_model_span
from .gazetteer import Gazetteer
from .grouping import group
from .mention import Cover, Mention
from .policy import get_policy
from .rules import add_rule_mentions
from .rules.bands import bands_in_context
from .rules.events import add_events
from .rules.fuzzy import add_fuzzy
from .rules.languages import drop_language_names
from .rules.legal_suffixes import extend_legal_suffixes
from .rules.org_places import extend_org_conjunctions, join_org_countries, join_org_places, join_org_units
from .rules.products import add_model_numbers
from .rules.schools import add_schools
from .rules.work_titles import drop_work_titles
from .textutil import norm, piece_norms, pieces
from .titles import attach_titles
from .user_names import with_user_names

__all__ = ["EntityStage", "Mention", "make_entity_stage"]


class EntityStage(BaseStage):
    """Finds PER, ORG, LOC, PRODUCT, EVENT and MISC mentions and groups them into entities."""

    name = "entities"

    def __init__(
        self,
        model: bool | str | os.PathLike[str] = True,
        model_path: str | None = None,
        gazetteer: bool = True,
        gazetteer_path: str | None = None,
        fuzzy: bool = True,
        batch_size: int = 64,
        policy: str = "default",
        names: Any = None,
    ) -> None:
        self.gaz = Gazetteer.load(gazetteer_path)
        if names is not None:
            self.gaz = with_user_names(self.gaz, names)
        self.gaz.fuzzy_lookup("warmup")  # builds the fuzzy blocks now, not on the first article
        self.use_gazetteer = gazetteer
        self.fuzzy = fuzzy
        self.batch_size = batch_size
        self.policy = get_policy(policy)
        self.model = None
        if isinstance(model, str | os.PathLike) and not isinstance(model, bool):
            # a model chosen by name or path: a missing one is an error, never a silent fallback
            from .model import NerModel, resolve_model_path

            self.model = NerModel.load(resolve_model_path(model))
        elif model:
            self.model = _load_model(model_path)
        self._title_words = frozenset(norm(t.split()[0]) for t in self.gaz.titles)

    # -- stage interface --------------------------------------------------------------------------
    def process(self, article: Article) -> None:
        """Fill ``article.entities``."""
        self.process_batch([article])

    def process_batch(self, articles: list[Article]) -> None:
        """Fill ``entities`` of every article, calling the model once for the whole batch."""
        model_out: list[list[Any]] = [[] for _ in articles]
        if self.model is not None:
            idx = [i for i, a in enumerate(articles) if a.tokens]
            if idx:
                docs = [
                    (articles[i].tokens.column("text"), articles[i].tokens.column("space_after")) for i in idx
                ]
                starts = [line_starts(articles[i]) for i in idx]
                preds = self.model.predict(
                    docs, batch_size=self.batch_size, line_starts=starts, common_words=self.gaz.common
                )
                for i, pred in zip(idx, preds):
                    model_out[i] = pred
                del docs, starts, preds, pred
        # each article's model mentions are handed over (popped), so that they are freed as soon
        # as the article's candidates are made (a long article can have 100,000s of them)
        model_out.reverse()
        for article in articles:
            article.entities = self.annotate(article, model_out.pop())

    # -- one article -------------------------------------------------------------------------------
    def annotate(self, article: Article, model_mentions: list[Any] | None = None) -> list[Entity]:
        """The entities of one article, given the model's mentions over ``article.tokens``."""
        text = article.text
        gaz = self.gaz
        ps = pieces(text)
        norms = piece_norms(text, ps)
        # each intermediate list is dropped as soon as it has been used: on a long article they
        # hold 100,000s of objects (``del``), and the steps after the policy hold only its choice
        gaz_hits = gaz.match(text, ps, norms) if self.use_gazetteer else []
        model_cands = model_candidates(article, model_mentions or [])
        del model_mentions
        gaz_cands = gaz_candidates(gaz, gaz_hits)
        del gaz_hits
        gaz_index = GazIndex(gaz_cands)
        model_cands = [m for m in model_cands if clean_model_span(text, m, gaz, gaz_index)]
        del gaz_index
        bands_in_context(text, model_cands, gaz_cands, gaz)
        cands = gaz_cands + model_cands
        del model_cands
        # the user's names and entities given before the stage are kept as they are
        fixed = preset_mentions(article)
        given = Cover(len(text), [(m.start, m.end) for m in fixed])
        fixed += [c for c in gaz_cands if c.fixed and not given.hit(c.start, c.end)]
        del gaz_cands
        if fixed:
            given = Cover(len(text), [(m.start, m.end) for m in fixed])
            cands = [c for c in cands if not c.fixed and not given.hit(c.start, c.end)]
        chosen = self.policy(cands, gaz, text)  # the policy owns (and may empty) ``cands``
        del cands, given
        if fixed:
            chosen = sorted(chosen + fixed, key=lambda m: m.start)
        if self.use_gazetteer:
            chosen = add_model_numbers(text, add_schools(text, add_events(text, chosen, gaz)), gaz)
        chosen = join_org_countries(text, join_org_places(text, chosen, gaz), gaz)
        chosen = extend_org_conjunctions(text, join_org_units(text, chosen, gaz), gaz)
        chosen = extend_legal_suffixes(text, chosen)
        if self.use_gazetteer and self.fuzzy:
            chosen = add_fuzzy(text, ps, chosen, gaz, norms)
        chosen = add_rule_mentions(
            text, ps, chosen, gaz, self._title_words, title_rule=self.model is None, norms=norms
        )
        del ps, norms
        chosen = drop_language_names(text, drop_work_titles(text, chosen))
        attach_titles(text, chosen, gaz)
        return group(text, chosen, gaz)


def _load_model(path: str | None):
    try:
        from .model import NerModel
    except Exception as err:
        warnings.warn(
            f"newsnlp entities: NER model not importable ({err}); running gazetteer-only", stacklevel=3
        )
        return None
    try:
        return NerModel.load(path)
    except Exception as err:
        warnings.warn(
            f"newsnlp entities: NER model not available ({err}); running gazetteer-only", stacklevel=3
        )
        return None


@register_stage(
    "entities",
    requires=("text", "tokens"),
    assigns=("entities",),
    uses=("scratch.preset_entities",),
    parts=("bylines",),
)
def make_entity_stage(**options: Any) -> EntityStage:
    """Factory of the ``entities`` stage. Options: ``model`` (``True``/``"fast"``: the shipped
    default model (the only shipped one); a path: a spaCy NER
    pipeline directory; ``False``: gazetteer and rules only; a named model that is missing raises
    :class:`~newsnlp.errors.ModelNotFoundError`), ``model_path`` (older option: a model directory,
    with a warning and the gazetteer alone when it is missing), ``gazetteer`` (bool), ``gazetteer_path``, ``fuzzy`` (bool), ``batch_size``,
    ``policy`` (the name of a merge policy, :mod:`newsnlp.entities.policy`), ``names`` (the
    user's own names, a file or rows: :mod:`newsnlp.entities.user_names`).
    ``use_model`` is accepted as another name of ``model``."""
    if "use_model" in options:
        options["model"] = options.pop("use_model")
    return EntityStage(**options)
