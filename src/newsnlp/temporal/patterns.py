"""The compiled TIMEX patterns, built once from the lexicon.

Each rule is a compiled regular expression tried only where it can start: trigger words and
digit runs are located with C-speed string operations, and at each trigger the rules that may
start there are tried as one alternation (at one position, earlier rules in ``RULES`` win). Every quantifier is either bounded
or applies to a token that cannot match the text around it, so there is no catastrophic
backtracking: the scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..data import load_json
from .lexicon import alternation, compile_same_line, load_lexicon, unit_words, words

__all__ = ["RULES", "Patterns", "build_patterns", "get_patterns"]

#: Rule names in priority order (earlier wins when two rules start at the same character).
RULES = (
    "iso",
    "datenum",
    "hijri",
    "datetext",
    "engdate",
    "decade",
    "century",
    "quarter",
    "half",
    "clock",
    "clockz",
    "islamic",
    "anniv",
    "yholiday",
    "holiday",
    "season",
    "weekend",
    "ordweek",
    "periodmod",
    "setx",
    "timesx",
    "prevref",
    "deictic",
    "relday",
    "partday",
    "unitrel",
    "tanggal",
    "xdur",
    "qty",
    "monthyear",
    "year",
    "month",
    "weekday",
    "ref",
    "vdur",
    "prayer",
    "barepart",
    "glued",
)


@dataclass
class Patterns:
    """Compiled regexes and lookup tables used by the tagger."""

    lex: dict[str, Any]
    rules: dict[str, re.Pattern]
    dispatch: dict[str, tuple[str, ...]]
    #: The rules that may start at a trigger key, as one alternation (compiled on first use).
    combined: dict[str, re.Pattern]
    space_table: bytes
    digit_table: bytes
    mod_before: re.Pattern
    range_between: re.Pattern
    law_before: re.Pattern
    future_cue: re.Pattern
    pub_cue: re.Pattern
    report_cue: re.Pattern
    month_prep: re.Pattern
    sentence_break: re.Pattern
    stamp_gap: re.Pattern
    month_range_after: re.Pattern


class LazyPatterns(dict):
    """``key -> compiled pattern``, each compiled (case-insensitive) on its first lookup: most of
    the per-start-token alternations and single rules are rare, and compiling all of them would
    cost a quarter of a second of every ``Pipeline()``."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, key: str) -> re.Pattern:
        pattern = compile_same_line(self.sources[key])
        self[key] = pattern
        return pattern

    def __reduce__(self):
        return (LazyPatterns, (self.sources,))


def _g(rule: str, pattern: str) -> str:
    """Prefix the group names ``(?P<x>`` and back-references of ``pattern`` with ``rule``."""
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{rule}_{m.group(1)}>", pattern)
    pattern = re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({rule}_{m.group(1)})", pattern)
    pattern = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={rule}_{m.group(1)})", pattern)
    return f"(?P<{rule}>{pattern})"


DIGIT = "0"
#: Dispatch key of a trigger found inside a word glued to the one before ("Prayogakini").
GLUED = "~glued"
#: End of a word, or "Ini" glued to a lower-case word after it ("Hari Iniberikut": a lost space).
GLUE_END = r"(?:\b|(?<=(?-i:Ini))(?=(?-i:[a-z])))"


_LETTERS = re.compile(r"[^\W\d_]+")

#: ``bytes.translate`` table for ASCII text: letters lower-cased, everything else (digits too) a space.
DIGIT_TABLE = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
SPACE_TABLE = bytes(c + 32 if 65 <= c <= 90 else (c if 97 <= c <= 122 else 32) for c in range(256))


def _first(phrase: str) -> str:
    m = _LETTERS.search(phrase.lower())
    return m.group() if m else ""


def _number_words(lex: dict[str, Any]) -> tuple[list[str], str]:
    """(single-word numbers, regex of a number written in words) from ``numbers`` and ``number_multipliers``."""
    numbers = lex["numbers"]
    digits = [w for w, v in numbers.items() if 1 <= v <= 9 and " " not in w]
    unitw = alternation(digits)
    teens = alternation(lex["number_teens"])
    mults = alternation([w for w in lex["number_multipliers"] if w not in lex["number_teens"]])
    others = alternation([w for w in numbers if w not in digits])
    regex = (
        f"(?:{unitw}\\s+{mults}(?:\\s+(?:{unitw}\\s+{teens}|{others}|{unitw}))?"
        f"|{unitw}\\s+{teens}|{others}|{unitw})"
    )
    return [w for w in numbers if " " not in w], regex


