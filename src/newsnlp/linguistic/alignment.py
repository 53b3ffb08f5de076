"""Alignment between newsnlp's tokens and stanza's words.

Stanza is fed newsnlp's own tokens and sentences (pretokenized input), so offsets never move.
Tokens carrying an enclitic (``pihaknya``, found by the ``text`` stage) are handed to stanza's
multi-word-token expander, which may split them into several syntactic words (``pihak`` +
``nya``). Each newsnlp token then takes its annotations from its *head word*: the word whose
syntactic head lies outside the token (the root word if it is one of them; the first word when no
parse is available). ``pos`` is the UPOS tag, ``head`` the index into ``article.tokens`` of the
token holding the head word's head (``None`` for the root of a sentence), ``deprel`` the UD
relation.

:func:`article_to_document` builds the stanza ``Document`` of an article; :func:`apply_document`
copies stanza's annotations back onto the article's tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import NewsNLPError
from ..record import Article

if TYPE_CHECKING:  # pragma: no cover
    from stanza.models.common.doc import Document

__all__ = ["DEFAULT_MAX_SENTENCE_TOKENS", "MWT_MODES", "apply_document", "article_to_document"]

#: Tokens longer than this are cut for stanza's eyes only (long URLs); the record is untouched.
_MAX_TOKEN_CHARS = 100
#: Longer sentences (boilerplate, link lists) go to stanza in pieces of this many tokens.
DEFAULT_MAX_SENTENCE_TOKENS = 200
#: Which tokens the multi-word-token expander may split (see :func:`article_to_document`).
MWT_MODES = ("clitic", "all", "none")


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
    for i, sentence in enumerate(article.tokens.column("sentence")):
        if sentence != last or not groups or (max_tokens and len(groups[-1]) >= max_tokens):
            groups.append([])
            last = sentence
        groups[-1].append(i)
    return groups


def _is_mwt_candidate(text: str, clitic: str | None, mode: str) -> bool:
    if mode == "none":
        return False
    if mode == "all":
        return text.isalpha() and len(text) > 3
    return clitic is not None


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

    if mwt not in MWT_MODES:
        raise NewsNLPError(f"mwt must be one of {MWT_MODES}, got {mwt!r}")
    sentences = []
    texts, clitics = article.tokens.column("text"), article.tokens.column("clitic")
    for group in _sentence_groups(article, max_sentence_tokens):
        sent = []
        for k, ti in enumerate(group):
            entry: dict[str, Any] = {ID: (k + 1,), TEXT: _stanza_text(texts[ti])}
            if _is_mwt_candidate(texts[ti], clitics[ti], mwt):
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
    columns = {name: tokens.column(name) for name in ("lemma", "pos", "deprel", "head")}
    lemmas, tags, deprels, head_of = columns["lemma"], columns["pos"], columns["deprel"], columns["head"]
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
            lemmas[ti] = word.lemma
            tags[ti] = word.upos
            deprels[ti] = word.deprel
            head: int | None = None
            if word.head:  # None: no parser; 0: root
                target = token_of_word.get(word.head)
                if target is not None and target != pos_in_sent:
                    head = target
            heads.append(head)
        for pos_in_sent, head in enumerate(_repair_tree(heads)):
            head_of[group[pos_in_sent]] = None if head is None else group[head]
    for name, values in columns.items():
        tokens.set_column(name, values)


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
