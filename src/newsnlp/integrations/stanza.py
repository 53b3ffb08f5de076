"""The optional ``linguistic`` stage: lemmas, parts of speech and dependencies from stanza.

Install with ``pip install newsnlp[stanza]`` and get stanza's Indonesian models once with
``newsnlp models download`` (or ``stanza.download("id")``). The stage then reads them from a local
stanza resources directory and never downloads anything::

    nlp = Pipeline(stages=("text", "linguistic"))
    nlp = Pipeline(stages=("text", "linguistic"), config={"linguistic": {"model_dir": "/data/stanza"}})

Stanza is fed newsnlp's own tokens and sentences (pretokenized input), so offsets never move.
Tokens carrying an enclitic (``pihaknya``, found by the ``text`` stage) are handed to stanza's
multi-word-token expander, which may split them into several syntactic words (``pihak`` +
``nya``). Each newsnlp token then takes its annotations from its *head word*: the word whose
syntactic head lies outside the token (the root word if it is one of them; the first word when no
parse is available). ``pos`` is the UPOS tag, ``head`` the index into ``article.tokens`` of the
token holding the head word's head (``None`` for the root of a sentence), ``deprel`` the UD
relation.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelNotFoundError, NewsNLPError
from ..record import Article, Token
from ..registry import BaseStage, register_stage

if TYPE_CHECKING:  # pragma: no cover
    from stanza.models.common.doc import Document

__all__ = [
    "DEFAULT_MAX_SENTENCE_TOKENS",
    "DEFAULT_PROCESSORS",
    "LinguisticStage",
    "apply_document",
    "article_to_document",
    "default_model_dir",
    "make_linguistic_stage",
    "missing_models_message",
]

#: stanza processors the stage runs (``tokenize`` only wraps our pretokenized input).
DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
#: Tokens longer than this are cut for stanza's eyes only (long URLs); the record is untouched.
_MAX_TOKEN_CHARS = 100
#: Longer sentences (boilerplate, link lists) go to stanza in pieces of this many tokens.
DEFAULT_MAX_SENTENCE_TOKENS = 200
_MWT_MODES = ("clitic", "all", "none")


def default_model_dir() -> Path:
    """stanza's resources directory: ``$STANZA_RESOURCES_DIR``, else stanza's own default.

    (``~/.cache/stanza/<version>/resources`` in stanza 1.15, ``~/stanza_resources`` in older
    releases.)

    This is where ``newsnlp models download`` (and ``stanza.download``) put the models.
    """
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:
        return Path("~/stanza_resources").expanduser()
    return Path(DEFAULT_MODEL_DIR).expanduser()


def missing_models_message(model_dir: Path | str | None, lang: str = "id", reason: str = "") -> str:
    """What to tell a user whose stanza models (or stanza itself) are missing."""
    where = Path(model_dir) if model_dir is not None else default_model_dir()
    head = reason or f"stanza's Indonesian models were not found in {where}"
    return (
        f"{head}. The 'linguistic' stage reads stanza models from a local directory and never "
        f"downloads them. To get them:\n"
        f"  pip install 'newsnlp[stanza]'\n"
        f"  newsnlp models download            # runs stanza.download('{lang}') into {where}\n"
        f"or, without internet on this machine, copy a stanza resources directory made elsewhere "
        f"(the one holding resources.json and {lang}/) to {where}, or point the stage at it: "
        f"Pipeline(stages=('text', 'linguistic'), config={{'linguistic': {{'model_dir': '/path/to/stanza_resources'}}}})"
        f" or set STANZA_RESOURCES_DIR."
    )


def _import_stanza(model_dir: Path | str | None):
    try:
        import stanza
    except ImportError as err:
        raise ModelNotFoundError(
            missing_models_message(model_dir, reason=f"stanza is not installed ({err})")
        ) from None
    return stanza


def _stanza_text(text: str) -> str:
    """Token text as stanza may see it: no whitespace inside, bounded length."""
    if len(text) > _MAX_TOKEN_CHARS:
        text = text[:_MAX_TOKEN_CHARS]
    if any(ch.isspace() for ch in text):
        text = "".join("_" if ch.isspace() else ch for ch in text)
    return text


def _sentence_groups(article: Article, max_tokens: int | None = None) -> list[list[int]]:
    """Indices of ``article.tokens`` grouped by sentence, in order (empty sentences dropped).

    A sentence longer than ``max_tokens`` is cut into pieces of at most that many tokens.
    """
    groups: list[list[int]] = []
    last = None
    for i, tok in enumerate(article.tokens):
        if tok.sentence != last or not groups or (max_tokens and len(groups[-1]) >= max_tokens):
            groups.append([])
            last = tok.sentence
        groups[-1].append(i)
    return groups


def _is_mwt_candidate(tok: Token, mode: str) -> bool:
    if mode == "none":
        return False
    if mode == "all":
        return tok.text.isalpha() and len(tok.text) > 3
    return tok.clitic is not None


def article_to_document(
    article: Article, mwt: str = "clitic", max_sentence_tokens: int | None = DEFAULT_MAX_SENTENCE_TOKENS
) -> Document:
    """The stanza ``Document`` of ``article``'s sentences and tokens (pretokenized input).

    ``mwt`` says which tokens the multi-word-token expander may split: ``"clitic"`` (tokens whose
    ``clitic`` the text stage set), ``"all"`` (every alphabetic token longer than three letters;
    the expander leaves most of them whole) or ``"none"``. A sentence longer than
    ``max_sentence_tokens`` is given to stanza in pieces (the parser's memory grows with the square
    of the length); each piece gets its own root.
    """
    from stanza.models.common.doc import ID, MISC, TEXT, Document

    if mwt not in _MWT_MODES:
        raise NewsNLPError(f"mwt must be one of {_MWT_MODES}, got {mwt!r}")
    sentences = []
    for group in _sentence_groups(article, max_sentence_tokens):
        sent = []
        for k, ti in enumerate(group):
            tok = article.tokens[ti]
            entry: dict[str, Any] = {ID: (k + 1,), TEXT: _stanza_text(tok.text)}
            if _is_mwt_candidate(tok, mwt):
                entry[MISC] = "MWT=Yes"
            sent.append(entry)
        sentences.append(sent)
    text = "\n".join(" ".join(e[TEXT] for e in s) for s in sentences)
    return Document(sentences, text=text)


def _pick_head_word(words: list, token_of_word: dict[int, int], position: int):
    """The word of a (multi-word) token that carries its annotations: see the module doc."""
    if len(words) == 1:
        return words[0]
    external = [
        w for w in words if w.head is not None and (w.head == 0 or token_of_word.get(w.head) != position)
    ]
    for w in external:
        if w.head == 0:
            return w
    return external[0] if external else words[0]


def apply_document(
    article: Article, doc: Document, max_sentence_tokens: int | None = DEFAULT_MAX_SENTENCE_TOKENS
) -> None:
    """Copy lemma, pos, head and deprel from an annotated stanza ``doc`` onto ``article.tokens``.

    ``doc`` must hold the article's sentences and tokens in order, one stanza token per newsnlp
    token (as :func:`article_to_document` builds it, with the same ``max_sentence_tokens``); a
    stanza token may hold several words.
    Raises :class:`~newsnlp.errors.NewsNLPError` when the two do not line up.
    """
    groups = _sentence_groups(article, max_sentence_tokens)
    if len(groups) != len(doc.sentences):
        raise NewsNLPError(
            f"stanza returned {len(doc.sentences)} sentences for {len(groups)} sentences of tokens"
        )
    tokens = article.tokens
    for group, sent in zip(groups, doc.sentences):
        if len(group) != len(sent.tokens):
            raise NewsNLPError(
                f"stanza returned {len(sent.tokens)} tokens for a sentence of {len(group)} tokens "
                f"starting at offset {tokens[group[0]].start}"
            )
        token_of_word: dict[int, int] = {}
        for pos_in_sent, stok in enumerate(sent.tokens):
            for word in stok.words:
                token_of_word[word.id] = pos_in_sent
        heads: list[int | None] = []
        for pos_in_sent, (ti, stok) in enumerate(zip(group, sent.tokens)):
            word = _pick_head_word(list(stok.words), token_of_word, pos_in_sent)
            tok = tokens[ti]
            tok.lemma = word.lemma
            tok.pos = word.upos
            tok.deprel = word.deprel
            head: int | None = None
            if word.head:  # None: no parser; 0: root
                target = token_of_word.get(word.head)
                if target is not None and target != pos_in_sent:
                    head = target
            heads.append(head)
        for pos_in_sent, head in enumerate(_repair_tree(heads)):
            tokens[group[pos_in_sent]].head = None if head is None else group[head]


def _repair_tree(heads: list[int | None]) -> list[int | None]:
    """Break cycles that merging words into tokens could create, attaching them to the root.

    ``heads`` are sentence-local token positions (``None`` = root or unparsed). The result has no
    cycle; a token of a cycle is attached to the sentence's root token (or made the root).
    """
    heads = list(heads)
    if all(h is None for h in heads):
        return heads
    roots = [i for i, h in enumerate(heads) if h is None]
    for start in range(len(heads)):
        seen: list[int] = []
        node: int | None = start
        while node is not None and node not in seen:
            seen.append(node)
            node = heads[node]
        if node is not None:  # came back to a node already on the path: a cycle
            if roots:
                heads[node] = roots[0]
            else:
                heads[node] = None
                roots.append(node)
    return heads


class LinguisticStage(BaseStage):
    """Fills ``lemma``, ``pos``, ``head`` and ``deprel`` of every token from stanza's models.

    Build it through the pipeline: ``Pipeline(stages=("text", "linguistic"),
    config={"linguistic": {...}})`` with the options of :func:`make_linguistic_stage`.
    """

    name = "linguistic"
    requires = ("text",)

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        package: str | dict[str, str] | None = None,
        processors: str | Sequence[str] = DEFAULT_PROCESSORS,
        mwt: str = "clitic",
        use_gpu: bool = False,
        lang: str = "id",
        max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS,
    ) -> None:
        self.model_dir = Path(model_dir).expanduser() if model_dir is not None else default_model_dir()
        if mwt not in _MWT_MODES:
            raise NewsNLPError(f"mwt must be one of {_MWT_MODES}, got {mwt!r}")
        if not isinstance(max_sentence_tokens, int) or max_sentence_tokens < 1:
            raise NewsNLPError(f"max_sentence_tokens must be a positive int, got {max_sentence_tokens!r}")
        self.max_sentence_tokens = max_sentence_tokens
        stanza = _import_stanza(self.model_dir)
        if not (self.model_dir / "resources.json").is_file() or not (self.model_dir / lang).is_dir():
            raise ModelNotFoundError(missing_models_message(self.model_dir, lang))
        if not isinstance(processors, str):
            processors = ",".join(processors)
        try:
            self.nlp = stanza.Pipeline(
                lang=lang,
                dir=str(self.model_dir),
                package=package,
                processors=processors,
                tokenize_pretokenized=True,
                download_method=None,
                use_gpu=use_gpu,
                logging_level="WARN",
            )
        except (FileNotFoundError, OSError) as err:
            raise ModelNotFoundError(
                missing_models_message(
                    self.model_dir, lang, reason=f"stanza could not load its models ({err})"
                )
            ) from err
        except ValueError as err:  # e.g. no processors for the language or package
            raise ModelNotFoundError(
                missing_models_message(self.model_dir, lang, reason=f"stanza found no usable model ({err})")
            ) from err
        self.mwt = mwt if "mwt" in self.nlp.processors else "none"
        self._lock = threading.Lock()  # stanza pipelines are not documented as thread-safe

    def process(self, article: Article) -> None:
        """Annotate the tokens of one article."""
        self.process_batch([article])

    def process_batch(self, articles: list[Article]) -> None:
        """Annotate several articles in one stanza call (stanza batches across documents)."""
        todo = [a for a in articles if a.tokens]
        if not todo:
            return
        docs = [article_to_document(a, self.mwt, self.max_sentence_tokens) for a in todo]
        with self._lock:
            out = self.nlp(docs)
        for article, doc in zip(todo, out):
            apply_document(article, doc, self.max_sentence_tokens)


@register_stage("linguistic")
def make_linguistic_stage(
    model_dir: str | os.PathLike[str] | None = None,
    package: str | dict[str, str] | None = None,
    processors: str | Sequence[str] = DEFAULT_PROCESSORS,
    mwt: str = "clitic",
    use_gpu: bool = False,
    max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS,
) -> LinguisticStage:
    """Factory of the ``linguistic`` stage.

    - ``model_dir``: a stanza resources directory (``resources.json`` + ``id/``); default
      :func:`default_model_dir`. Nothing is ever downloaded; missing models raise
      :class:`~newsnlp.errors.ModelNotFoundError` saying how to get them.
    - ``package``: a stanza package name for Indonesian (``"gsd"``, ``"csui"``), default stanza's.
    - ``processors``: stanza processors to run, default ``tokenize,mwt,pos,lemma,depparse``
      (drop ``depparse`` for speed: ``head``/``deprel`` then stay ``None``).
    - ``mwt``: which tokens may be split into syntactic words (``clitic``, ``all``, ``none``).
    - ``use_gpu``: let stanza use a GPU when there is one.
    - ``max_sentence_tokens``: longer sentences are parsed in pieces, each with its own root.
    """
    return LinguisticStage(
        model_dir=model_dir,
        package=package,
        processors=processors,
        mwt=mwt,
        use_gpu=use_gpu,
        max_sentence_tokens=max_sentence_tokens,
    )
