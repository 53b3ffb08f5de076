"""trafilatura's extraction cascade run once on newsnlp's own tree, its fast mode first and its
fallbacks only when asked, without repeating the work the two share.

``trafilatura.extract(tree, fast=...)`` copies the tree it is given, prunes and cleans it, runs
its main extractor, then (fast mode) a baseline rescue and a recall escalation, and serialises the
result. newsnlp asks it twice on pages whose fast result is short: fast, then with the fallbacks
(readability, jusText), which repeated every step. :class:`MainText` calls trafilatura's own
functions in the order of ``trafilatura.core.trafilatura_sequence`` (comments off, tables on,
balanced focus, no metadata, no deduplication), so that

* the page's tree is pruned in place, not copied first (newsnlp has read it already);
* the fast mode keeps no pre-conversion backup it never reads;
* the fallbacks (:meth:`MainText.full`) continue from the fast pass's main extraction (the
  comparison with readability and jusText, then the rescue and the escalation in full mode)
  instead of starting again from the page;
* the raw-tree prunes (infinite-scroll containers, share bars, comment sections: XPath class
  tests that call back into Python for every element) are skipped on pages whose markup does not
  hold the literal part of their patterns (:data:`PRUNE_LITERALS`; most pages);
* the page measure of the escalation (``html2txt``: a copy of the tree cleaned by another XPath)
  is the length of the text newsnlp read when the caller gives it (``page_chars``), and is
  otherwise computed once for both modes.

Without ``page_chars`` the texts are those of ``extract`` except where the main extractor recovers
stray text on a page it found almost nothing on: there the fast pass keeps teaser blocks and the
full mode would not; the fallbacks continue from the fast pass's recovery.

With a trafilatura other than the versions this module was written against
(:data:`TRAFILATURA_VERSIONS`), :class:`MainText` falls back to ``trafilatura.extract`` on copies of
the tree (``page_chars`` and the skipped prunes then do not apply).
"""

from __future__ import annotations

import logging
from copy import copy
from functools import lru_cache
from typing import Any

__all__ = ["PRUNE_LITERALS", "TRAFILATURA_VERSIONS", "MainText"]

#: The trafilatura versions (prefixes) whose cascade this module follows step by step; with any
#: other, :class:`MainText` calls trafilatura's public ``extract``.
TRAFILATURA_VERSIONS = ("2.3.",)

_log_quiet = False

#: trafilatura's raw-tree prunes (their XPath, whitespace-normalised) and the strings of which a
#: class or id they match must hold one: a page whose markup holds none of them is not searched.
#: (Read against trafilatura 2.3; a prune whose XPath differs is always run. A page that writes
#: such a class name with character references, ``infin&#105;te``, is not pruned by it.)
PRUNE_LITERALS: dict[str, tuple[str, ...]] = {
    ".//*[self::div or self::section or self::aside][ re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') "
    "or re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ not(.//h1) or re:test(@id, "
    "'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]": (
        "mvp-post-add-",
        "infinite-scroll",
        "infinitescroll",
    ),
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]": (
        "elementor-share-buttons",
    ),
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ re:test(@id, "
    "'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or self::ul) or re:test(@id, "
    "'^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')]": (
        "omment",
        "comol",
        "disqus_thread",
    ),
}


def _quiet_trafilatura() -> None:
    """trafilatura logs a warning for every page it discards; without a handler Python prints
    them to stderr. A ``NullHandler`` keeps them out of a user's terminal (they still propagate
    to a logging setup the user configures)."""
    global _log_quiet
    if not _log_quiet:
        logging.getLogger("trafilatura").addHandler(logging.NullHandler())
        _log_quiet = True


