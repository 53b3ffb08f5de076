"""Photo captions and credits: a credit closing a caption (``(BBC INDONESIA)``, ``TEMPO/Name``),
a credit glued before its caption (``Dok. TVS MotorMotor listrik ...``) and a caption glued before
a paragraph."""

from __future__ import annotations

import re

from .context import Context
from .features import INNER_STOP, LETTERS3, STOP_END, WORD, Line

__all__ = ["best_caps_cut", "credit_prefix", "credit_suffix", "glued_caption", "split_caption_head"]


def glued_caption(ctx: Context, ln: Line) -> None:
    """A credit and caption glued before a paragraph (``GoogleIlustrasi sistem ...XRSalah satu ...``).

    The caption is split off at the start of the line (``head``), its credit marked inside it;
    the paragraph keeps the line's own label.
    """
    t = ln.text
    if len(t) < 80:
        return
    head = t[:70]
    if "lustrasi" not in head and "LUSTRASI" not in head and "oto:" not in head and "OTO:" not in head:
        return
    m = ctx.r.caption_opener_glued.search(t, 2, 60)
    if not m:
        return
    cred = t[: m.start()]
    if not cred[:1].isupper() or len(cred.split()) > 4 or INNER_STOP.search(cred):
        return
    split_caption_head(ctx, ln, m.start(), m.end())


def split_caption_head(ctx: Context, ln: Line, credit_end: int, search_from: int) -> bool:
    """Split ``ln`` into a caption head (credit first) and the paragraph glued after it."""
    t = ln.text
    for g in ctx.r.credit_glue.finditer(t, search_from + 5, min(len(t), search_from + 260)):
        rest = t[g.start() :]
        if len(rest.split()) >= 12 and rest.rstrip().endswith(STOP_END):
            ln.head = (ln.start + g.start(), "caption")
            ln.subs.append((ln.start, ln.start + credit_end, "credit"))
            return True
    return False


def credit_prefix(ctx: Context, ln: Line, text: str = "") -> None:
    """Kompas-style credit glued before a caption (``Dok. TVS MotorMotor listrik ...``)."""
    m = ctx.r.credit_prefix.match(ln.text)
    if not m:
        return
    # The credit ends where a word is glued to the caption's first word (``MotorMotor``);
    # an all-caps name glued to a capitalised word splits before its last capital.
    t = ln.text
    if m.end() < len(t) and t[m.end() - 1].isalpha() and t[m.end()].isupper():
        cut = m.end()  # a bare source glued to the caption (``freepik.comTerdapat ...``)
    else:
        g = ctx.r.credit_glue.search(t, m.end() + 1, min(len(t), m.end() + 50))
        if not g:
            return
        cut = g.start()
    if text and t[cut - 1].isupper() and t[cut].isupper():
        cut = best_caps_cut(ln, cut, m.end(), text)
    cred = t[:cut].rstrip()
    rest = t[cut:].strip()
    if not cred or len(rest) < 3:
        return
    if len(t) > 250:
        # caption and paragraph glued: split the caption off the start, or leave the line alone
        split_caption_head(ctx, ln, len(cred), cut)
        return
    ln.label = "caption"
    ln.subs.append((ln.start, ln.start + len(cred), "credit"))


def best_caps_cut(ln: Line, cut: int, floor: int, text: str) -> int:
    """Where an all-caps credit name ends when glued to a capitalised caption word.

    ``RARINDRAXPeng`` splits as ``RARINDRA`` + ``XPeng`` when ``XPeng`` is written elsewhere in
    the article and ``Peng`` is not; otherwise before the last capital (``PRAKARSAMobil``).
    """
    t = ln.text
    outside = text[: ln.start] + "\n" + text[ln.end :]
    best, best_n = cut, -1
    for k in (cut, cut - 1, cut - 2):
        if k - floor < 3 or (k < cut and not t[k:cut].isupper()):
            break
        m = WORD.match(t, k)
        word = m.group(0) if m else ""
        if len(word) < 2:
            continue
        n = len(re.findall(r"(?<![A-Za-z])" + re.escape(word), outside))
        if n > best_n:
            best, best_n = k, n
    return best


def credit_suffix(ctx: Context, ln: Line, force: bool) -> bool:
    t = ln.text
    if len(t) > 320:
        return False
    tail = t[-140:]
    # quick exact pre-check: every credit form closes with ")" or holds "/", Foto, Dok, Sumber, Istimewa
    if not (
        t.endswith(")")
        or "/" in tail
        or "Foto" in tail
        or "FOTO" in tail
        or "Dok" in tail
        or "DOK" in tail
        or "Sumber" in tail
        or "stimewa" in tail
        or "STIMEWA" in tail
    ):
        return False
    m = ctx.r.credit_suffix.search(t, max(0, len(t) - 140))  # a credit closes the line
    tries = 0
    while m is not None and not t[: m.start("credit")].strip() and tries < 5:
        m = ctx.r.credit_suffix.search(t, m.start("credit") + 1)
        tries += 1
    if not m:
        return False
    cred = m.group("credit")
    before = t[: m.start("credit")].rstrip()
    if not before or not LETTERS3.search(cred):
        return False  # "(21/6/2025)", "(f/2.4)" are not credits
    if cred.strip("() ") in ctx.r.credit_not_codes:
        return False  # "(USD)", "(WIB)": a currency or a unit, not a credit
    if not force:
        inner = cred.strip("()")
        strong = bool(ctx.r.credit_suffix_strong.search(cred)) or (inner.isupper() and len(inner) > 2)
        if not strong or ctx.r.initials.match(inner):
            return False
        # "(ANTARA)" after a long multi-sentence paragraph is an agency tag, not a caption credit.
        if len(re.findall(r"[.!?][\"”]?\s", before)) > 2:
            return False
        if (
            inner.isupper()
            and len(inner.split()) == 1
            and inner in ("ANTARA", "AFP", "AP")
            and len(before) > 200
        ):
            return False
    ln.subs.append((ln.start + m.start("credit"), ln.start + m.end("credit"), "credit"))
    return True
