"""Command line: ``newsnlp enrich FILE...``, ``newsnlp batch INPUT -o OUTPUT``,
``newsnlp render FILE -o PAGE.html``, ``newsnlp info`` and ``newsnlp --version``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
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
                ", ".join(sorted({" ".join(m.text.split()) for m in mentions})) + f" ({len(mentions)})",
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


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, run_batch

    keep = None
    if args.keep_columns is not None:
        keep = [] if args.keep_columns.strip().lower() in ("", "none") else _names(args.keep_columns)
        if keep == ["all"]:
            keep = None
    opts = BatchOptions(
        input=Path(args.input),
        output=Path(args.output),
        text_field=args.text_field,
        id_field=args.id_field,
        keep_columns=keep,
        resume=args.resume,
        on_error=args.on_error,
        layers=args.layers,
        workers=args.workers,
        batch_size=args.batch_size,
        stages=tuple(_names(args.stages)) if args.stages else None,
        part_size=args.part_size,
        quiet=args.quiet,
    )
    return run_batch(opts)


def _names(spec: str) -> list[str]:
    return [x.strip() for x in spec.split(",") if x.strip()]


def _jsonl_records(path: Path, limit: int) -> tuple[list[dict[str, Any]], int, int]:
    """``(records to render, error rows skipped, lines left unread past the limit)`` of a JSON
    Lines file (``.gz`` too), such as ``newsnlp batch`` writes."""
    import gzip

    opener = gzip.open if path.suffix.lower() == ".gz" else open
    records: list[dict[str, Any]] = []
    errors = rest = 0
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            if limit and len(records) >= limit:
                rest += 1
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path} line {n}: not a JSON line ({err})") from None
            if not isinstance(row, dict) or "text" not in row:
                errors += 1  # an error row of newsnlp batch (or no record at all)
                continue
            records.append(row)
    return records, errors, rest


def _cmd_render(args: argparse.Namespace) -> int:
    from .integrations.viz import render_html, render_page
    from .record import Article

    path = Path(args.file)
    notes = []
    try:
        name = path.name.lower()
        if name.endswith(".json"):
            page = render_html(Article.from_json(path.read_text(encoding="utf-8")), full_page=True)
        elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            records, errors, rest = _jsonl_records(path, args.limit)
            page = render_page(records, title=path.name)
            if errors:
                notes.append(f"{errors} error row(s) without a record not rendered")
            if rest:
                notes.append(
                    f"rendered the first {len(records)} records; {rest} more line(s) not rendered "
                    "(--limit N, or --limit 0 for all)"
                )
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
    for note in notes:
        print(f"newsnlp render: {note}", file=sys.stderr)
    print(f"newsnlp render: wrote {args.output}", file=sys.stderr)
    return 0


_BATCH_EPILOG = """\
input formats (from the name; .gz accepted): .jsonl (one JSON object, or string, per line),
  .csv, .tsv (a header row), .parquet. Other names are read as JSON Lines.
output formats (from the name, anything else is refused):
  .jsonl, .ndjson   one line per input row: row, id, input (kept columns), then the record
                    (Article.to_dict() with the chosen layers), or error and message
  .jsonl.gz         the same, gzip-compressed (appended in complete gzip members)
  .parquet          a folder of flat tables (articles, entities, times, segments, ...,
                    as newsnlp.to_frames), committed in parts; pandas.read_parquet(OUT/entities)

ids: the id column's value (a string, number or boolean) when present, else the row number;
  rows are matched on --resume by id (duplicates counted in order) or by row number when the
  row has no id, so a missing id never clashes with a given one. A list or object id is an
  error row.
resume: after a kill, a full disk or Ctrl-C, the same command with --resume repairs the end of
  the output (a cut-off line or gzip member, an uncommitted Parquet part) and enriches exactly
  the rows not yet in it: each input row ends up once in the output.