class _Steps:
    """trafilatura's functions and settings the cascade is made of (imported once)."""

    def __init__(self) -> None:
        import trafilatura
        from trafilatura import core, external, htmlprocessing, main_extractor, settings, utils, xml, xpaths
        from trafilatura.baseline import baseline, html2txt

        if not str(getattr(trafilatura, "__version__", "")).startswith(TRAFILATURA_VERSIONS):
            raise ImportError(f"trafilatura {trafilatura.__version__}: not a version this cascade follows")

        self.forum_page = core._forum_thread_page
        self.max_length = core.ESCALATION_MAX_LENGTH
        self.page_share = core.ESCALATION_PAGE_SHARE
        self.accept_ratio = core.ESCALATION_ACCEPT_RATIO
        self.justext_ratio = core.ESCALATION_JUSTEXT_RATIO
        self.raw_prune = [(x, _literals(x)) for x in xpaths.RAW_TREE_PRUNE_XPATH]
        self.comments_prune = [(x, _literals(x)) for x in xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH]
        self.prune = htmlprocessing.prune_unwanted_nodes
        self.tree_cleaning = htmlprocessing.tree_cleaning
        self.convert_tags = htmlprocessing.convert_tags
        self.extract_content = main_extractor.extract_content
        self.compare_extraction = external.compare_extraction
        self.justext_rescue = external.justext_rescue
        self.baseline = baseline
        self.html2txt = html2txt
        self.xmltotxt = xml.xmltotxt
        self.normalize_unicode = utils.normalize_unicode
        kwargs = {
            "output_format": "txt",
            "comments": False,
            "tables": True,
            "formatting": False,
            "links": False,
            "images": False,
            "dedup": False,
            "with_metadata": False,
        }
        self.fast = settings.Extractor(fast=True, **kwargs)
        self.full = settings.Extractor(fast=False, **kwargs)
        if self.fast.focus != "balanced" or self.fast.comments:  # pragma: no cover - a changed default
            raise AttributeError("unexpected trafilatura defaults")


def _literals(xpath: Any) -> tuple[str, ...] | None:
    """The strings one of which a page must hold for ``xpath`` to match (``None``: unknown)."""
    return PRUNE_LITERALS.get(" ".join(xpath.path.split()))


@lru_cache(maxsize=1)
def _steps() -> _Steps | None:
    """The cascade's steps, or ``None`` when trafilatura is missing or not the version it was
    written against (its internals moved)."""
    try:
        return _Steps()
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another trafilatura
        return None


