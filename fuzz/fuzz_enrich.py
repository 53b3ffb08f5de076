"""Fuzzing harness for :func:`newsnlp.enrich`, on plain text, HTML pages and raw bytes.

Every input goes through the full default pipeline and the record is checked against the contract
(``tests/reliability/invariants.py``: exact offsets, closed label sets, tokens and sentences
covering the text, non-overlapping segments, JSON round trip). A crash is any exception other than
the documented ones (:class:`~newsnlp.errors.DecodingError` for undecodable bytes), any broken
invariant, or one input running longer than ``--timeout`` seconds.

Two engines:

- ``atheris`` (coverage-guided libFuzzer, ``pip install atheris``): the newsnlp modules are
  instrumented; the fuzz bytes choose between raw Unicode text, text built from a news vocabulary
  with odd characters, an HTML page and raw bytes. Crashing inputs are written to ``--artifacts``.
- ``hypothesis`` (always available): random generation from the strategies of
  ``tests/reliability/strategies.py`` in a loop until ``--seconds`` are spent; a failure is shrunk
  and written to ``--artifacts``.

Usage (see docs/reliability.md)::

    OMP_NUM_THREADS=1 python fuzz/fuzz_enrich.py --engine atheris --seconds 900
    python fuzz/fuzz_enrich.py --engine hypothesis --seconds 20

Arguments the harness does not know (``-len_control=20``, ``-dict=...``) go to libFuzzer.

Exit status 0: no crash within the budget; 1: a crash (reproducer printed and saved).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("OMP_NUM_THREADS", "1")

PIPE = None  # built once, lazily


class InputTimeout(Exception):
    """One input ran longer than ``--timeout`` seconds."""


def _alarm(_signum, _frame):
    raise InputTimeout("input took longer than the per-input timeout")


def get_pipe():
    """The default pipeline (built on first use)."""
    global PIPE
    if PIPE is None:
        from newsnlp.api import get_default_pipeline

        PIPE = get_default_pipeline()
    return PIPE


def run_one(kind: str, data, timeout: float) -> None:
    """Enrich one input of ``kind`` (``text``, ``auto``, ``html`` or ``bytes``) and check the record."""
    from tests.reliability.invariants import check_record

    from newsnlp.errors import DecodingError

    pipe = get_pipe()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        if kind == "text":
            check_record(pipe(data, html=False), data)
        elif kind == "auto":
            check_record(pipe(data))
        elif kind == "html":
            check_record(pipe(data, html=True))
        elif kind == "bytes":
            try:
                art = pipe(data, html=False)
            except DecodingError:
                return
            check_record(art, data.decode("utf-8"))
        else:  # pragma: no cover
            raise ValueError(kind)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- atheris --------------------------------------------------------------------------------------
def _atheris_input(data: bytes):
    import atheris
    from tests.reliability.strategies import LINES, ODD, SEPARATORS, WORDS

    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 5)
    if mode == 0:
        return "text", fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    if mode == 5:
        return "bytes", fdp.ConsumeBytes(fdp.remaining_bytes())
    vocab = WORDS + ODD + LINES
    parts = []
    while fdp.remaining_bytes() > 1 and len(parts) < 400:
        choice = fdp.ConsumeIntInRange(0, 15)
        if choice < 11:
            parts.append(vocab[fdp.ConsumeIntInRange(0, len(vocab) - 1)])
        elif choice < 14:
            parts.append(SEPARATORS[fdp.ConsumeIntInRange(0, len(SEPARATORS) - 1)])
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(1, 8)))
        parts.append(" " if fdp.ConsumeBool() else "")
    text = "".join(parts)
    if mode in (1, 2):
        return "text", text
    if mode == 3:
        return "auto", text
    tags = ["p", "div", "h1", "h2", "figure", "figcaption", "aside", "article", "span", "a", "li"]
    lines = text.split("\n")
    html = ["<html><head><title>t</title></head><body>"]
    for line in lines:
        tag = tags[len(line) % len(tags)]
        html.append(f"<{tag}>{line}</{tag}>")
    html.append("</body></html>")
    return "html", "".join(html)


def run_atheris(args: argparse.Namespace) -> int:
    import atheris

    with atheris.instrument_imports(include=["newsnlp"]):
        import newsnlp.api  # noqa: F401

        get_pipe()  # imports (and instruments) every stage module

    def target(data: bytes) -> None:
        kind, value = _atheris_input(data)
        try:
            run_one(kind, value, args.timeout)
        except BaseException:
            print(f"\n=== crash on {kind} input: {value!r}", file=sys.stderr)
            raise

    Path(args.artifacts).mkdir(parents=True, exist_ok=True)
    corpus = Path(args.corpus)
    corpus.mkdir(parents=True, exist_ok=True)
    argv = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={int(args.seconds)}",
        f"-artifact_prefix={args.artifacts.rstrip('/')}/",
        "-rss_limit_mb=4096",
        f"-timeout={int(args.timeout) + 5}",
        "-max_len=4096",
        "-print_final_stats=1",
    ]
    if args.seed is not None:
        argv.append(f"-seed={args.seed}")
    argv.extend(getattr(args, "libfuzzer", []))
    atheris.Setup(argv, target)
    atheris.Fuzz()
    return 0  # pragma: no cover - Fuzz() exits the process itself


# -- hypothesis -----------------------------------------------------------------------------------
def run_hypothesis(args: argparse.Namespace) -> int:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st
    from tests.reliability.strategies import articles, html_pages

    get_pipe()
    inputs = st.one_of(
        st.tuples(st.just("text"), articles(120)),
        st.tuples(st.just("text"), st.text(max_size=300)),
        st.tuples(st.just("auto"), articles(60)),
        st.tuples(st.just("html"), html_pages()),
        st.tuples(st.just("bytes"), st.binary(max_size=300)),
        st.tuples(st.just("bytes"), articles(40).map(lambda s: s.encode("utf-8"))),
    )

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        derandomize=False,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def check(case):
        kind, value = case
        run_one(kind, value, args.timeout)

    deadline = time.monotonic() + args.seconds
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        try:
            check()
        except Exception as err:  # a failure, already shrunk by hypothesis
            Path(args.artifacts).mkdir(parents=True, exist_ok=True)
            out = Path(args.artifacts) / f"hypothesis-crash-{int(time.time())}.txt"
            out.write_text("".join(traceback.format_exception(err)), encoding="utf-8")
            print(f"crash after {rounds} rounds; details in {out}", file=sys.stderr)
            traceback.print_exception(err)
            return 1
    print(f"hypothesis fuzzing: {rounds * 25} inputs in {args.seconds:.0f} s, no crash", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line of the harness."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    p.add_argument("--seconds", type=float, default=60.0, help="total fuzzing budget")
    p.add_argument("--timeout", type=float, default=30.0, help="per-input time limit (seconds)")
    p.add_argument("--artifacts", default=str(REPO / "fuzz" / "artifacts"))
    p.add_argument("--corpus", default=str(REPO / "fuzz" / "corpus"))
    p.add_argument("--seed", type=int, default=None)
    args, extra = p.parse_known_args(argv)
    args.libfuzzer = extra  # passed on to libFuzzer (atheris engine), e.g. -len_control=20
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    return run_atheris(args) if engine == "atheris" else run_hypothesis(args)


if __name__ == "__main__":
    sys.exit(main())
