"""Mentions from evidence inside the article, one rule family per module.

:func:`add_rule_mentions` runs the families in order, each adding mentions only where nothing is
chosen yet, after Balinese names (``I Nyoman ...``) are made whole (:mod:`.balinese_names`) and the
model's mentions standing in a person's position are made persons
(:mod:`.person_positions`): acronyms defined in the text (:mod:`.acronyms`), nicknames (:mod:`.nicknames`), places that are also common words
after a locative word (:mod:`.context_places`), the speaker after a quotation (:mod:`.speakers`),
initials after ``inisial`` (:mod:`.initials`), names after a title in gazetteer-only mode
(:mod:`.titled_names`), persons' names at the end of organisation spans (:mod:`.org_name_tails`)
and parts of multiword person names (:mod:`.name_parts`). The patterns over
the chosen mentions (:mod:`.events`, :mod:`.schools`, :mod:`.products`) and fuzzy matching
(:mod:`.fuzzy`) run before them, from the stage.
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..mention import Mention
from ..textutil import Piece
from .acronyms import add_acronyms
from .balinese_names import join_balinese_names
from .context import RuleContext
from .context_places import add_context_places, relabel_located_persons
from .headed_orgs import add_headed_orgs
from .initials import add_initials
from .name_parts import add_name_parts
from .nicknames import add_nicknames
from .org_name_tails import split_name_tails
from .person_positions import person_positions
from .speakers import add_speakers, add_subject_speakers
from .titled_names import add_titled_names

__all__ = ["RuleContext", "add_rule_mentions"]


def add_rule_mentions(
    text: str,
    ps: list[Piece],
    chosen: list[Mention],
    gaz: Gazetteer,
    title_words: frozenset[str],
    title_rule: bool = True,
    norms: list[str] | None = None,
) -> list[Mention]:
    """Add mentions the sources missed, from evidence inside the article (see the module
    docstring); names after a title only when ``title_rule`` (without the model)."""
    chosen = join_balinese_names(text, chosen, gaz)
    ctx = RuleContext(text, ps, chosen, gaz, norms)
    person_positions(ctx)
    relabel_located_persons(ctx)
    add_acronyms(ctx)
    add_headed_orgs(ctx)
    add_nicknames(ctx)
    add_context_places(ctx)
    add_speakers(ctx)
    add_subject_speakers(ctx)
    add_initials(ctx)
    if title_rule:
        add_titled_names(ctx, title_words)
    split_name_tails(ctx)
    add_name_parts(ctx, title_words)
    return ctx.result()