def _extract(tree: Any, fast: bool) -> str | None:
    """trafilatura's public ``extract`` (on a copy of ``tree``): the fallback when its internals
    are not the expected ones."""
    try:
        import trafilatura

        out = trafilatura.extract(
            tree,
            fast=fast,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:
        return None
    return out or None


class MainText:
    """The main text trafilatura finds in the parsed page ``tree`` (an ``lxml.html`` element),
    which it prunes in place: the caller must not need the tree's original content afterwards.
    ``source`` is the markup ``tree`` was parsed from (when given, prunes that cannot match it
    are skipped). ``page_chars`` is how many characters of text the page shows, when the caller
    has read them: the measure trafilatura's recall escalation compares a short result to
    (default: trafilatura's own, ``html2txt`` of a cleaned copy of the tree).

    :attr:`text` is the result of the fast mode (``None``: nothing found, or trafilatura failed);
    :meth:`full` the result with the fallbacks (computed on first call).
    """

    def __init__(self, tree: Any, source: str | None = None, page_chars: int | None = None) -> None:
        _quiet_trafilatura()
        self._source = source
        self._steps = _steps()
        self._tree = tree
        self._stage1: tuple[Any, str] | None = None
        self._recall1: tuple[Any, str] | None = None
        self._page_len = page_chars
        self._full: str | None = None
        self._full_done = False
        if self._steps is None:  # another trafilatura
            self._original = copy(tree)
            self.text = _extract(self._original, fast=True)
            return
        try:
            self.text = self._fast()
        except Exception:
            self.text = None

    # -- the two modes ------------------------------------------------------------------------
    def _fast(self) -> str | None:
        st = self._steps
        assert st is not None
        tree = self._tree
        is_forum = st.forum_page(tree)
        # the raw-tree prunes all later steps inherit (comments off: comment sections and lists
        # go, except on a forum thread, whose posts are the content)
        self._prune(st.raw_prune)
        if not is_forum:
            self._prune(st.comments_prune)
        cleaned = st.convert_tags(st.tree_cleaning(copy(tree), st.fast), st.fast, None)
        self._stage1 = st.extract_content(cleaned, st.fast)
        return self._finish(*self._stage1, st.fast)

    def full(self) -> str | None:
        """The main text with trafilatura's fallbacks (readability, jusText), as
        ``extract(fast=False)`` finds it; ``None`` when it finds nothing."""
        if self._full_done:
            return self._full
        self._full_done = True
        st = self._steps
        if st is None:  # another trafilatura
            self._full = _extract(self._original, fast=False)
            return self._full
        if self._stage1 is None:  # the fast pass failed
            return None
        try:
            body, text = self._stage1
            # readability reads the raw tree, jusText the cleaned one before tag conversion
            backup = st.tree_cleaning(copy(self._tree), st.full)
            body, text = st.compare_extraction(backup, copy(self._tree), body, text, st.full)
            self._full = self._finish(body, text, st.full)
        except Exception:
            self._full = None
        return self._full

    # -- the shared steps ---------------------------------------------------------------------
    def _prune(self, xpaths: list[tuple[Any, tuple[str, ...] | None]]) -> None:
        """trafilatura's ``prune_unwanted_nodes`` with each XPath whose literals the page holds."""
        src = self._source
        todo = [x for x, lits in xpaths if src is None or lits is None or any(w in src for w in lits)]
        if todo:
            self._tree = self._steps.prune(self._tree, todo)  # type: ignore[union-attr]

    def _finish(self, body: Any, text: str, options: Any) -> str | None:
        """Stages 3 and 4 of trafilatura's cascade (the baseline rescue, the recall escalation),
        the output size check and the text serialisation."""
        st = self._steps
        assert st is not None
        tree = self._tree
        if len(text) < options.min_extracted_size:
            b_body, b_text, b_len = st.baseline(tree)
            if b_len > len(text):
                body, text = b_body, b_text
        if 0 < len(text) < st.max_length and self._small_share(len(text)):
            recall = copy(options)
            recall.focus = "recall"
            r_text = j_text = ""
            try:
                r_body, r_text = self._main_and_compare(recall)
            except Exception:  # pragma: no cover - as trafilatura: the retry is optional
                r_text = ""
            if not options.fast:
                try:
                    j_body, j_text = st.justext_rescue(copy(tree), options)
                except Exception:  # pragma: no cover
                    j_text = ""
            if len(j_text) > len(r_text) and len(j_text) > st.justext_ratio * len(text):
                body, text = j_body, j_text
            elif len(r_text) >= options.min_extracted_size and len(r_text) > st.accept_ratio * len(text):
                body, text = r_body, r_text
        if len(text) < options.min_output_size:
            return None
        # (``extract`` joins the empty comments' text on and strips the whole)
        return st.normalize_unicode(st.xmltotxt(body, False).strip()) or None

    def _main_and_compare(self, options: Any) -> tuple[Any, str]:
        """Stages 1 and 2 on a fresh cleaning of the pruned tree (the escalation's retry, in
        recall mode). Its main extraction is the same in both modes (the fast mode differs only in
        keeping teasers, which recall keeps anyway): computed once."""
        st = self._steps
        assert st is not None
        if self._recall1 is None:
            cleaned = st.tree_cleaning(copy(self._tree), options)
            backup = None if options.fast else copy(cleaned)
            self._recall1 = st.extract_content(st.convert_tags(cleaned, options, None), options)
        elif not options.fast:
            backup = st.tree_cleaning(copy(self._tree), options)
        body, text = self._recall1
        if not options.fast:
            body, text = st.compare_extraction(backup, copy(self._tree), body, text, options)
        return body, text

    def _small_share(self, n: int) -> bool:
        """Whether ``n`` characters are less than the escalation's share of the page: of
        ``page_chars`` when the caller gave it, else of trafilatura's own measure (``html2txt`` of
        the pruned tree: a cleaned copy), computed once."""
        st = self._steps
        assert st is not None
        if self._page_len is None:
            self._page_len = len(st.html2txt(self._tree))
        return n < st.page_share * self._page_len
