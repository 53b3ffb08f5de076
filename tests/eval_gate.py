"""The quality gate: the evaluation scripts over real data, each figure against its floor.

``.ci/run`` runs it after the README's test command when ``../shared/data`` is present; it is not a
pytest module (the default ``pytest -q`` never collects it). Every check runs one script of
``evaluation/`` with ``--json`` and reads its figures; the gate fails when a figure drops below its
floor in ``evaluation/baseline.json`` or a script fails.

    python tests/eval_gate.py                 # run every check, compare with the floors
    python tests/eval_gate.py --only ud,time  # some checks
    python tests/eval_gate.py --update        # raise floors to the current figures (never lowers)
    python tests/eval_gate.py --update --lower  # also lower floors: say why in the commit message
    python tests/eval_gate.py --list          # the checks and their commands

Floors are the figures rounded down to 4 decimals. A figure without a floor (a new check) is
reported and gets one with ``--update``. Raising floors after an improvement is one command;
lowering one needs ``--lower`` and a sentence in the commit saying why the drop is accepted.

A check whose script is not in the repository yet is skipped with a note (``html-peer``:
``evaluation/html_peer.py``, trafilatura's own corpus, joins the gate when it lands).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BASELINE = ROOT / "evaluation" / "baseline.json"
TIMEOUT = 600
ABOUT = (
    "Floors of tests/eval_gate.py: each figure must stay at or above its floor. Raise them with "
    "`python tests/eval_gate.py --update`; lowering one needs `--update --lower` and a sentence in "
    "the commit message saying why the drop is accepted."
)


@dataclass(frozen=True)
class Check:
    """One evaluation script run with ``--json FILE``; ``figures`` maps a figure name (as in
    ``evaluation/baseline.json``) to the path of its value in the JSON (keys and list indices
    joined by ``/``)."""

    name: str
    script: str
    args: tuple[str, ...]
    figures: dict[str, str] = field(default_factory=dict)
    what: str = ""


def _time_sets() -> dict[str, str]:
    out = {}
    for key in (
        "gold_newsdev",
        "gold_newsdev_heldout",
        "gold_newsdev_fresh",
        "gold_newsdev_fresh2",
        "sentences",
    ):
        out[f"time/{key}/value_f1"] = f"{key}/newsnlp time/value_f1"
        out[f"time/{key}/relaxed_f1"] = f"{key}/newsnlp time/relaxed/2"
    return out


def _structure(split: str) -> dict[str, str]:
    return {
        f"structure/{split}/line_accuracy": f"{split}/line_accuracy",
        f"structure/{split}/body_token_f1": f"{split}/body_token_prf/2",
    }


def _quotes(split: str) -> dict[str, str]:
    out = {
        f"quotes/{split}/{kind}_overlap_f1": f"own/detection/{kind}/overlap/f1"
        for kind in ("all", "direct", "indirect")
    }
    out[f"quotes/{split}/speaker_mention_overlap"] = "own/matched/all/speaker_overlap"
    out[f"quotes/{split}/speaker_entity"] = "own/matched/all/entity"
    return out


CHECKS: tuple[Check, ...] = (
    Check(
        "ud",
        "evaluation/ud_tokenization.py",
        (),
        {
            f"ud/{tb}/{kind}_f1": f"treebanks/{tb}/{kind}_f1"
            for tb in ("GSD", "CSUI", "PUD")
            for kind in ("tok", "sent")
        },
        "UD Indonesian test treebanks: token and sentence F1",
    ),
    Check(
        "ner",
        "evaluation/ner.py",
        ("--system", "combined"),
        {
            "entities/idner-test/f1": "idner-test/ALL/f",
            "entities/newsdev/f1": "newsdev-all/ALL/f",
            "entities/newsdev-PER-ORG-LOC/f1": "newsdev-PER/ORG/LOC/ALL/f",
        },
        "entities (combined stage): idner-news-2k test and the news-dev tuning gold, exact match",
    ),
    Check(
        "entities-heldout",
        "evaluation/entities_heldout.py",
        ("--system", "combined"),
        {
            "entities/newsdev-heldout/exact_f1": "combined/exact/f1",
            "entities/newsdev-heldout/partial_f1": "combined/partial/f1",
        },
        "entities on the held-out news-dev gold",
    ),
    Check(
        "time",
        "evaluation/time.py",
        (
            "--no-dateparser",
            "--gold",
            "gold_newsdev.jsonl",
            "--gold",
            "gold_newsdev_heldout.jsonl",
            "--gold",
            "gold_newsdev_fresh.jsonl",
            "--gold",
            "gold_newsdev_fresh2.jsonl",
            "--gold",
            "sentences",
        ),
        _time_sets(),
        "time expressions: value F1 and relaxed finding F1 on the news-dev golds and written sentences",
    ),
    Check(
        "structure",
        "evaluation/structure.py",
        ("--split", "both"),
        {**_structure("dev"), **_structure("test")},
        "structure: line labels and body text on the news-dev gold (dev, test)",
    ),
    Check(
        "structure-heldout",
        "evaluation/structure.py",
        ("--split", "heldout"),
        _structure("heldout"),
        "structure on the held-out news-dev gold",
    ),
    Check(
        "structure-fresh",
        "evaluation/structure.py",
        ("--split", "fresh"),
        _structure("fresh"),
        "structure on the fresh news-dev gold",
    ),
    Check(
        "structure-fresh2",
        "evaluation/structure.py",
        ("--split", "fresh2"),
        _structure("fresh2"),
        "structure on the second fresh set (news-raw and news-dev, labelled before looking)",
    ),
    Check(
        "html-id",
        "evaluation/html_agreement.py",
        (),
        {
            "html/html-id/clean_text_vs_trafilatura_f1": "f1",
            "html/html-id/clean_text_vs_trafilatura_p": "precision",
        },
        "HTML: clean_text of the html-id pages beside trafilatura's main text (agreement)",
    ),
    Check(
        "quotes",
        "evaluation/quotes.py",
        ("--split", "dev"),
        _quotes("dev"),
        "quotes on the development gold (the article's own text): overlap F1 per type, speaker accuracy",
    ),
    Check(
        "quotes-fresh",
        "evaluation/quotes.py",
        ("--split", "fresh"),
        _quotes("fresh"),
        "quotes on the fresh gold (first measured once the stage was frozen)",
    ),
    Check(
        "html-peer",
        "evaluation/html_peer.py",
        ("--set", "peer", "--systems", "newsnlp"),
        {"html/peer/snippet_f1": "systems/newsnlp/f1"},
        "HTML: trafilatura's own corpus scored trafilatura's way (when the script is present)",
    ),
)


def _get(data, path: str) -> float:
    """The value at ``path`` in ``data``: keys (or list indices) joined by ``/``; a key may hold a
    ``/`` itself (``newsdev-PER/ORG/LOC``), so the longest matching key wins."""
    parts = path.split("/")
    node = data
    i = 0
    while i < len(parts):
        if isinstance(node, list):
            node = node[int(parts[i])]
            i += 1
            continue
        for j in range(len(parts), i, -1):
            key = "/".join(parts[i:j])
            if key in node:
                node = node[key]
                i = j
                break
        else:
            raise KeyError(path)
    return float(node)


def run_check(check: Check) -> tuple[dict[str, float] | None, float, str]:
    """``(figures or None, seconds, note)`` of one check."""
    script = ROOT / check.script
    if not script.is_file():
        return None, 0.0, f"skipped: {check.script} is not in the repository"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.json"
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(script), *check.args, "--json", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        seconds = time.perf_counter() - t0
        if proc.returncode != 0 or not out.is_file():
            tail = (proc.stderr or proc.stdout)[-2000:]
            return None, seconds, f"FAILED (exit {proc.returncode}):\n{tail}"
        data = json.loads(out.read_text(encoding="utf-8"))
    figures = {name: _get(data, path) for name, path in check.figures.items()}
    return figures, seconds, ""


def floor_of(value: float) -> float:
    """``value`` rounded down to 4 decimals (the floor it sets)."""
    return math.floor(value * 10_000 + 1e-9) / 10_000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated check names")
    ap.add_argument("--update", action="store_true", help="raise floors to the current figures")
    ap.add_argument(
        "--lower", action="store_true", help="with --update: also lower floors (say why in the commit)"
    )
    ap.add_argument("--list", action="store_true", help="list the checks and exit")
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    args = ap.parse_args(argv)
    if args.lower and not args.update:
        ap.error("--lower goes with --update")
    checks = CHECKS
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {c.name for c in CHECKS}
        if unknown:
            ap.error(f"unknown checks {sorted(unknown)}; known: {', '.join(c.name for c in CHECKS)}")
        checks = tuple(c for c in CHECKS if c.name in wanted)
    if args.list:
        for c in checks:
            print(f"{c.name:18s} python {c.script} {' '.join(c.args)} --json FILE   # {c.what}")
        return 0
    if not DATA.exists():
        print(f"eval_gate: {DATA} not found: nothing to measure (the gate needs ../shared/data)")
        return 0
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline.is_file() else {}
    floors: dict[str, float] = dict(baseline.get("floors", {}))
    t_all = time.perf_counter()
    figures: dict[str, float] = {}
    failed: list[str] = []
    print(f"{'figure':52s} {'value':>8s} {'floor':>8s}  status")
    for check in checks:
        got, seconds, note = run_check(check)
        if got is None:
            print(f"{check.name:52s} {'':>8s} {'':>8s}  {note}")
            if note.startswith("FAILED"):
                failed.append(check.name)
            continue
        for name, value in got.items():
            floor = floors.get(name)
            if floor is None:
                status = "new (no floor yet: --update sets it)"
            elif value + 1e-9 < floor:
                status = f"BELOW the floor by {floor - value:.4f}"
                failed.append(name)
            else:
                status = "ok"
            shown = "" if floor is None else f"{floor:.4f}"
            print(f"{name:52s} {value:8.4f} {shown:>8s}  {status}")
        print(f"{'':52s} ({check.name}: {seconds:.1f} s)")
        figures.update(got)
    total = time.perf_counter() - t_all
    print(f"eval_gate: {len(figures)} figures from {len(checks)} checks in {total:.0f} s")
    if args.update:
        changed = []
        for name, value in figures.items():
            new = floor_of(value)
            old = floors.get(name)
            if old is None or new > old or (args.lower and new < old):
                floors[name] = new
                changed.append(f"{name}: {old} -> {new}")
        baseline = {"about": baseline.get("about", ABOUT), **baseline, "floors": dict(sorted(floors.items()))}
        args.baseline.write_text(json.dumps(baseline, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"eval_gate: {len(changed)} floors changed in {args.baseline}")
        for line in changed:
            print(f"  {line}")
        if args.lower:
            print("eval_gate: floors lowered: the commit message must say why the drop is accepted")
        if args.lower:  # the figures below their floors were accepted; failed scripts still fail
            failed = [f for f in failed if f not in figures]
    if failed:
        print(f"eval_gate: FAILED: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
