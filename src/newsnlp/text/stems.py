"""The ``stems`` step of the text stage: stems on tokens, never on names.

The text stage cuts tokens before the entity stage runs; stemming waits until the entities are
known, so that ``Bekasi`` in ``Pengadilan Negeri Bekasi`` keeps its form. The step is a *part* of
the ``text`` stage (registered with ``part_of="text"``): a pipeline that runs ``text`` runs it too,
placed after ``entities`` (:data:`~newsnlp.registry.STAGE_ORDER`), and it is not listed in
``Article.stages``. Without an entity stage in the pipeline it runs right after ``text`` and only the
stemmer's own guards (capitalised names, acronyms, numbers, URLs) keep names unstemmed, as
``Pipeline(stages=("text",))`` always did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..record import Article, Tokens
from ..registry import BaseStage, register_stage

if TYPE_CHECKING:  # pragma: no cover
    from .stage import TextStage
    from .stemmer import Stemmer

__all__ = ["StemStep", "make_stems_step", "mark_entities", "stem_tokens"]


class StemStep(BaseStage):
    """Sets ``Token.ent`` from the article's entities, then ``Token.stem`` (entity tokens keep
    their surface form). Uses the text stage's stemmer; with ``stem=False`` only ``ent`` is set."""

    name = "stems"

    def __init__(self, stemmer: Stemmer | None) -> None:
        self.stemmer = stemmer

    def process(self, article: Article) -> None:
        if not article.tokens:
            return
        mark_entities(article)
        if self.stemmer is not None:
            stem_tokens(article.tokens, self.stemmer)


def mark_entities(article: Article) -> None:
    """Give each token the label of the entity it overlaps (``Token.ent``)."""
    entities = sorted(article.entities, key=lambda e: e.start)
    if not entities:
        return
    tokens = article.tokens
    ents = tokens.column("ent")
    ei = 0
    n_ent = len(entities)
    for i, (start, end) in enumerate(zip(tokens.starts, tokens.ends)):
        while ei < n_ent and entities[ei].end <= start:
            ei += 1
        if ei == n_ent:
            break
        if entities[ei].start < end and start < entities[ei].end:
            ents[i] = entities[ei].label
    tokens.set_column("ent", ents)


def stem_tokens(tokens: Tokens, stemmer: Stemmer) -> None:
    """Set ``stem`` on every token: entity tokens (``ent`` set) keep their text; the others go
    through ``stemmer`` with their sentence's casing profile (headlines in Title Case or CAPITALS)."""
    stem_token = stemmer.stem_token
    cache = stemmer._cache
    texts = tokens.column("text")
    sentences = tokens.column("sentence")
    # Per-sentence casing profile, for headlines in Title Case or CAPITALS.
    counts: dict[int, list[int]] = {}
    alpha_counts: dict[int, int] = {}
    for t, si in zip(texts, sentences):
        if t[0].isalpha():
            alpha_counts[si] = alpha_counts.get(si, 0) + 1
            if not t.islower():
                c = counts.get(si)
                if c is None:
                    c = counts[si] = [0, 0, 0]
                c[1] += t[0].isupper()
                c[2] += t.isupper()
    profile: dict[int, tuple[bool, bool]] = {}
    for si, (_, upper_first, caps) in counts.items():
        alpha = alpha_counts.get(si, 0)
        profile[si] = (alpha >= 3 and upper_first >= 0.6 * alpha, alpha >= 2 and caps >= 0.8 * alpha)
    stems: list[str] = []
    append = stems.append
    last_sentence = -1
    get = cache.get
    for t, si, ent in zip(texts, sentences, tokens.column("ent")):
        initial = si != last_sentence
        last_sentence = si
        if ent is not None:
            append(t)
            continue
        hit = get(t)  # lower-case words already stemmed: the common case
        if hit is not None:
            append(hit)
            continue
        title, caps = profile.get(si, (False, False))
        append(stem_token(t, sentence_initial=initial, titlecase_sentence=title, caps_sentence=caps))
    tokens.set_column("stem", stems)


@register_stage(
    "stems", requires=("tokens",), uses=("entities",), assigns=("tokens.stem", "tokens.ent"), part_of="text"
)
def make_stems_step(text_stage: TextStage) -> StemStep:
    """Factory of the ``stems`` part, built from the pipeline's text stage (shares its stemmer)."""
    return StemStep(text_stage.stemmer)
