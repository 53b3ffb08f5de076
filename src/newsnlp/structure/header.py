"""The header: the lines above the lead (headline, kicker, teaser, standfirst, leftovers)."""

from __future__ import annotations

from ..textnorm import fold
from .context import Context
from .credits import credit_suffix
from .features import STOP_END, Line

__all__ = ["header"]


def header(ctx: Context, head: list[Line], title_norm: str | None, after: list[Line] | None = None) -> None:
    """Label the lines ``head`` above the lead; ``after`` are the lines after the lead (a body
    paragraph repeated above the article is boilerplate)."""
    later: set[str] | None = None  # the folded lines after the lead, built when first needed
    for ln in head:
        if ln.label is None and ln.words >= 6 and ln.text.endswith(STOP_END) and after:
            if later is None:
                later = {fold(x.text) for x in after}
            if fold(ln.text) in later:
                ln.label = "boilerplate"  # a body paragraph repeated above the article
    for ln in head:
        # a photo caption above the article (the lead image): it closes with a strong credit
        if ln.label is None and ln.words >= 4 and credit_suffix(ctx, ln, force=False):
            ln.label = "caption"
    free = [ln for ln in head if ln.label is None]
    if not free:
        return
    title = next((ln for ln in head if ln.label == "title"), None)
    if title is None and title_norm:
        for ln in free:
            if fold(ln.text) == title_norm:
                title = ln
    if title is None:
        cands = [ln for ln in free if ctx.fx.plausible_title(ln)]
        if cands:
            title = cands[-1]
    if title is None:
        for ln in free:
            short = ln.words <= 3 and not ln.text.endswith(STOP_END)
            ln.label = "kicker" if short else "teaser"
        return
    title.label = "title"
    free = [ln for ln in free if ln is not title]
    tnorm = fold(title.text)
    # A repeated headline above: everything from the first copy down is a teaser block.
    first_copy = None
    for ln in free:
        if ln.idx >= title.idx:
            break
        if fold(ln.text) == tnorm:
            first_copy = ln
            break
    above = [ln for ln in free if ln.idx < title.idx]
    for k, ln in enumerate(above):
        adjacent = k == len(above) - 1
        if first_copy is not None and ln.idx >= first_copy.idx:
            ln.label = "teaser"
        elif ln.text.endswith(":") and ln.words <= 5:
            ln.label = "kicker"
        elif ln.words <= 4 and (ctx.fx.title_like(ln) or ln.words <= 2) and not ln.text.endswith(STOP_END):
            # the rubric right above the headline is a kicker; menu leftovers further up are not
            ln.label = (
                "kicker" if adjacent and first_copy is None and ctx.fx.title_like(ln) else "boilerplate"
            )
        else:
            ln.label = "teaser"
    # Lines after the title but before the lead: a standfirst (teaser) or short leftovers.
    for ln in head:
        if ln.idx > title.idx and ln.label is None:
            ln.label = "teaser" if ctx.fx.paragraph_like(ln) else "boilerplate"
