"""Command line: ``newsnlp enrich FILE...``, ``newsnlp batch INPUT -o OUTPUT`` and
``newsnlp render FILE -o PAGE.html``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError, NewsNLPError

__all__ = ["main"]


def _pretty(art, console) -> None:
    from rich.panel import Panel
    from rich.table import Table

    md = art.metadata
    head = [f"[bold]{md.title or '(no title found)'}[/bold]"]
    if md.authors or md.editors:
        head.append(f"Penulis: {', '.join(md.authors) or '-'}   Editor: {', '.join(md.editors) or '-'}")
    if md.publisher or md.sources:
        head.append(f"Publisher: {md.publisher or '-'}   Sumber: {', '.join(md.sources) or '-'}")
    head.append(
        f"Published: {md.published or '-'} ({md.published_source or 'unknown'})   "
        f"sentences: {len(art.sentences)}   tokens: {len(art.tokens)}   stages: {', '.join(art.stages)}"
    )
    console.print(Panel("\n".join(head), title="newsnlp", expand=False))
    if art.entities:
        groups: dict[Any, list] = {}
        for ent in art.entities:
            groups.setdefault(ent.entity_id if ent.entity_id is not None else ent.text, []).append(ent)
        table = Table(title="Entities")
        for col in ("label", "canonical", "mentions", "kb_id"):
            table.add_column(col)
        for mentions in groups.values():
            first = mentions[0]
            table.add_row(
                first.label,
                first.canonical or first.text,
                ", ".join(sorted({m.text for m in mentions})) + f" ({len(mentions)})",
                first.kb_id or "",
            )
        console.print(table)
    if art.times:
        table = Table(title="Times")
        for col in ("text", "type", "value", "anchor"):
            table.add_column(col)
        for t in art.times:
            table.add_row(t.text, t.type, t.value or "-", t.anchor)
        console.print(table)
    if art.segments:
        counts: dict[str, int] = {}
        for seg in art.segments:
            counts[seg.label] = counts.get(seg.label, 0) + 1
        console.print("Segments: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if art.quotes:
        table = Table(title="Quotes")
        for col in ("speaker", "type", "cue", "segment", "quote"):
            table.add_column(col)
        for q in art.quotes:
            mention = q.speaker.text if q.speaker is not None else "-"
            who = q.speaker_canonical or mention
            if q.speaker_canonical and q.speaker_canonical != mention:
                who += f" ({mention})"
            text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
            table.add_row(who, q.type, q.cue.text if q.cue else "-", q.segment or "-", text)
        console.print(table)


def _cmd_enrich(args: argparse.Namespace) -> int:
    from .api import get_default_pipeline

    pipe = get_default_pipeline()
    console = None
    if args.format == "pretty":
        from rich.console import Console

        console = Console()
    status = 0
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            art = pipe(
                data, published=args.published, html=True if args.html else None, encoding=args.encoding
            )
        except (OSError, NewsNLPError) as err:
            print(f"newsnlp: {name}: {err}", file=sys.stderr)
            status = 1
            continue
        if args.format == "json":
            print(art.to_json(indent=2))
        elif args.format == "jsonl":
            print(art.to_json())
        else:
            console.rule(str(name))
            _pretty(art, console)
    return status


def _read_items(path: Path, text_field: str, id_field: str) -> Iterator[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                yield _item(row, text_field, id_field)
    elif suffix in (".csv", ".tsv"):
        import csv

        csv.field_size_limit(sys.maxsize)
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t" if suffix == ".tsv" else ","):
                yield _item(row, text_field, id_field)
    else:
        with open(path, "rb") as f:
            for n, raw in enumerate(f):
                try:
                    line = raw.decode("utf-8")
                    row = json.loads(line) if line.strip() else None
                except (UnicodeDecodeError, json.JSONDecodeError) as err:
                    raise InputError(f"{path} line {n + 1}: not a UTF-8 JSON line ({err})") from None
                if row is None:
                    continue
                if isinstance(row, str):
                    row = {text_field: row}
                if not isinstance(row, dict):
                    raise InputError(
                        f"{path} line {n + 1}: expected a JSON object or string, got {type(row).__name__}"
                    )
                row.setdefault(id_field, n)
                yield _item(row, text_field, id_field)


def _item(row: dict[str, Any], text_field: str, id_field: str) -> dict[str, Any]:
    if text_field not in row:
        raise NewsNLPError(f"input row has no {text_field!r} field (use --text-field); keys: {sorted(row)}")
    item = {"text": row[text_field] or "", "id": row.get(id_field)}
    for key in ("published", "url", "html"):
        if row.get(key) not in (None, ""):
            item[key] = row[key]
    return item


def _done_ids(path: Path) -> set[Any]:
    if not path.exists():
        return set()
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        return set(pq.read_table(path, columns=["id"]).column("id").to_pylist())
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                ids.add(json.loads(line).get("id"))
            except json.JSONDecodeError:
                break  # a line cut by the interruption: it is redone
    return ids


def _cmd_batch(args: argparse.Namespace) -> int:
    from .api import enrich_many

    src, out = Path(args.input), Path(args.output)
    if not src.exists():
        print(f"newsnlp: {src}: no such file", file=sys.stderr)
        return 2
    done = _done_ids(out) if args.resume else set()
    items = (it for it in _read_items(src, args.text_field, args.id_field) if it["id"] not in done)
    n_ok = n_err = 0
    results = enrich_many(
        items, n_process=args.workers, batch_size=args.batch_size, progress=not args.quiet, on_error="record"
    )
    if out.suffix.lower() == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows: list[dict[str, Any]] = []
        if args.resume and out.exists():
            rows = pq.read_table(out).to_pylist()
        ids = _ids_in_order(src, args, done)
        for item_id, res in zip(ids, results):
            if isinstance(res, dict):
                n_err += 1
                rows.append({"id": item_id, "record": None, "error": f"{res['error']}: {res['message']}"})
            else:
                n_ok += 1
                rows.append({"id": item_id, "record": res.to_json(), "error": None})
        pq.write_table(pa.Table.from_pylist(rows), out)
    else:
        mode = "a" if args.resume else "w"
        ids = _ids_in_order(src, args, done)
        with open(out, mode, encoding="utf-8") as f:
            for item_id, res in zip(ids, results):
                if isinstance(res, dict):
                    n_err += 1
                    row = {"id": item_id, "error": res["error"], "message": res["message"]}
                else:
                    n_ok += 1
                    row = {"id": item_id, **res.to_dict()}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                f.flush()
    print(
        f"newsnlp batch: {n_ok} enriched, {n_err} failed, {len(done)} skipped (already in output) -> {out}",
        file=sys.stderr,
    )
    return 0 if n_err == 0 else 1


def _ids_in_order(src: Path, args: argparse.Namespace, done: set[Any]) -> Iterator[Any]:
    for it in _read_items(src, args.text_field, args.id_field):
        if it["id"] not in done:
            yield it["id"]


def _cmd_render(args: argparse.Namespace) -> int:
    from .integrations.viz import render_html, render_page
    from .record import Article

    path = Path(args.file)
    try:
        if path.suffix.lower() == ".json":
            page = render_html(Article.from_json(path.read_text(encoding="utf-8")), full_page=True)
        elif path.suffix.lower() == ".jsonl":
            with open(path, encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()][: args.limit]
            page = render_page(records, title=path.name)
        else:
            from .api import get_default_pipeline

            data = sys.stdin.buffer.read() if args.file == "-" else path.read_bytes()
            art = get_default_pipeline()(
                data, published=args.published, html=True if args.html else None, encoding=args.encoding
            )
            page = render_html(art, full_page=True)
        Path(args.output).write_text(page, encoding="utf-8")
    except (OSError, ValueError, KeyError) as err:
        print(f"newsnlp: {args.file}: {err}", file=sys.stderr)
        return 1
    print(f"newsnlp render: wrote {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsnlp`` command."""
    parser = argparse.ArgumentParser(prog="newsnlp", description="Enrich Bahasa Indonesia news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("enrich", help="enrich article files (plain text or HTML) and print the records")
    p.add_argument("files", nargs="+", help="article files ('-' reads standard input)")
    p.add_argument("--published", help="publication date, YYYY-MM-DD (anchor for relative dates)")
    p.add_argument("--format", choices=("json", "jsonl", "pretty"), default="json")
    p.add_argument("--html", action="store_true", help="treat input as HTML (detected otherwise)")
    p.add_argument("--encoding", default="utf-8", help="encoding of the files (default utf-8)")
    p.set_defaults(func=_cmd_enrich)

    b = sub.add_parser(
        "batch", help="enrich a corpus (JSON Lines, CSV or Parquet) into JSON Lines or Parquet"
    )
    b.add_argument("input")
    b.add_argument("-o", "--output", required=True)
    b.add_argument("--workers", type=int, default=1)
    b.add_argument("--batch-size", type=int, default=64)
    b.add_argument("--text-field", default="text")
    b.add_argument("--id-field", default="id")
    b.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT and append")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=_cmd_batch)

    r = sub.add_parser(
        "render",
        help="write an HTML page of an enriched article (text/HTML file, or .json/.jsonl records)",
    )
    r.add_argument("file", help="article file ('-' reads standard input), or a record .json/.jsonl")
    r.add_argument("-o", "--output", required=True, help="HTML file to write")
    r.add_argument("--published", help="publication date, YYYY-MM-DD (anchor for relative dates)")
    r.add_argument("--html", action="store_true", help="treat input as HTML (detected otherwise)")
    r.add_argument("--encoding", default="utf-8", help="encoding of the file (default utf-8)")
    r.add_argument("--limit", type=int, default=50, help="at most this many records of a .jsonl")
    r.set_defaults(func=_cmd_render)

    from .linguistic.models import add_models_command

    add_models_command(sub)  # newsnlp models download
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsnlp`` command."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (NewsNLPError, OSError, UnicodeDecodeError) as err:
        print(f"newsnlp: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
