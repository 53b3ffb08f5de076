"""Record snapshot: a hash of the whole record (``Article.to_json()`` without its provenance) per
input, to prove that a refactor changes no output.

Take a snapshot before the change, then compare after it::

    python scripts/record_snapshot.py --out /tmp/before.json                 # at the old commit
    python scripts/record_snapshot.py --compare /tmp/before.json             # after the change

``--compare`` re-runs the stages and input sets recorded in the baseline and exits 1 when any
record differs (or is missing); with ``--dump`` on both runs it also names the first layers that
differ. Choose what to run::

    --sets news-dev,seed,pages          input sets (default: every set whose data is present)
    --stages text,entities              the pipeline's stages (default: the default pipeline)
    --limit 200                         at most this many items per set
    --jsonl my.jsonl                    any JSON Lines file with "text" (and optional "id",
                                        "published", "url", "html") as an extra set
    --batch 64                          run through Pipeline.pipe in batches instead of one by one
    --config '{"text": {"stem": false}}'  options per stage (Pipeline(config=...)), as JSON
    --dump /tmp/before.jsonl.gz         also write every full record (JSON Lines, gzipped if .gz)

Input sets (``../shared/data`` is read relative to the repository root; sets whose files are
missing are skipped, and say so):

* ``news-dev``: the 391 development articles, text only (``published`` inferred);
* ``news-raw``: the 7,143 raw articles (use ``--limit``);
* ``seed``: the seed example, without ``published`` and with ``published="2020-08-03"``;
* ``pages``: the HTML test pages of ``tests/structure/pages`` (``html=True``);
* ``html-id``: the five saved detik.com pages, given as bytes (``html=True``).

A record that raises is recorded as ``error: <type>: <message>``, so errors are compared too.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "tribunjogja_microsoft_tiktok.txt"
if not SEED.is_file():
    SEED = ROOT / "examples" / "tribunjogja_microsoft_tiktok.txt"
PAGES = ROOT / "tests" / "structure" / "pages"

Item = tuple[str, dict[str, Any]]  # (record id, keyword arguments of Pipeline.__call__)


def _jsonl(path: Path, prefix: str, limit: int | None) -> Iterator[Item]:
    with path.open(encoding="utf-8") as fh:
        n = 0
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            row = json.loads(line)
            kwargs = {"text": row["text"]}
            for key in ("published", "url", "html"):
                if row.get(key) is not None:
                    kwargs[key] = row[key]
            yield f"{prefix}/{row.get('id', i)}", kwargs
            n += 1
            if limit is not None and n >= limit:
                return


def _news(name: str):
    def items(limit: int | None) -> Iterator[Item]:
        path = SHARED / "data" / name / "articles.jsonl"
        for rid, kwargs in _jsonl(path, name, limit):
            yield rid, {"text": kwargs["text"]}  # as a user passes scraped text: no metadata

    return items, SHARED / "data" / name / "articles.jsonl"


def _seed(limit: int | None) -> Iterator[Item]:
    text = SEED.read_text(encoding="utf-8")
    yield "seed/plain", {"text": text}
    yield "seed/published", {"text": text, "published": "2020-08-03"}


def _pages(limit: int | None) -> Iterator[Item]:
    for k, path in enumerate(sorted(PAGES.glob("*.html"))):
        if limit is not None and k >= limit:
            return
        yield f"pages/{path.name}", {"text": path.read_text(encoding="utf-8"), "html": True}


def _html_id(limit: int | None) -> Iterator[Item]:
    for k, path in enumerate(sorted((SHARED / "data" / "html-id").glob("*.html.gz"))):
        if limit is not None and k >= limit:
            return
        yield f"html-id/{path.name}", {"text": gzip.decompress(path.read_bytes()), "html": True}


#: name -> (items(limit), a path that must exist for the set to run)
SETS: dict[str, tuple[Any, Path]] = {
    "news-dev": _news("news-dev"),
    "news-raw": _news("news-raw"),
    "seed": (_seed, SEED),
    "pages": (_pages, PAGES),
    "html-id": (_html_id, SHARED / "data" / "html-id"),
}
DEFAULT_SETS = ("news-dev", "seed", "pages", "html-id")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
        )
    except OSError:
        return None
    return out.stdout.strip() or None


def run(
    sets: list[str],
    stages: list[str] | None,
    limit: int | None,
    jsonl: list[Path],
    batch: int | None,
    dump: Path | None,
    config: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run the pipeline over the input sets; return the snapshot (hash per record id)."""
    from newsnlp import Pipeline

    nlp = Pipeline(config=config) if stages is None else Pipeline(stages=stages, config=config)
    todo: list[tuple[str, Iterator[Item]]] = []
    ran_sets: list[str] = []
    for name in sets:
        items, needed = SETS[name]
        if not needed.exists():
            print(f"record_snapshot: set {name!r} skipped ({needed} not found)", file=sys.stderr)
            continue
        todo.append((name, items(limit)))
        ran_sets.append(name)
    for path in jsonl:
        todo.append((str(path), _jsonl(path, path.stem, limit)))
        ran_sets.append(f"jsonl:{path}")
    records: dict[str, str] = {}
    out = None
    if dump is not None:
        out = (
            gzip.open(dump, "wt", encoding="utf-8")
            if dump.suffix == ".gz"
            else dump.open("w", encoding="utf-8")
        )
    t0 = time.perf_counter()
    try:
        for _, items in todo:
            for rid, serialised in _records(nlp, items, batch):
                if rid in records:
                    raise SystemExit(f"record_snapshot: duplicate record id {rid!r}")
                records[rid] = _digest(serialised)
                if out is not None:
                    out.write(json.dumps({"id": rid, "record": serialised}, ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return {
        "commit": _commit(),
        "stages": list(nlp.stage_names),
        "requested_stages": stages,
        "sets": ran_sets,
        "limit": limit,
        "batch": batch,
        "config": config,
        "seconds": round(time.perf_counter() - t0, 1),
        "records": records,
    }


def _annotations(art) -> str:
    """The record's JSON without its provenance (versions and data hashes say what made the
    record, not what it holds: a snapshot compares what it holds)."""
    import json

    data = art.to_dict()
    data.pop("provenance", None)
    return json.dumps(data, ensure_ascii=False)


def _records(nlp, items: Iterator[Item], batch: int | None) -> Iterator[tuple[str, str]]:
    from newsnlp.errors import NewsNLPError

    if batch:
        pending = list(items)
        for k in range(0, len(pending), batch):
            chunk = pending[k : k + batch]
            try:
                arts = list(nlp.pipe([kw for _, kw in chunk], batch_size=batch))
            except NewsNLPError:  # fall back to one by one to record the failing item
                yield from _records(nlp, iter(chunk), None)
                continue
            for (rid, _), art in zip(chunk, arts):
                yield rid, _annotations(art)
        return
    for rid, kwargs in items:
        try:
            yield rid, _annotations(nlp(**kwargs))
        except NewsNLPError as err:
            yield rid, f"error: {type(err).__name__}: {err}"


def _load_dump(path: Path) -> dict[str, str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return {row["id"]: row["record"] for row in map(json.loads, fh)}


def _first_differences(before: str, after: str, limit: int = 3) -> list[str]:
    """Names of the top-level layers (and metadata keys) that differ between two records."""
    try:
        a, b = json.loads(before), json.loads(after)
    except ValueError:
        return [f"{before[:80]!r} -> {after[:80]!r}"]
    out = []
    for key in dict.fromkeys([*a, *b]):
        if a.get(key) == b.get(key):
            continue
        if isinstance(a.get(key), list) and isinstance(b.get(key), list):
            la, lb = a[key], b[key]
            k = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
            x = la[k] if k < len(la) else None
            y = lb[k] if k < len(lb) else None
            out.append(f"{key}[{k}] ({len(la)} -> {len(lb)} items): {x} -> {y}")
        elif isinstance(a.get(key), dict) and isinstance(b.get(key), dict):
            keys = [k for k in dict.fromkeys([*a[key], *b[key]]) if a[key].get(k) != b[key].get(k)]
            out.append(f"{key}: " + ", ".join(f"{k} {a[key].get(k)!r} -> {b[key].get(k)!r}" for k in keys))
        else:
            out.append(f"{key}: {str(a.get(key))[:80]!r} -> {str(b.get(key))[:80]!r}")
        if len(out) >= limit:
            break
    return out


def compare(baseline: dict[str, Any], current: dict[str, Any], dumps: tuple[Path, Path] | None) -> int:
    """Print the comparison; return the number of records that differ or are missing."""
    old, new = baseline["records"], current["records"]
    same = [k for k in old if new.get(k) == old[k]]
    changed = [k for k in old if k in new and new[k] != old[k]]
    missing = [k for k in old if k not in new]
    added = [k for k in new if k not in old]
    print(
        f"record_snapshot: {len(same)}/{len(old)} records byte-identical to the baseline "
        f"(baseline {baseline.get('commit')}, now {current.get('commit')}; stages {current['stages']})"
    )
    if changed:
        print(f"  {len(changed)} changed: {', '.join(changed[:20])}{' ...' if len(changed) > 20 else ''}")
    if missing:
        print(f"  {len(missing)} missing now: {', '.join(missing[:20])}")
    if added:
        print(f"  {len(added)} new (not in the baseline): {', '.join(added[:20])}")
    if changed and dumps is not None and all(p.is_file() for p in dumps):
        before, after = _load_dump(dumps[0]), _load_dump(dumps[1])
        for rid in changed[:10]:
            if rid in before and rid in after:
                for line in _first_differences(before[rid], after[rid]):
                    print(f"  {rid}: {line}")
    return len(changed) + len(missing)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write the snapshot here (JSON)")
    ap.add_argument("--compare", type=Path, help="re-run the baseline's configuration and compare to it")
    ap.add_argument(
        "--sets", help=f"comma-separated input sets of {', '.join(SETS)} (default {','.join(DEFAULT_SETS)})"
    )
    ap.add_argument("--stages", help="comma-separated stage names (default: the default pipeline)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many items per set")
    ap.add_argument("--jsonl", type=Path, action="append", default=[], help="an extra JSON Lines input set")
    ap.add_argument("--batch", type=int, default=None, help="run through Pipeline.pipe with this batch size")
    ap.add_argument("--config", type=json.loads, default=None, help="stage options as JSON")
    ap.add_argument("--dump", type=Path, help="also write every full record here (JSON Lines, .gz allowed)")
    ap.add_argument(
        "--baseline-dump", type=Path, help="with --compare: the baseline's --dump, to show what differs"
    )
    args = ap.parse_args(argv)
    if args.out is None and args.compare is None:
        ap.error("give --out (take a snapshot) or --compare (check against one)")
    baseline = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    if args.sets:
        sets = [s for s in args.sets.split(",") if s]
    elif baseline is not None:
        sets = [s for s in baseline["sets"] if not s.startswith("jsonl:")]
    else:
        sets = list(DEFAULT_SETS)
    unknown = [s for s in sets if s not in SETS]
    if unknown:
        ap.error(f"unknown set(s) {unknown}; known: {', '.join(SETS)}")
    jsonl = list(args.jsonl)
    if baseline is not None and not args.jsonl:
        jsonl = [Path(s[len("jsonl:") :]) for s in baseline["sets"] if s.startswith("jsonl:")]
    stages = args.stages.split(",") if args.stages else None
    limit, batch, config = args.limit, args.batch, args.config
    if baseline is not None:
        config = config if args.config is not None else baseline.get("config")
        stages = stages if args.stages else baseline.get("requested_stages")
        limit = limit if args.limit is not None else baseline.get("limit")
        batch = batch if args.batch is not None else baseline.get("batch")
    snap = run(sets, stages, limit, jsonl, batch, args.dump, config)
    print(
        f"record_snapshot: {len(snap['records'])} records from {', '.join(snap['sets'])} "
        f"with stages {snap['stages']} in {snap['seconds']} s"
    )
    if args.out:
        args.out.write_text(json.dumps(snap, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"record_snapshot: wrote {args.out}")
    if baseline is not None:
        dumps = (args.baseline_dump, args.dump) if args.baseline_dump and args.dump else None
        return 1 if compare(baseline, snap, dumps) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
