"""The structure stage's data files (``newsnlp/data/structure/*.json``) in compiled form.

All language and outlet knowledge (boilerplate lines, related-link markers, byline keys, dateline
publishers, credit patterns) lives in those JSON files, read through :mod:`newsnlp.data`; this
module only compiles it, once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..data import load_json
from ..data.outlets import domain_regex, outlet_data, tld_alternation

__all__ = ["Resources", "build_resources", "load_resources", "merge_outlets"]

#: Number of dateline patterns at the end of the list that only apply to a paragraph-like line.
WEAK_DATELINES = 1
#: Number of dateline patterns at the end of the list that name no publisher (a place alone).
PLACE_ONLY_DATELINES = 2

#: Whitespace, including the non-breaking-space entities that scraped Tempo texts may keep.
_W = r"(?:\s|&nbsp;|&#0*160;)"
_SEP = rf"(?:{_W}*(?:-{{1,3}}|–|—|―|−){_W}*)"
_PLACE_WORD = r"[A-Z][A-Za-z.'’()]*(?:-[A-Za-z]+)*"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
_PLACE_UPPER = r"[A-Z][A-Z.'’]{3,}(?:[ -][A-Z][A-Z.'’]{1,}){0,2}"
#: A web domain of an outlet (the one pattern of :mod:`newsnlp.data.outlets`).
_DOMAIN = domain_regex("outlet")


def _full(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\Z", flags)


@dataclass
class Resources:
    """Compiled patterns and tables of the structure stage."""

    boilerplate_full: re.Pattern[str]
    boilerplate_prefix: re.Pattern[str]
    kicker_full: re.Pattern[str]
    related_line: re.Pattern[str]
    related_need_colon: set[str]
    related_inline: re.Pattern[str]
    pagination_full: re.Pattern[str]
    copyright_full: re.Pattern[str]
    byline_key: re.Pattern[str]
    byline_key_anywhere: re.Pattern[str]
    byline_roles: dict[str, str]
    byline_report: re.Pattern[str]
    byline_report_prefix: re.Pattern[str]
    syndication: list[re.Pattern[str]]
    paren_byline: re.Pattern[str]
    paren_byline_inline: re.Pattern[str]
    initials: re.Pattern[str]
    source_link_full: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    credit_prefix: re.Pattern[str]
    credit_glue: re.Pattern[str]
    credit_suffix: re.Pattern[str]
    credit_suffix_strong: re.Pattern[str]
    header_date: re.Pattern[str]
    list_item: re.Pattern[str]
    not_related_start: re.Pattern[str]
    credit_line: re.Pattern[str]
    byline_key_alone: re.Pattern[str]
    byline_nocolon: re.Pattern[str]
    byline_brand: re.Pattern[str]
    tag_line: re.Pattern[str]
    boilerplate_search: re.Pattern[str]
    #: A prompt with a link to a messaging or social channel (``klik link https://t.me/...``).
    promo_link: re.Pattern[str]
    end_marker_inline: re.Pattern[str]
    dateline_patterns: list[re.Pattern[str]]
    dateline_split: re.Pattern[str]
    publisher_in_line: re.Pattern[str]
    #: An outlet, brand or agency named alone (``Kompas``, ``detikNews``, ``ANTARA``, a domain).
    outlet_name: re.Pattern[str]
    publishers: dict[str, str]
    end_paren_role: dict[str, str]
    #: Publisher name of an unknown network outlet (``TRIBUNXYZ.COM`` -> ``Tribun Xyz``).
    prefix_publisher: str
    byline_production: re.Pattern[str] = re.compile(r"(?!)")
    embed_signature: re.Pattern[str] = re.compile(r"(?!)")
    caption_opener_glued: re.Pattern[str] = re.compile(r"(?!)")
    embed_line: re.Pattern[str] = re.compile(r"(?!)")
    shortcode_line: re.Pattern[str] = re.compile(r"(?!)")
    shortcode_caption: re.Pattern[str] = re.compile(r"(?!)")
    copyright_credit: re.Pattern[str] = re.compile(r"(?!)")
    related_pointer: re.Pattern[str] = re.compile(r"(?!)")
    byline_team: re.Pattern[str] = re.compile(r"(?!)")
    #: A sentence introducing a list (``Berikut rinciannya:``): never a heading.
    list_intro_sentence: re.Pattern[str] = re.compile(r"(?!)")
    #: Upper-case codes in parentheses that are no photo credit (``(USD)``, ``(WIB)``).
    credit_not_codes: frozenset[str] = frozenset()
    #: ``detik.com / Name``: a domain, a slash and the author's name.
    domain_slash_name: re.Pattern[str] = re.compile(r"(?!)")
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def publisher_name(self, token: str) -> str | None:
        """Publisher name for a dateline or credit token such as ``TRIBUNJOGJA.COM`` or ``KOMPAS.com``."""
        key = token.strip().lower()
        if key in self.publishers:
            return self.publishers[key]
        base = re.sub(rf"\.(?:{tld_alternation('outlet')})$", "", key)
        if base in self.publishers:
            return self.publishers[base]
        prefix = self.prefix_publisher.lower()
        if base.startswith(prefix) and len(base) > len(prefix) and "." not in base:
            rest = base[len(prefix) :].lstrip("-")
            return f"{self.prefix_publisher} {rest.capitalize()}" if rest else None
        return None


def _build_dateline(
    brands: list[str], not_places: list[str], agencies_list: list[str]
) -> list[re.Pattern[str]]:
    brand = "(?:" + "|".join(re.escape(b) for b in sorted(brands, key=len, reverse=True)) + ")"
    pub = rf"(?:{_DOMAIN}|{brand})"
    agencies = "|".join(re.escape(a) for a in sorted(agencies_list, key=len, reverse=True))
    agency = rf"\(\s*(?:{agencies}|{brand})\s*\)"
    stop = "|".join(re.escape(w) for w in sorted(not_places, key=len, reverse=True)) or "(?!)"
    place_c = rf"{_PLACE}(?:\s*,\s*[A-Z]{{2}}\b)?"
    pats = [
        # TRIBUNJOGJA.COM, YOGYA -   REPUBLIKA.CO.ID,JAKARTA --   Tribunjogja.com Inggris ---
        rf"^(?P<dl>(?P<pub>{pub})(?:{_W}*,{_W}*|{_W}+)(?P<place>{place_c}){_SEP})",
        # TRIBUNJOGJA.COM -   KOMPAS.com -   Liputan6.com -
        rf"^(?P<dl>(?P<pub>{pub}){_SEP})",
        # JAKARTA, KOMPAS.com -   Jakarta, CNN Indonesia --   (comma sometimes lost)
        rf"^(?P<dl>(?P<place>{place_c}){_W}*,?{_W}*(?P<pub>{pub}){_SEP})",
        # Mataram (ANTARA) -   JAKARTA (Pos Kota) -
        rf"^(?P<dl>(?P<place>{place_c}){_W}*(?P<pub>{agency}){_SEP})",
        # Liputan6.com, JakartaKita  (dash lost: the place is glued to the next capitalised word)
        rf"^(?P<dl>(?P<pub>{pub}){_W}*,{_W}*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}?))(?=[A-Z\"“'‘])",
        # JAKARTA -   JAKARTA-Gunung  (Okezone: an upper-case place alone)
        rf"^(?P<dl>(?!(?:{stop})\b)(?P<place>{_PLACE_UPPER}){_SEP})(?=\S)",
        # Jakarta -Kolesterol ...   New York - Presiden ...  (weak: only on a paragraph)
        rf"^(?P<dl>(?P<place>{place_c}){_W}+(?:-{{1,2}}|–|—){_W}*)(?=[A-Z\"“])",
    ]
    return [re.compile(p) for p in pats]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=lambda w: (-len(w), w)))


def _with_outlets(value: Any, outl: dict[str, Any]) -> Any:
    """``value`` with the outlet placeholders of its patterns replaced from ``outl`` (the one outlet
    source, with a user's outlets merged in): ``{domain}`` and ``{web_domain}`` by the one domain
    pattern, ``{outlet_tld}`` by the top-level domains outlets use, ``{brand}`` by the brand names
    and agencies, ``{brand_prefix}`` by the leading words of outlet brands, ``{agency}`` by the
    news agencies (a new dict; the cached data is not modified)."""
    subs = {
        "{domain}": domain_regex("outlet"),
        "{web_domain}": domain_regex("all"),
        "{outlet_tld}": tld_alternation("outlet"),
        "{brand}": _alternation([*outl["brands"], *outl["agencies"]]),
        "{brand_prefix}": _alternation(outl["brand_prefixes"]),
        "{agency}": _alternation(outl["agencies"]),
    }

    def fill(v: Any) -> Any:
        if isinstance(v, str):
            for key, pattern in subs.items():
                if key in v:
                    v = v.replace(key, pattern)
            return v
        if isinstance(v, list):
            return [fill(x) for x in v]
        if isinstance(v, dict):
            return {k: fill(x) for k, x in v.items()}
        return v

    return fill(value)


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Read and compile the shipped data files once (cached)."""
    return build_resources()


def merge_outlets(extra: Any) -> dict[str, Any]:
    """The shipped outlet knowledge with a user's additions merged in.

    ``extra`` is a path to a JSON file, or a dict with any of ``outlets`` (``[{"publisher": ...,
    "ids": [...], "end_paren_role": ...}]``), ``brands`` and ``agencies`` (lists of names), or a
    list of outlet dicts. Added outlets come first, so a user's publisher name wins for an id
    the shipped data also knows."""
    if isinstance(extra, (str, Path)):
        extra = json.loads(Path(extra).read_text(encoding="utf-8"))
    if isinstance(extra, list):
        extra = {"outlets": extra}
    if not isinstance(extra, dict):
        raise TypeError(
            f"outlets must be a path, a dict or a list of outlet dicts, not {type(extra).__name__}"
        )
    unknown = set(extra) - {"outlets", "brands", "agencies"}
    if unknown:
        raise KeyError(f"unknown outlet keys {sorted(unknown)} (known: outlets, brands, agencies)")
    base = outlet_data()
    merged = dict(base)
    for o in extra.get("outlets", []):
        if not isinstance(o, dict) or not o.get("publisher") or not isinstance(o.get("ids"), list):
            raise ValueError(f"an outlet needs 'publisher' and a list of 'ids': {o!r}")
    merged["outlets"] = list(extra.get("outlets", [])) + list(base["outlets"])
    merged["brands"] = list(dict.fromkeys([*base["brands"], *extra.get("brands", [])]))
    merged["agencies"] = list(dict.fromkeys([*base["agencies"], *extra.get("agencies", [])]))
    return merged


def build_resources(outlets: dict[str, Any] | None = None) -> Resources:
    """Compile the data files, with ``outlets`` (from :func:`merge_outlets`) instead of the
    shipped outlet knowledge when given."""
    outl = outlets if outlets is not None else outlet_data()
    pat = _with_outlets(load_json("structure", "patterns.json"), outl)
    marker = pat["related_marker"]
    need_colon = {re.sub(r"\s+", "", m).lower() for m in pat["related_marker_requires_colon"]}
    related_line = re.compile(rf"^\(?\s*(?P<m>{marker})(?P<sep>\s*[:：\-–—»>|]|\s*\Z|(?=[A-Z0-9\"“'‘]))")
    related_inline = re.compile(
        r"(?<=[.!?\"”’)])\s*(?P<rel>(?:Pilihan\s*[Ee]ditor|PILIHAN\s*EDITOR|Baca\s*[Jj]uga|BACA\s*JUGA|Baca|BACA|Lihat\s*[Jj]uga|Berita\s*[Tt]erkait)\s*[:：].*)\Z"
    )
    roles = dict(pat["byline_keys"])
    # keys are also met in lower case, with a space before the colon (``penulis : Budi``)
    roles.update({k.lower(): v for k, v in pat["byline_keys"].items() if k.lower() not in roles})
    keys = sorted(roles, key=len, reverse=True)
    key_alt = "|".join(re.escape(k) for k in keys if k != "Laporan")
    byline_key = re.compile(rf"^[(|•·]?\s*(?P<key>{key_alt})\s*[:：]\s*(?=\S)")
    byline_key_anywhere = re.compile(rf"(?P<key>{key_alt})\s*[:：]\s*")
    brands = list(outl["brands"])
    publishers: dict[str, str] = {}
    end_role: dict[str, str] = {}
    for o in outl["outlets"]:
        for i in o["ids"]:
            publishers.setdefault(i.lower(), o["publisher"])
            if o.get("end_paren_role"):
                end_role[o["publisher"]] = o["end_paren_role"]
    brand = "(?:" + "|".join(re.escape(b) for b in sorted(brands, key=len, reverse=True)) + ")"
    dateline_split = re.compile(
        rf"^(?P<dl>(?:{_PLACE})(?:\s*,\s*(?:{_DOMAIN}|{brand}))?(?:{_SEP})?|(?:{_DOMAIN}|{brand})(?:{_SEP})?|(?:-{{1,3}}|–|—))\Z"
    )
    return Resources(
        boilerplate_full=_full(pat["boilerplate_full"]),
        # a prompt may stand in parentheses: ``(Ikuti berita ... di Google News)``
        boilerplate_prefix=re.compile(r"[(\[]?\s*(?:" + "|".join(pat["boilerplate_prefix"]) + ")"),
        kicker_full=_full(pat["kicker_full"]),
        related_line=related_line,
        related_need_colon=need_colon,
        related_inline=related_inline,
        pagination_full=_full(pat["pagination_full"]),
        copyright_full=_full(pat["copyright_full"]),
        byline_key=byline_key,
        byline_key_anywhere=byline_key_anywhere,
        byline_roles=roles,
        byline_report=re.compile(pat["byline_report"]),
        byline_report_prefix=re.compile(pat["byline_report_prefix"]),
        syndication=[re.compile(p) for p in pat["syndication"]],
        paren_byline=re.compile(pat["paren_byline"]),
        paren_byline_inline=re.compile(pat["paren_byline_inline"]),
        initials=re.compile(pat["initials_not_names"]),
        source_link_full=re.compile(pat["source_link_full"] + r"\Z", re.I),
        caption_prefix=re.compile(pat["caption_prefix"]),
        credit_prefix=re.compile(pat["credit_prefix"]),
        credit_glue=re.compile(pat["credit_glue"]),
        credit_suffix=re.compile(pat["credit_suffix"]),
        credit_suffix_strong=re.compile(pat["credit_suffix_strong"]),
        header_date=re.compile(pat["header_date"]),
        list_item=re.compile(pat["list_item"]),
        not_related_start=re.compile(pat["not_related_start"]),
        credit_line=re.compile(pat["credit_line"]),
        byline_key_alone=re.compile(pat["byline_key_alone"]),
        byline_nocolon=re.compile(pat["byline_nocolon"]),
        byline_brand=re.compile(pat["byline_brand"]),
        tag_line=re.compile(pat["tag_line"]),
        boilerplate_search=re.compile(pat["boilerplate_search"]),
        promo_link=re.compile(pat["promo_link"]),
        end_marker_inline=re.compile(pat["end_marker_inline"]),
        dateline_patterns=_build_dateline(brands, pat["dateline_not_places"], outl["agencies"]),
        publisher_in_line=re.compile(rf"(?:{_DOMAIN}|{brand})"),
        outlet_name=re.compile(rf"(?:{_DOMAIN}|{brand}|(?i:{_alternation(outl['brand_prefixes'])})\w*)"),
        dateline_split=dateline_split,
        publishers=publishers,
        end_paren_role=end_role,
        prefix_publisher=outl["prefix_publisher"],
        byline_production=re.compile(pat.get("byline_production", "(?!)")),
        embed_signature=re.compile(pat.get("embed_signature", "(?!)")),
        caption_opener_glued=re.compile(pat.get("caption_opener_glued", "(?!)")),
        embed_line=re.compile(pat.get("embed_line", "(?!)")),
        shortcode_line=re.compile(pat["shortcode_line"]),
        shortcode_caption=re.compile(pat["shortcode_caption"]),
        copyright_credit=re.compile(pat["copyright_credit"]),
        related_pointer=re.compile(pat["related_pointer"]),
        byline_team=re.compile(pat["byline_team"]),
        list_intro_sentence=re.compile(pat["list_intro_sentence"]),
        credit_not_codes=frozenset(pat["credit_not_codes"]),
        domain_slash_name=re.compile(rf"^{_DOMAIN}\s*/\s*(.+)$"),
        raw={"patterns": pat, "outlets": outl},
    )