def _dispatch(lex: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Map a start token (lower-case; ``"0"`` for any digit run) to the rules that may match there."""
    wd = [w for w in words(lex, "weekdays") if w not in set(lex["english_weekday_abbrev"])]
    months = words(lex, "months")
    numwords, _ = _number_words(lex)
    mods = lex["mods_before"]
    starts: dict[str, list[str]] = {
        "iso": [DIGIT],
        "datenum": [*wd, "(", DIGIT, *lex["day_words"]],
        "hijri": [DIGIT],
        "datetext": [*wd, DIGIT, *lex["day_words"]],
        "engdate": [*wd, *lex["english_month_first"]],
        "decade": [*lex["decade_words"], DIGIT],
        "century": unit_words(lex, "CE"),
        "quarter": [*lex["quarters"], "q"],
        "half": lex["halves"],
        "clock": words(lex, "clock_words"),
        "clockz": [DIGIT],
        "islamic": words(lex, "islamic_holidays"),
        "anniv": list(lex["anniversary_words"]),
        "holiday": words(lex, "holidays_fixed"),
        "yholiday": [*words(lex, "holiday_names_by_year"), *words(lex, "easter_holidays")],
        "ordweek": unit_words(lex, "W"),
        "barepart": words(lex, "parts_of_day"),
        "glued": [GLUED],
        "season": words(lex, "seasons"),
        "weekend": lex["weekend_words"],
        "periodmod": [w for w, v in mods.items() if v in ("START", "MID", "END")],
        "partday": words(lex, "parts_of_day"),
        "setx": [*lex["set_words"], *lex["per_words"]],
        "timesx": [DIGIT, *numwords, *lex["vague_quantities"]],
        "prevref": [*words(lex, "same_refs"), *words(lex, "next_day_refs"), *words(lex, "previous_parts")],
        "deictic": words(lex, "deictic_parts"),
        "relday": words(lex, "relative_days"),
        "unitrel": unit_words(lex, "W", "M", "Y", "DE", "CE"),
        "tanggal": lex["day_words"],
        "xdur": [DIGIT],
        "qty": [
            DIGIT,
            *numwords,
            *words(lex, "se_units"),
            *words(lex, "reduplicated_units"),
            *lex["vague_quantities"],
        ],
        "monthyear": [*unit_words(lex, "M"), *months],
        "year": [*lex["year_words"], DIGIT],
        "month": [*unit_words(lex, "M"), *months],
        "weekday": wd,
        "ref": [k for k, v in lex["refs"].items() if v],
        "vdur": words(lex, "vague_durations"),
        "prayer": [
            *words(lex, "part_preps"),
            *lex["prayer_words"],
            *words(lex, "prayer_times"),
            *words(lex, "weekly_prayers"),
        ],
    }
    out: dict[str, list[str]] = {}
    for rule in RULES:
        for phrase in starts[rule]:
            tok = phrase if phrase in ("(", DIGIT, GLUED) else _first(phrase)
            if tok and rule not in out.setdefault(tok, []):
                out[tok].append(rule)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def get_patterns() -> Patterns:
    """Build (once) and return the compiled patterns of the shipped lexicon."""
    return build_patterns(load_lexicon())


def _report_cue(lex: dict[str, Any]) -> re.Pattern:
    """What attaches a date to the reporting of a statement: the reporting verbs of the quotes
    room's lexicon (``mengatakan``; ``kata``, ``ujarnya``: read there, not copied) and the phrases
    of ``reporting_date_cues`` (``kepada wartawan``, ``dalam keterangan``, ``dikutip``)."""
    quotes = load_json("quotes", "lexicon.json")
    short = alternation(quotes["postposed"]["reporting"])
    long_ = alternation([*quotes["verbs"]["reporting"], *lex["reporting_date_cues"]["phrases"]])
    return compile_same_line(f"\\b(?:{short})(?:nya)?\\b|\\b{long_}\\b")


def build_patterns(lex: dict[str, Any]) -> Patterns:
    """Compile the patterns of the lexicon ``lex`` (every word list of a rule comes from it)."""
    eng_abbrev = set(lex["english_weekday_abbrev"])
    wd = alternation([w for w in words(lex, "weekdays") if w not in eng_abbrev])
    month_keys = words(lex, "months")
    abbrev = [m for m in month_keys if m in set(lex["month_abbreviations"])]
    full = [m for m in month_keys if m not in abbrev]
    mon = f"(?:{alternation(full)}|{alternation(abbrev)}(?:\\.(?=\\s*\\d))?)"
    mon_full = alternation([m for m in full if m not in set(lex["month_not_bare"])])
    eng_mon = f"(?:{alternation(lex['english_month_first'])}\\.?)"
    parts = alternation(words(lex, "parts_of_day"))
    zones = alternation(words(lex, "zones"))
    _, numword = _number_words(lex)
    numdig = r"(?:\d{1,3}(?:\.\d{3})+(?![\d.])|\d{1,5}(?:,\d{1,2})?(?![\d,.]\d))"
    num = f"(?:{numdig}|{numword})"
    units = alternation(words(lex, "units"))
    se_units = alternation([k for k, v in lex["se_units"].items() if v])
    redup = alternation(words(lex, "reduplicated_units"))
    vague = alternation(lex["vague_quantities"])
    hijri_m = alternation(words(lex, "hijri_months"))
    hsuf = alternation(lex["hijri_year_suffix"]) + r"\b"
    era = alternation(words(lex, "era_suffixes"))
    rng = alternation(lex["range_words"])
    tense = alternation(words(lex, "tense_words"))
    prev = alternation(words(lex, "previous_after"))
    yearw = alternation(unit_words(lex, "Y"))
    monthw = alternation(unit_words(lex, "M"))
    weekw = alternation(unit_words(lex, "W"))
    minute = alternation(unit_words(lex, "Mi"))
    clockw = alternation(words(lex, "clock_words"))
    rel_suffix = (
        f"(?:\\s+(?P<rel>{yearw}\\s+{tense})\\b|\\s+(?P<tense>{tense})\\b)?"
        f"(?:\\s+(?P<part>{parts})\\b(?:\\s+{zones}\\b)?)?"
    )
    lb = r"(?<![\w/.,:-])"
    dayw = alternation(lex["day_words"])
    listw = alternation(lex["list_words"])

    rules: dict[str, str] = {}
    rules["iso"] = lb + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2}))?(?![\d-])"
    # Numeric dates, day first: "Minggu (2/8/2020)", "Senin, (9/6/2025)", "Selasa (10/06)", "02/07/2025".
    rules["datenum"] = (
        f"(?:(?P<wd>{wd})(?:\\s+(?P<wpart>{parts})(?=\\s*\\())?\\s*,?\\s*)?"
        r"(?:\(\s*(?P<d>\d{1,2})(?:\s*-\s*(?P<d2>\d{1,2}))?\s*[/.]\s*(?P<m>\d{1,2})(?:\s*[/.]\s*(?P<y>\d{1,4}))?\s*(?:\)|(?<=\d{4})(?=[^\W\d_]|[ \t]{0,3}(?:\n|$)))"
        f"|(?:{dayw}\\s+)?(?<![\\d/.,])(?P<bd>\\d{{1,2}})(?P<sep>[/.-])(?P<bm>\\d{{1,2}})(?P=sep)(?P<by>\\d{{4}}|\\d{{2}})(?![\\d/]|[.-]\\d)"
        # "Pada 2/8," without a year: only after a date preposition (checked by the handler)
        r"|(?<![\d/.,])(?P<pd>\d{1,2})/(?P<pm>\d{1,2})(?=\s*[,.;)]|\s*$))" + rel_suffix
    )
    rules["hijri"] = lb + f"(?P<d>\\d{{1,2}})\\s+(?P<hm>{hijri_m})\\s+(?P<hy>1\\d{{3}})(?:\\s*{hsuf})?"
    rules["datetext"] = (
        f"(?:(?P<wd>{wd})\\s*,?\\s*(?P<open>\\(\\s*)?)?"
        + lb
        + f"(?:{dayw}\\s+)?(?P<d>\\d{{1,2}})(?:\\s*{rng}\\s*(?P<d2>\\d{{1,2}})(?:\\s+(?P<m1>{mon}))?)?\\s*(?P<mon>{mon})"
        f"(?:\\s*,?\\s*(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d))?(?(open)\\s*\\))" + rel_suffix
    )
    rules["engdate"] = (
        f"(?:(?P<wd>{wd}),?\\s+)?(?P<mon>{eng_mon})\\s+(?P<d>\\d{{1,2}}),?\\s+(?P<y>\\d{{4}})(?!\\d)"
    )
    decw = alternation(lex["decade_words"])
    rules["decade"] = f"(?:(?P<pre>{decw})\\s+)?" + lb + r"(?P<y>\d{4}|\d{2})-?an\b"
    roman = "".join(k.upper() for k in words(lex, "roman"))
    centw = alternation(unit_words(lex, "CE"))
    rules["century"] = (
        f"\\b{centw}\\s+(?:ke-?\\s*)?(?P<n>\\d{{1,2}}|[{roman}]{{1,6}}\\b|(?:ke)?{numword})(?:\\s*(?P<bc>{era})\\b)?"
    )
    ordinals = alternation(words(lex, "ordinals"))
    quarters = alternation(lex["quarters"])
    rules["quarter"] = (
        f"\\b(?:{quarters}\\s*(?:ke-?\\s*)?(?P<q>{ordinals})\\b|(?P<qq>Q[1-4])\\b)"
        f"(?:\\s*[-/]?\\s*(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<t>{tense}|{prev})\\b)?"
        f"|\\b{quarters}\\s+(?P<t2>{tense}|{prev})\\b"
    )
    halves = alternation(lex["halves"])
    half_ord = alternation([w for w, v in lex["ordinals"].items() if v in (1, 2)])
    rules["half"] = (
        f"\\b{halves}\\s*(?:ke-?\\s*)?(?P<h>{half_ord})\\b"
        f"(?:\\s*[-/]?\\s*(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<t>{yearw}\\s+{tense}|{tense})\\b)?"
    )
    clock_tail = (
        f"(?:\\s*(?P<z0>{zones})\\b(?=\\s*{rng}\\s*(?:{clockw}\\s*)?\\d))?"
        f"(?:\\s*{rng}\\s*(?:{clockw}\\s*)?(?P<h2>\\d{{1,2}})(?:[.:](?P<mi2>\\d{{2}}))?)?"
        f"(?:\\s*(?P<z>{zones})\\b(?:\\s*[+]\\s*\\d{{1,2}})?)?(?:\\s+(?P<part>{parts})\\b(?:\\s*(?P<z2>{zones})\\b)?)?"
        f"(?!\\s*{minute}|[\\d.,:/]\\d)"
    )
    rules["clock"] = (
        f"\\b(?P<pre>{clockw})\\s*(?P<h>\\d{{1,2}})(?:[.:](?P<mi>\\d{{2}}))?(?:[.:]\\d{{2}})?(?![\\d.,:/]\\d)"
        + clock_tail
    )
    rules["clockz"] = (
        lb + r"(?P<h>\d{1,2})[.:](?P<mi>\d{2})(?:[.:]\d{2})?"
        f"(?:\\s*(?P<z0>{zones})\\b(?=\\s*{rng}\\s*\\d))?"
        f"(?:\\s*{rng}\\s*(?P<h2>\\d{{1,2}})[.:](?P<mi2>\\d{{2}}))?\\s*(?P<z>{zones})\\b"
    )
    holiday_tail = (
        f"(?:\\s+(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<ht>{tense}|{yearw}\\s+{tense})\\b)?"
    )
    islamic = alternation(words(lex, "islamic_holidays"))
    rules["islamic"] = (
        f"\\b(?P<name>{islamic})\\b(?:\\s+(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)(?:\\s*(?P<h>{hsuf}|{era}\\b))?"
        f"|\\s+(?P<ht>{tense}|{yearw}\\s+{tense})\\b)?"
    )
    anniv = alternation(words(lex, "anniversaries"))
    aw = alternation(lex["anniversary_words"])
    rules["anniv"] = (
        f"\\b{aw}\\s+(?:ke-?\\s*(?P<n1>\\d{{1,4}})\\s+)?(?P<who>{anniv})\\b(?:\\s+ke-?\\s*(?P<n2>\\d{{1,4}}))?"
    )
    holidays = alternation(words(lex, "holidays_fixed"))
    rules["holiday"] = f"\\b(?P<name>{holidays})\\b" + holiday_tail
    seasons = alternation(words(lex, "seasons"))
    rules["season"] = (
        f"\\b(?P<name>{seasons})\\b(?:\\s+(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<t>{yearw}\\s+{tense}|{tense})\\b)?"
    )
    weekend = alternation(lex["weekend_words"])
    rules["weekend"] = f"\\b{weekend}\\b(?:\\s+(?P<t>{tense}|{prev})\\b)?"
    sme = alternation([w for w, v in lex["mods_before"].items() if v in ("START", "MID", "END")])
    not_after = alternation(lex["period_mod_not_before"])
    rules["periodmod"] = (
        f"\\b(?P<m>{sme})\\s+(?P<u>{alternation(unit_words(lex, 'Y', 'M', 'W'))})\\b"
        f"(?!\\s+(?:{tense}|{prev}|{not_after}|\\d|[^\\W\\d_]+an\\b))"
    )
    partday = [f"{w} hari" for w in words(lex, "parts_of_day") if not w.endswith(" hari")]
    partday += [w for w in words(lex, "parts_of_day") if w.endswith(" hari")]
    rules["partday"] = f"\\b(?P<p>{alternation(partday)})\\b"
    setw = alternation(lex["set_words"])
    perw = alternation(lex["per_words"])
    rules["setx"] = (
        f"\\b{setw}\\s+(?:(?P<n>{num})\\s+(?P<u>{units})\\b|hari\\s+(?P<hwd>{wd})\\b|(?P<wd>{wd})\\b(?:\\s+(?P<wpart>{parts})\\b)?"
        f"|(?P<part>{parts})\\b|{dayw}\\s+(?P<td>\\d{{1,2}})\\b(?!\\s*{mon})|(?P<dd>\\d{{1,2}})\\s+(?P<dmon>{mon})\\b|(?P<u1>{units})(?:nya)?\\b)"
        f"|\\b{perw}\\s+(?P<pu>{units})\\b"
    )
    rules["timesx"] = (
        f"\\b(?P<n>{num}|{vague})\\s+kali\\s+(?:dalam\\s+)?(?:(?P<se>{se_units})|se(?P<u>{units}))\\b"
    )
    prev_keys = words(lex, "same_refs") + words(lex, "next_day_refs") + words(lex, "previous_parts")
    rules["prevref"] = f"\\b(?P<w>{alternation(prev_keys)})\\b"
    deictic = alternation(words(lex, "deictic_parts"))
    rules["deictic"] = f"\\b(?P<w>{deictic})\\b"
    reldays = alternation(words(lex, "relative_days"))
    rules["relday"] = f"\\b(?P<w>{reldays}){GLUE_END}(?:\\s+(?P<part>{parts})\\b)?"
    rules["unitrel"] = (
        f"\\b(?P<u>{alternation(unit_words(lex, 'W', 'M', 'Y', 'DE', 'CE'))})\\s+(?P<t>{tense})" + GLUE_END
    )
    rules["tanggal"] = (
        f"\\b{dayw}\\s+(?P<d>\\d{{1,2}})\\b(?!\\s*[/.:-]\\d)(?:\\s+(?P<mt>{monthw}\\s+{tense})\\b)?"
    )
    qafter = alternation(words(lex, "quantity_after"))
    rng_word = alternation([w for w in lex["range_words"] if w[0].isalpha()])
    dir_words = f"(?P<dir>{tense}|{prev}|{qafter})"
    rules["qty"] = (
        f"(?:{lb}(?P<n>{num})(?:\\s*[-–]\\s*(?P<nr>{num})|\\s+{rng_word}\\s+(?P<nr2>{num}))?\\s+(?P<u>{units})(?P<an>an)?\\b(?:\\s+(?:{listw}\\s+)?(?P<n2>{num})\\s+(?P<u2>{units})\\b)?"
        f"|\\b(?P<se>{se_units})\\b(?!-)|\\b(?P<rd>{redup})\\b|\\b(?P<vq>{vague})\\s+(?P<vu>{units})\\b)"
        f"(?:\\s+{dir_words}\\b)?"
    )
    rules["xdur"] = lb + f"(?P<a>\\d{{1,2}})\\s*[xX×]\\s*(?P<b>\\d{{1,3}})\\s+(?P<u>{units})\\b"
    rules["monthyear"] = (
        f"(?:\\b{monthw}\\s+)?\\b(?P<mon>{mon})\\s*,?\\s*(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)"
    )
    yearpre = alternation(lex["year_words"])
    rules["year"] = (
        f"(?:(?P<pre>{yearpre})\\s+)?" + lb + r"(?P<y>(?:1[5-9]|20)\d{2})"
        f"(?:\\s*(?:{rng}|/)\\s*(?P<y2>(?:1[5-9]|20)\\d{{2}})(?![\\d.,:/]\\d)|(?![\\d.,:/]\\d|-?an\\b))"
        f"(?:\\s*(?P<bc>{era})\\b)?"
    )
    rules["month"] = f"(?:\\b{monthw}\\s+)?\\b(?P<mon>{mon_full})\\b" + rel_suffix
    rules["weekday"] = f"\\b(?P<wd>{wd})\\b" + rel_suffix
    refs = alternation([k for k, v in lex["refs"].items() if v])
    rules["ref"] = f"\\b(?P<w>{refs}){GLUE_END}"
    # vague lengths without a unit: "beberapa saat", "sejenak", "sebentar"
    rules["vdur"] = f"\\b(?P<w>{alternation(words(lex, 'vague_durations'))})\\b"
    # prayer times, with the preposition that places the event: "selepas ashar", "usai salat Jumat", "subuh"
    prep = alternation(words(lex, "part_preps"))
    salat = alternation(lex["prayer_words"])
    rules["prayer"] = (
        f"\\b(?:(?P<pre>{prep})\\s+)?(?:(?P<w>{alternation(words(lex, 'weekly_prayers'))})"
        f"|(?:{salat}\\s+)?(?P<p>{alternation(words(lex, 'prayer_times'))}))\\b"
    )
    # a bare part of day after a preposition: "pada malam", "Pada pagi itu" is rules["prevref"]
    follow = alternation(lex["bare_part_followers"])
    rules["barepart"] = f"(?<![^\\W\\d_])(?P<p>{parts})\\b(?=\\s*[,.;:)]|\\s+{follow}\\b)"
    # a time word glued to the word before ("Prayogakini"); only tried where _triggers found one
    rules["glued"] = alternation(words(lex, "glued_refs"), group="w") + r"\b"
    # ordinal weeks: "pekan kedua Juni 2025", "minggu ketiga bulan ini", "pekan terakhir Agustus"
    ordw = alternation(words(lex, "ordinal_weeks"))
    rules["ordweek"] = (
        f"\\b{weekw}\\s+(?:ke-?\\s*)?(?P<o>{ordw})\\b\\s+(?:(?:{monthw}\\s+)?(?P<mon>{mon_full})\\b"
        f"(?:\\s*,?\\s*(?:{yearw}\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<t>{tense})\\b)?"
        f"|{monthw}\\s+(?P<bt>{tense})\\b)"
    )
    # holidays dated per year from a data table (Imlek, Nyepi, Waisak) or from Easter (Paskah, Jumat Agung)
    yhol = alternation([*words(lex, "holiday_names_by_year"), *words(lex, "easter_holidays")])
    rules["yholiday"] = f"\\b(?P<name>{yhol})\\b" + holiday_tail

    grouped = {name: _g(name, rules[name]) for name in RULES}
    # each rule alone, to read its groups where the combined alternation matched; compiled on first use
    compiled = LazyPatterns({name: grouped[name] for name in RULES})
    dispatch = _dispatch(lex)
    combined = LazyPatterns(
        {key: "|".join(grouped[name] for name in names) for key, names in dispatch.items()}
    )
    mods = alternation([k for k, v in lex["mods_before"].items() if v and k != "±"])
    laws = alternation(lex["law_words"])
    return Patterns(
        lex=lex,
        rules=compiled,
        dispatch=dispatch,
        combined=combined,
        space_table=SPACE_TABLE,
        digit_table=DIGIT_TABLE,
        mod_before=compile_same_line(f"(?:\\b(?P<w>{mods})|(?P<pm>±))\\s*(?:{clockw}\\s+)?$"),
        range_between=compile_same_line(f"\\s*{rng}\\s*"),
        law_before=compile_same_line(
            f"(?:\\b\\d{{1,4}}[a-z]?|/|\\b{laws}(?:\\.?\\s*\\d{{1,4}}[a-z]?)?)\\s*$", re.IGNORECASE
        ),
        future_cue=compile_same_line(r"\b" + alternation(lex["future_cues"]) + r"\b"),
        pub_cue=compile_same_line(r"\b" + alternation(lex["publication_cues"]) + r"\b\W{0,40}$"),
        report_cue=_report_cue(lex),
        month_prep=compile_same_line(f"\\b{alternation(lex['month_preps'])}\\s*$"),
        sentence_break=compile_same_line(r"(?:[.!?](?=\s|$)|\n)", 0),
        # between a header date and its clock time a line break is allowed: it is no expression's span
        stamp_gap=re.compile(f"[\\s,|\\-–]{{0,6}}(?:{clockw}\\s*)?", re.IGNORECASE),
        month_range_after=compile_same_line(
            f"\\s*{rng}\\s*[A-Z][a-z]{{2,9}}\\.?\\s*,?\\s*\\d{{4}}(?!\\d)", 0
        ),
    )