exit status: 0 every row enriched; 1 some rows failed (written as error rows with --on-error
  record); 2 the batch could not run (bad options, unreadable input, output not writable);
  130 interrupted by Ctrl-C (143 by SIGTERM): what was done is kept, continue with --resume.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsnlp`` command."""
    from . import __version__

    parser = argparse.ArgumentParser(prog="newsnlp", description="Enrich Bahasa Indonesia news articles.")
    parser.add_argument("--version", action="version", version=f"newsnlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("enrich", help="enrich article files (plain text or HTML) and print the records")
    p.add_argument("files", nargs="+", help="article files ('-' reads standard input)")
    p.add_argument("--published", help="publication date, YYYY-MM-DD (anchor for relative dates)")
    p.add_argument("--format", choices=("json", "jsonl", "pretty"), default="json")
    p.add_argument("--html", action="store_true", help="treat input as HTML (detected otherwise)")
    p.add_argument("--encoding", default="utf-8", help="encoding of the files (default utf-8)")
    p.set_defaults(func=_cmd_enrich)

    b = sub.add_parser(
        "batch",
        help="enrich a corpus (JSON Lines, CSV or Parquet) into JSON Lines or Parquet tables",
        description="Enrich every row of INPUT into OUTPUT, in input order, resumably.",
        epilog=_BATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument("input", help="the corpus: .jsonl, .csv, .tsv (optionally .gz) or .parquet")
    b.add_argument(
        "-o", "--output", required=True, help="where to write: .jsonl, .jsonl.gz or .parquet (a folder)"
    )
    b.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: repair OUTPUT's end and skip the rows already in it "
        "(without it, OUTPUT is replaced)",
    )
    b.add_argument(
        "--on-error",
        choices=("record", "skip", "raise"),
        default="record",
        help="a row that cannot be read or enriched is written as an error row (record, the "
        "default), left out (skip; --resume retries it), or stops the batch after the rows "
        "before it are written (raise)",
    )
    b.add_argument("--text-field", default="text", help="column holding the article (default: text)")
    b.add_argument(
        "--id-field",
        default="id",
        help="column holding the article id (default: id; rows without one use their row number)",
    )
    b.add_argument(
        "--keep-columns",
        metavar="COLS",
        help="input columns to carry into the output, comma-separated; default all but the text "
        "and id columns; 'none' for none",
    )
    b.add_argument(
        "--layers",
        metavar="LAYERS",
        help="record layers to write, comma-separated among entities, times, segments, quotes, "
        "sentences, tokens, or all / none; default: all for JSON Lines, all but tokens and "
        "sentences for Parquet (tokens are most of the size)",
    )
    b.add_argument(
        "--stages",
        metavar="STAGES",
        help="pipeline stages to run, comma-separated (default: the default pipeline; e.g. text,entities)",
    )
    b.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    b.add_argument(
        "--batch-size", type=int, default=64, help="articles per batch and per output flush (default 64)"
    )
    b.add_argument(
        "--part-size",
        type=int,
        default=1000,
        help="Parquet output: articles per committed part (a kill loses at most the part being "
        "written; a part a minute old is committed too). Default 1000",
    )
    b.add_argument("--quiet", action="store_true", help="no progress bar (the summary is still printed)")
    b.set_defaults(func=_cmd_batch)

    r = sub.add_parser(
        "render",
        help="write an HTML page of an enriched article (text/HTML file, or .json/.jsonl records)",
    )
    r.add_argument("file", help="article file ('-' reads standard input), or a record .json/.jsonl(.gz)")
    r.add_argument("-o", "--output", required=True, help="HTML file to write")
    r.add_argument("--published", help="publication date, YYYY-MM-DD (anchor for relative dates)")
    r.add_argument("--html", action="store_true", help="treat input as HTML (detected otherwise)")
    r.add_argument("--encoding", default="utf-8", help="encoding of the file (default utf-8)")
    r.add_argument(
        "--limit", type=int, default=50, help="at most this many records of a .jsonl (default 50; 0: all)"
    )
    r.set_defaults(func=_cmd_render)

    i = sub.add_parser("info", help="versions, shipped models and their scores, stages, installed extras")
    i.add_argument("--json", action="store_true", help="print the same as JSON")
    i.set_defaults(func=_cmd_info)

    from .linguistic.models import add_models_command

    add_models_command(sub)  # newsnlp models download
    return parser


def _cmd_info(args: argparse.Namespace) -> int:
    from .info import collect_info, format_info

    info = collect_info()
    print(json.dumps(info, indent=2, ensure_ascii=False) if args.json else format_info(info))
    return 0


def _quiet_stdout() -> None:
    """After a broken pipe (``newsnlp enrich ... | head``): send what is left to /dev/null so the
    interpreter's final flush does not report the broken pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsnlp`` command."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        _quiet_stdout()
        return 141  # as a command killed by SIGPIPE, quietly
    except KeyboardInterrupt:
        print("newsnlp: interrupted", file=sys.stderr)
        return 130
    except (NewsNLPError, OSError, UnicodeDecodeError) as err:
        print(f"newsnlp: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
