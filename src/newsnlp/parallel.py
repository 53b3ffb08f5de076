"""Worker processes for ``enrich_many(n_process=N)``: bounded, ordered, and safe when a worker dies.

* **Bounded.** At most ``2 * N`` chunks are being enriched and at most ``4 * N`` are held (queued,
  running or finished but not yet consumed); the input iterator is pulled only as results are
  consumed, so a consumer that pauses keeps a fixed amount of work and memory in flight.
* **Ordered.** Chunks come back in input order.
* **A dead worker is never a hang.** When a worker process dies (killed, out of memory, a crash in
  native code), :class:`concurrent.futures.ProcessPoolExecutor` fails every unfinished chunk at once
  (``BrokenProcessPool``). The pool is restarted and each of those chunks is redone alone; a chunk
  that kills its worker again is redone one item at a time, and an item that kills a worker on its
  own becomes a :class:`~newsnlp.errors.WorkerError` (recorded, skipped or raised as ``on_error``
  says). Work lost to a one-off death (an external ``kill``) is simply redone.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

__all__ = ["IN_FLIGHT_PER_PROCESS", "run_chunks"]

#: Chunks being enriched per worker process (one running, one queued so the worker never waits).
IN_FLIGHT_PER_PROCESS = 2
#: Chunks held per worker process, counting those finished but not yet consumed.
HELD_PER_PROCESS = 4

Chunk = list[tuple[int, Any]]
Results = list[tuple[int, Any]]

_DIED = (
    "the worker process died while enriching this item (killed, out of memory, or a crash in native "
    "code); it was retried alone and died again"
)


def _context() -> Any:
    if "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context("spawn")  # pragma: no cover - Windows and macOS defaults


def _worker_init(loader: Callable[[], Any]) -> None:
    # Ctrl-C in a terminal reaches the whole process group: the parent handles it and stops the
    # workers; a worker must not print its own KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not a handler inherited from the parent
    from .chunks import worker_init

    worker_init(loader)


def _worker_run(args: tuple[Chunk, str]) -> bytes:
    """Enrich a chunk; the results come back pickled here, with the garbage collector paused
    (pickling hundreds of thousands of tokens otherwise triggers it again and again)."""
    from .chunks import worker_run
    from .gcpause import gc_paused

    results = worker_run(args)
    with gc_paused():
        return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(blob: bytes) -> Results:
    """A chunk's results, unpickled in the consumer's thread with the collector paused (3x
    faster than letting the pool's thread unpickle them with it running)."""
    from .gcpause import gc_paused

    with gc_paused():
        return pickle.loads(blob)


class _Pool:
    """A ProcessPoolExecutor that can be restarted after a worker died."""

    def __init__(self, n_process: int, loader: Callable[[], Any]):
        self.n_process = n_process
        self.loader = loader
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.n_process, mp_context=_context(), initializer=_worker_init, initargs=(self.loader,)
        )

    def submit(self, chunk: Chunk, on_error: str) -> Future:
        try:
            return self.executor.submit(_worker_run, (chunk, on_error))
        except BrokenProcessPool as err:  # a worker died since the last look: lost like the rest
            future: Future = Future()
            future.set_exception(err)
            return future

    def restart(self) -> None:
        self.stop()
        self.executor = self._new()

    def stop(self, graceful: bool = False) -> None:
        ex = self.executor
        if graceful:  # every chunk is done: let the workers exit on their own
            ex.shutdown(wait=True)
            return
        terminate = getattr(ex, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:
            for proc in list((getattr(ex, "_processes", None) or {}).values()):
                if proc.is_alive():
                    proc.terminate()
        ex.shutdown(wait=True, cancel_futures=True)


def _alone(pool: _Pool, chunk: Chunk, on_error: str) -> Results | None:
    """Enrich ``chunk`` with nothing else in flight; ``None`` if its worker died."""
    future = pool.submit(chunk, on_error)
    try:
        return _loads(future.result())
    except BrokenProcessPool:
        pool.restart()
        return None


def _redo(pool: _Pool, chunk: Chunk, on_error: str) -> Results:
    """Redo a chunk that was in flight when a worker died: whole, then item by item."""
    results = _alone(pool, chunk, on_error)
    if results is not None:
        return results
    out: Results = []
    for index, item in chunk:
        one = _alone(pool, [(index, item)], on_error)
        if one is None:
            from .chunks import error_record

            record = error_record(index, item, _died())
            if on_error == "raise":
                out.append((-1, record))
                break
            out.append((index, record if on_error == "record" else None))
            continue
        out.extend(one)
        if one and one[-1][0] == -1:
            break
    return out


def _died() -> BaseException:
    from .errors import WorkerError

    return WorkerError(_DIED)


def run_chunks(
    chunks: Iterator[Chunk], n_process: int, on_error: str, loader: Callable[[], Any]
) -> Iterator[Results]:
    """Enrich ``chunks`` on ``n_process`` worker processes; yields each chunk's results in order.

    ``loader`` is a picklable callable returning the pipeline (called in the parent, then
    inherited, where processes fork; sent pickled to each worker and called there where they
    spawn). Results are ``(index, Article | ErrorRecord | None)``; ``(-1, ErrorRecord)`` is the
    error that stops the run when ``on_error="raise"``.
    """
    if _context().get_start_method() == "fork":
        # Load once in the parent; forked workers share it copy-on-write and start at once.
        # gc.freeze() keeps the collector from writing to (and so copying) the shared pages. No
        # full collection before it (it cost 0.27 s of the parent's CPU per call, 8 % of a
        # 400-article run): garbage frozen now is collected after gc.unfreeze() at the end.
        loader()
        gc.freeze()
    pool = _Pool(n_process, loader)
    pending: deque[list[Any]] = deque()  # [chunk, future, redone results or None]
    exhausted = False
    finished = False
    try:
        while True:
            running = sum(1 for entry in pending if not entry[1].done())
            while (
                not exhausted
                and running < IN_FLIGHT_PER_PROCESS * n_process
                and len(pending) < HELD_PER_PROCESS * n_process
            ):
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append([chunk, pool.submit(chunk, on_error), None])
                running += 1
            if not pending:
                finished = True
                return
            head = pending[0]
            if head[2] is None and not head[1].done():
                wait([e[1] for e in pending if not e[1].done()], return_when=FIRST_COMPLETED)
                continue
            if head[2] is None and isinstance(head[1].exception(), BrokenProcessPool):
                lost = [e for e in pending if e[2] is None and _lost(e[1])]
                pool.restart()
                for entry in lost:  # in input order, each alone on the fresh pool
                    entry[2] = _redo(pool, entry[0], on_error)
                continue
            pending.popleft()
            yield head[2] if head[2] is not None else _loads(head[1].result())
    finally:
        pool.stop(graceful=finished)
        gc.unfreeze()


def _lost(future: Future) -> bool:
    """Whether ``future`` failed because the pool broke (or will: it cannot finish any more)."""
    if not future.done():
        return True
    return isinstance(future.exception(), BrokenProcessPool)
