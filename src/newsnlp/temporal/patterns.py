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

from .lexicon import alternation, load_lexicon

__all__ = ["RULES", "Patterns", "get_patterns"]

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
    month_prep: re.Pattern
    sentence_break: re.Pattern
    stamp_gap: re.Pattern


class LazyPatterns(dict):
    """``key -> compiled pattern``, each compiled (case-insensitive) on its first lookup: most of
    the per-start-token alternations and single rules are rare, and compiling all of them would
    cost a quarter of a second of every ``Pipeline()``."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, key: str) -> re.Pattern:
        pattern = re.compile(self.sources[key], re.IGNORECASE)
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


def _dispatch(lex: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Map a start token (lower-case; ``"0"`` for any digit run) to the rules that may match there."""
    wd = [w for w in lex["weekdays"] if w not in set(lex["english_weekday_abbrev"])]
    months = list(lex["months"])
    numwords = [
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "enam",
        "tujuh",
        "delapan",
        "sembilan",
        "sepuluh",
        "sebelas",
        "seratus",
        "seribu",
        "setengah",
    ]
    starts: dict[str, list[str]] = {
        "iso": [DIGIT],
        "datenum": [*wd, "(", DIGIT],
        "hijri": [DIGIT],
        "datetext": [*wd, DIGIT],
        "engdate": [*wd, *lex["english_month_first"]],
        "decade": ["tahun", "era", "dekade", "medio", DIGIT],
        "century": ["abad"],
        "quarter": ["kuartal", "triwulan", "kwartal", "caturwulan", "q"],
        "half": ["semester", "paruh", "paro"],
        "clock": ["pukul", "pkl", "jam"],
        "clockz": [DIGIT],
        "islamic": list(lex["islamic_holidays"]),
        "anniv": list(lex["anniversary_words"]),
        "holiday": list(lex["holidays_fixed"]),
        "yholiday": [*lex["holiday_names_by_year"], *lex["easter_holidays"]],
        "ordweek": ["pekan", "minggu"],
        "barepart": ["pagi", "siang", "sore", "malam", "petang"],
        "glued": [GLUED],
        "season": list(lex["seasons"]),
        "weekend": ["akhir"],
        "periodmod": ["awal", "akhir", "pertengahan", "penghujung", "pengujung", "medio"],
        "partday": ["pagi", "siang", "sore", "malam", "petang", "dini"],
        "setx": [*lex["set_words"], "per"],
        "timesx": [DIGIT, *numwords, "beberapa"],
        "prevref": [*lex["same_refs"], *lex["next_day_refs"], *lex["previous_parts"]],
        "deictic": list(lex["deictic_parts"]),
        "relday": list(lex["relative_days"]),
        "unitrel": ["pekan", "minggu", "bulan", "tahun", "dekade", "abad"],
        "tanggal": ["tanggal", "tgl"],
        "xdur": [DIGIT],
        "qty": [DIGIT, *numwords, *lex["se_units"], *lex["reduplicated_units"], *lex["vague_quantities"]],
        "monthyear": ["bulan", *months],
        "year": ["tahun", "thn", "ta", "era", "periode", DIGIT],
        "month": ["bulan", *months],
        "weekday": wd,
        "ref": [k for k, v in lex["refs"].items() if v],
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
    """Build (once) and return the compiled patterns."""
    lex = load_lexicon()
    eng_abbrev = set(lex["english_weekday_abbrev"])
    wd = alternation([w for w in lex["weekdays"] if w not in eng_abbrev])
    month_keys = list(lex["months"])
    abbrev = [
        m for m in month_keys if len(m) <= 4 and m not in ("mei", "juni", "juli", "june", "july", "may")
    ]
    full = [m for m in month_keys if m not in abbrev]
    mon = f"(?:{alternation(full)}|{alternation(abbrev)}(?:\\.(?=\\s*\\d))?)"
    mon_full = alternation([m for m in full if m not in ("may", "march")])
    eng_mon = f"(?:{alternation(lex['english_month_first'])}\\.?)"
    parts = alternation(lex["parts_of_day"])
    zones = alternation(lex["zones"])
    unitw = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
    numword = (
        f"(?:(?:{unitw})\\s+(?:puluh|ratus|ribu)(?:\\s+(?:(?:{unitw})\\s+belas|sebelas|sepuluh|{unitw}))?"
        f"|(?:{unitw})\\s+belas|satu\\s+setengah|sepuluh|sebelas|seratus|seribu|setengah|{unitw})"
    )
    numdig = r"(?:\d{1,3}(?:\.\d{3})+(?![\d.])|\d{1,5}(?:,\d{1,2})?(?![\d,.]\d))"
    num = f"(?:{numdig}|{numword})"
    units = alternation(lex["units"])
    se_units = alternation([k for k, v in lex["se_units"].items() if v])
    redup = alternation(lex["reduplicated_units"])
    vague = alternation(lex["vague_quantities"])
    hijri_m = alternation(lex["hijri_months"])
    hsuf = r"(?:H\b|Hijriah\b|Hijriyah\b|AH\b)"
    rng = r"(?:-|–|—|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d)"
    rel_suffix = (
        r"(?:\s+(?P<rel>tahun\s+(?:ini|lalu|depan|kemarin|mendatang))"
        r"|\s+(?P<tense>yang\s+lalu|lalu|silam|kemarin|mendatang|yang\s+akan\s+datang|depan|nanti|ini)\b)?"
        f"(?:\\s+(?P<part>{parts})\\b(?:\\s+(?:WIB|WITA|WIT)\\b)?)?"
    )
    lb = r"(?<![\w/.,:-])"

    rules: dict[str, str] = {}
    rules["iso"] = lb + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2}))?(?![\d-])"
    # Numeric dates, day first: "Minggu (2/8/2020)", "Senin, (9/6/2025)", "Selasa (10/06)", "02/07/2025".
    rules["datenum"] = (
        f"(?:(?P<wd>{wd})(?:\\s+(?P<wpart>pagi|siang|sore|malam|petang|dini\\s+hari)(?=\\s*\\())?\\s*,?\\s*)?"
        r"(?:\(\s*(?P<d>\d{1,2})(?:\s*-\s*(?P<d2>\d{1,2}))?\s*[/.]\s*(?P<m>\d{1,2})(?:\s*[/.]\s*(?P<y>\d{1,4}))?\s*(?:\)|(?<=\d{4})(?=[^\W\d_]|[ \t]{0,3}(?:\n|$)))"
        r"|(?<![\d/.,])(?P<bd>\d{1,2})(?P<sep>[/.-])(?P<bm>\d{1,2})(?P=sep)(?P<by>\d{4}|\d{2})(?![\d/]|[.-]\d))"
        + rel_suffix
    )
    rules["hijri"] = lb + f"(?P<d>\\d{{1,2}})\\s+(?P<hm>{hijri_m})\\s+(?P<hy>1\\d{{3}})(?:\\s*{hsuf})?"
    rules["datetext"] = (
        f"(?:(?P<wd>{wd})\\s*,?\\s*(?P<open>\\(\\s*)?)?"
        + lb
        + f"(?P<d>\\d{{1,2}})(?:\\s*{rng}\\s*(?P<d2>\\d{{1,2}})(?:\\s+(?P<m1>{mon}))?)?\\s*(?P<mon>{mon})"
        r"(?:\s*,?\s*(?:tahun\s+)?(?P<y>\d{4})(?!\d))?(?(open)\s*\))" + rel_suffix
    )
    rules["engdate"] = (
        f"(?:(?P<wd>{wd}),?\\s+)?(?P<mon>{eng_mon})\\s+(?P<d>\\d{{1,2}}),?\\s+(?P<y>\\d{{4}})(?!\\d)"
    )
    rules["decade"] = r"(?:(?P<pre>tahun|era|dekade|medio)\s+)?" + lb + r"(?P<y>\d{4}|\d{2})-?an\b"
    rules["century"] = (
        r"\babad\s+(?:ke-?\s*)?(?P<n>\d{1,2}|[IVXL]{1,6}\b|(?:ke)?(?:sembilan|delapan|tujuh)\s+belas|(?:ke)?dua\s+puluh(?:\s+satu)?)(?:\s*(?P<bc>SM|Masehi|M)\b)?"
    )
    ordinals = alternation(lex["ordinals"])
    rules["quarter"] = (
        r"\b(?:(?:kuartal|triwulan|kwartal|caturwulan)\s*(?:ke-?\s*)?(?P<q>"
        + ordinals
        + r")\b|(?P<qq>Q[1-4])\b)"
        r"(?:\s*[-/]?\s*(?:tahun\s+)?(?P<y>\d{4})(?!\d)|\s+(?P<t>ini|lalu|depan|sebelumnya))?"
        + r"|\b(?:kuartal|triwulan)\s+(?P<t2>ini|lalu|depan|sebelumnya|mendatang)\b"
    )
    rules["half"] = (
        r"\b(?:semester|paruh|paro)\s*(?:ke-?\s*)?(?P<h>I{1,2}\b|[12]\b|pertama|kedua)"
        r"(?:\s*[-/]?\s*(?:tahun\s+)?(?P<y>\d{4})(?!\d)|\s+(?P<t>tahun\s+(?:ini|lalu|depan)|ini|lalu))?"
    )
    clock_tail = (
        f"(?:\\s*(?P<z0>{zones})\\b(?=\\s*{rng}\\s*(?:pukul\\s*)?\\d))?"
        f"(?:\\s*{rng}\\s*(?:pukul\\s*)?(?P<h2>\\d{{1,2}})(?:[.:](?P<mi2>\\d{{2}}))?)?"
        f"(?:\\s*(?P<z>{zones})\\b(?:\\s*[+]\\s*\\d{{1,2}})?)?(?:\\s+(?P<part>{parts})\\b(?:\\s*(?P<z2>{zones})\\b)?)?"
        r"(?!\s*menit|[\d.,:/]\d)"
    )
    rules["clock"] = (
        r"\b(?P<pre>pukul|pkl\.?|jam)\s*(?P<h>\d{1,2})(?:[.:](?P<mi>\d{2}))?(?:[.:]\d{2})?(?![\d.,:/]\d)"
        + clock_tail
    )
    rules["clockz"] = (
        lb + r"(?P<h>\d{1,2})[.:](?P<mi>\d{2})(?:[.:]\d{2})?"
        f"(?:\\s*(?P<z0>{zones})\\b(?=\\s*{rng}\\s*\\d))?"
        f"(?:\\s*{rng}\\s*(?P<h2>\\d{{1,2}})[.:](?P<mi2>\\d{{2}}))?\\s*(?P<z>{zones})\\b"
    )
    islamic = alternation(lex["islamic_holidays"])
    rules["islamic"] = (
        f"\\b(?P<name>{islamic})\\b(?:\\s+(?:tahun\\s+)?(?P<y>\\d{{4}})(?!\\d)(?:\\s*(?P<h>{hsuf}|M\\b|Masehi\\b))?|\\s+(?P<ht>lalu|kemarin|mendatang|nanti|yang\\s+lalu|tahun\\s+(?:ini|lalu|depan))\\b)?"
    )
    anniv = alternation(lex["anniversaries"])
    aw = alternation(lex["anniversary_words"])
    rules["anniv"] = (
        f"\\b{aw}\\s+(?:ke-?\\s*(?P<n1>\\d{{1,4}})\\s+)?(?P<who>{anniv})\\b(?:\\s+ke-?\\s*(?P<n2>\\d{{1,4}}))?"
    )
    holidays = alternation(lex["holidays_fixed"])
    rules["holiday"] = (
        f"\\b(?P<name>{holidays})\\b(?:\\s+(?:tahun\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<ht>lalu|kemarin|mendatang|nanti|yang\\s+lalu|tahun\\s+(?:ini|lalu|depan))\\b)?"
    )
    seasons = alternation(lex["seasons"])
    rules["season"] = (
        f"\\b(?P<name>{seasons})\\b(?:\\s+(?:tahun\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<t>tahun\\s+(?:ini|lalu|depan)|ini|lalu|mendatang))?"
    )
    rules["weekend"] = (
        r"\bakhir\s+(?:pekan|minggu)\b(?:\s+(?P<t>ini|lalu|kemarin|depan|mendatang|nanti|sebelumnya|berikutnya))?"
    )
    rules["periodmod"] = (
        r"\b(?P<m>awal|akhir|pertengahan|penghujung|pengujung|medio)\s+(?P<u>tahun|bulan|pekan)\b"
        r"(?!\s+(?:ini|lalu|depan|kemarin|mendatang|itu|tersebut|yang|ke|\d|[^\W\d_]+an\b|baru|buku|pertama|kedua))"
    )
    rules["partday"] = r"\b(?P<p>pagi|siang|sore|malam|petang|dini)\s+hari\b"
    setw = alternation(lex["set_words"])
    rules["setx"] = (
        f"\\b{setw}\\s+(?:(?P<n>{num})\\s+(?P<u>{units})\\b|hari\\s+(?P<hwd>{wd})\\b|(?P<wd>{wd})\\b(?:\\s+(?P<wpart>{parts})\\b)?"
        f"|(?P<part>{parts})\\b|tanggal\\s+(?P<td>\\d{{1,2}})\\b|(?P<dd>\\d{{1,2}})\\s+(?P<dmon>{mon})\\b|(?P<u1>{units})(?:nya)?\\b)"
        f"|\\bper\\s+(?P<pu>hari|pekan|minggu|bulan|tahun|jam|menit|detik|kuartal|semester|triwulan)\\b"
    )
    rules["timesx"] = (
        f"\\b(?P<n>{num}|beberapa)\\s+kali\\s+(?:dalam\\s+)?(?:(?P<se>{se_units})|se(?P<u>{units}))\\b"
    )
    prev_keys = list(lex["same_refs"]) + list(lex["next_day_refs"]) + list(lex["previous_parts"])
    rules["prevref"] = f"\\b(?P<w>{alternation(prev_keys)})\\b"
    deictic = alternation(lex["deictic_parts"])
    rules["deictic"] = f"\\b(?P<w>{deictic})\\b"
    reldays = alternation(lex["relative_days"])
    rules["relday"] = f"\\b(?P<w>{reldays}){GLUE_END}(?:\\s+(?P<part>{parts})\\b)?"
    rules["unitrel"] = (
        r"\b(?P<u>pekan|minggu|bulan|tahun|dekade|abad)\s+"
        r"(?P<t>ini|lalu|yang\s+lalu|kemarin|depan|mendatang|yang\s+akan\s+datang|silam)" + GLUE_END
    )
    rules["tanggal"] = (
        r"\b(?:tanggal|tgl\.?)\s+(?P<d>\d{1,2})\b(?!\s*[/.:-]\d)(?:\s+(?P<mt>bulan\s+(?:ini|lalu|depan)))?"
    )
    dir_words = (
        r"(?P<dir>yang\s+lalu|yang\s+silam|lalu|silam|sebelumnya|kemudian|setelahnya|sesudahnya|berikutnya|"
        r"lagi|mendatang|yang\s+akan\s+datang|ke\s*depan|terakhir|belakangan(?:\s+ini)?|pertama|ini)"
    )
    rules["qty"] = (
        f"(?:{lb}(?P<n>{num})(?:\\s*[-–]\\s*(?P<nr>{num})|\\s+(?:hingga|sampai)\\s+(?P<nr2>{num}))?\\s+(?P<u>{units})\\b(?:\\s+(?:dan\\s+)?(?P<n2>{num})\\s+(?P<u2>{units})\\b)?"
        f"|\\b(?P<se>{se_units})\\b(?!-)|\\b(?P<rd>{redup})\\b|\\b(?P<vq>{vague})\\s+(?P<vu>{units})\\b)"
        f"(?:\\s+{dir_words}\\b)?"
    )
    rules["xdur"] = lb + f"(?P<a>\\d{{1,2}})\\s*[xX×]\\s*(?P<b>\\d{{1,3}})\\s+(?P<u>{units})\\b"
    rules["monthyear"] = f"(?:\\bbulan\\s+)?\\b(?P<mon>{mon})\\s*,?\\s*(?:tahun\\s+)?(?P<y>\\d{{4}})(?!\\d)"
    rules["year"] = (
        r"(?:(?P<pre>tahun|thn\.?|TA|era)\s+)?" + lb + r"(?P<y>(?:1[5-9]|20)\d{2})"
        f"(?:\\s*(?:{rng}|/)\\s*(?P<y2>(?:1[5-9]|20)\\d{{2}})(?![\\d.,:/]\\d)|(?![\\d.,:/]\\d|-?an\\b))"
        r"(?:\s*(?P<bc>SM|Masehi|M)\b)?"
    )
    rules["month"] = f"(?:\\bbulan\\s+)?\\b(?P<mon>{mon_full})\\b" + rel_suffix
    rules["weekday"] = f"\\b(?P<wd>{wd})\\b" + rel_suffix
    refs = alternation([k for k, v in lex["refs"].items() if v])
    rules["ref"] = f"\\b(?P<w>{refs}){GLUE_END}"
    # a bare part of day after a preposition: "pada malam", "Pada pagi itu" is rules["prevref"]
    follow = alternation(lex["bare_part_followers"])
    rules["barepart"] = (
        f"(?<![^\\W\\d_])(?P<p>pagi|siang|sore|malam|petang)\\b(?=\\s*[,.;:)]|\\s+{follow}\\b)"
    )
    # a time word glued to the word before ("Prayogakini"); only tried where _triggers found one
    rules["glued"] = alternation(lex["glued_refs"], group="w") + r"\b"
    # ordinal weeks: "pekan kedua Juni 2025", "minggu ketiga bulan ini", "pekan terakhir Agustus"
    ordw = alternation(lex["ordinal_weeks"])
    rules["ordweek"] = (
        f"\\b(?:pekan|minggu)\\s+(?:ke-?\\s*)?(?P<o>{ordw})\\b\\s+(?:(?:bulan\\s+)?(?P<mon>{mon_full})\\b"
        r"(?:\s*,?\s*(?:tahun\s+)?(?P<y>\d{4})(?!\d)|\s+(?P<t>lalu|depan|mendatang|ini|nanti))?"
        r"|bulan\s+(?P<bt>ini|lalu|depan|mendatang))"
    )
    # holidays dated per year from a data table (Imlek, Nyepi, Waisak) or from Easter (Paskah, Jumat Agung)
    yhol = alternation([*lex["holiday_names_by_year"], *lex["easter_holidays"]])
    rules["yholiday"] = (
        f"\\b(?P<name>{yhol})\\b(?:\\s+(?:tahun\\s+)?(?P<y>\\d{{4}})(?!\\d)|\\s+(?P<ht>lalu|kemarin|mendatang|nanti|yang\\s+lalu|tahun\\s+(?:ini|lalu|depan))\\b)?"
    )

    grouped = {name: _g(name, rules[name]) for name in RULES}
    # each rule alone, to read its groups where the combined alternation matched; compiled on first use
    compiled = LazyPatterns({name: grouped[name] for name in RULES})
    dispatch = _dispatch(lex)
    combined = LazyPatterns(
        {key: "|".join(grouped[name] for name in names) for key, names in dispatch.items()}
    )
    mods = alternation([k for k, v in lex["mods_before"].items() if v and k != "±"])
    return Patterns(
        lex=lex,
        rules=compiled,
        dispatch=dispatch,
        combined=combined,
        space_table=SPACE_TABLE,
        digit_table=DIGIT_TABLE,
        mod_before=re.compile(f"(?:\\b(?P<w>{mods})|(?P<pm>±))\\s*(?:pukul\\s+)?$", re.IGNORECASE),
        range_between=re.compile(
            r"\s*(?:-|–|—|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d)\s*", re.IGNORECASE
        ),
        law_before=re.compile(
            r"(?:\b(?:no|nomor|nomer)\.?\s*\d{1,4}[a-z]?|\b\d{1,4}[a-z]?|/|\b(?:UU|PP|Perpres|Perppu|Permen\w*|Perda|Keppres|Inpres|POJK|Perkap\w*))\s*$",
            re.IGNORECASE,
        ),
        future_cue=re.compile(r"\b" + alternation(lex["future_cues"]) + r"\b", re.IGNORECASE),
        pub_cue=re.compile(r"\b" + alternation(lex["publication_cues"]) + r"\b\W{0,40}$", re.IGNORECASE),
        month_prep=re.compile(
            r"\b(?:pada|sejak|hingga|sampai|awal|akhir|pertengahan|medio|jelang|menjelang|per|dari|selama|"
            r"sepanjang|sebelum|setelah|usai|pasca|bulan|mulai|antara|penghujung|periode|di|ke)\s*$",
            re.IGNORECASE,
        ),
        sentence_break=re.compile(r"(?:[.!?](?=\s|$)|\n)"),
        stamp_gap=re.compile(r"[\s,|\-–]{0,6}(?:pukul\s*)?", re.IGNORECASE),
    )
