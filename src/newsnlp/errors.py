"""Typed errors raised by newsnlp.

Everything newsnlp raises on purpose derives from :class:`NewsNLPError`; anything unexpected that
happens inside a stage is re-raised as :class:`StageError` naming the stage, with the original
exception chained as ``__cause__``.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodingError",
    "InputError",
    "InputTypeError",
    "InvalidTextError",
    "MissingDependencyError",
    "ModelNotFoundError",
    "NewsNLPError",
    "PublishedDateError",
    "StageError",
    "StageOrderError",
    "TruncationWarning",
    "UnknownStageError",
    "WorkerError",
]


class NewsNLPError(Exception):
    """Base class of every error newsnlp raises."""


class InputError(NewsNLPError, ValueError):
    """The input is of the right type but cannot be processed."""


class InputTypeError(NewsNLPError, TypeError):
    """The input has the wrong type."""

    def __init__(self, what: str, expected: str, got: object):
        self.what = what
        self.expected = expected
        self.got_type = type(got).__name__
        shown = self.got_type
        if got is None or isinstance(got, (bool, int, float)) or (isinstance(got, str) and len(got) <= 40):
            shown = f"{self.got_type} {got!r}"
        super().__init__(f"{what} must be {expected}, got {shown}")


class DecodingError(InputError):
    """Bytes that cannot be decoded with the given encoding."""

    def __init__(self, encoding: str, reason: str):
        self.encoding = encoding
        super().__init__(
            f"input bytes are not valid {encoding} ({reason}); decode them yourself or pass "
            f"encoding=... with the right codec"
        )


class InvalidTextError(InputError):
    """A ``str`` that is not valid Unicode text: it holds a lone surrogate code point (as
    ``bytes.decode(..., "surrogateescape")`` produces), which no stage can encode or serialise."""

    def __init__(self, position: int, char: str):
        self.position = position
        super().__init__(
            f"text holds a lone surrogate {char!r} at index {position}, which is not valid Unicode; "
            f"pass the original bytes (with encoding=...) or clean the string first"
        )


class PublishedDateError(InputError):
    """``published`` is not a date, a datetime or an ISO 8601 string."""

    def __init__(self, value: object, reason: str | None = None):
        self.value = value
        super().__init__(
            f"published must be an ISO 8601 date or datetime string, a date or a datetime; got {value!r}"
            + (f" ({reason})" if reason else "")
        )


class UnknownStageError(NewsNLPError, ValueError):
    """A stage name that no registered stage has."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__(f"unknown stage {name!r}; known stages: {', '.join(known)}")


class ConfigError(NewsNLPError, ValueError):
    """Options for a stage (``Pipeline(config=...)``) that its factory does not accept."""

    def __init__(self, stage: str, reason: str):
        self.stage = stage
        super().__init__(f"bad options for stage {stage!r}: {reason}")


class StageOrderError(NewsNLPError, ValueError):
    """A pipeline whose stages cannot run in order: a stage requires a layer that no stage before it
    assigns, or reads a layer that a stage after it writes (see ``docs/architecture.md``)."""

    def __init__(self, stage: str, layer: str, reason: str):
        self.stage = stage
        self.layer = layer
        super().__init__(f"stage {stage!r} {reason}")


class StageError(NewsNLPError, RuntimeError):
    """Something unexpected failed inside a stage."""

    def __init__(self, stage: str, error: BaseException):
        self.stage = stage
        self.error = error
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")


class ModelNotFoundError(NewsNLPError, FileNotFoundError):
    """An optional model (e.g. stanza's) is not installed locally."""


class MissingDependencyError(NewsNLPError, ModuleNotFoundError):
    """An optional library a feature needs is not installed; the message names the extra that
    installs it (``pip install "newsnlp[frames]"``)."""

    def __init__(self, feature: str, package: str, extra: str):
        self.feature = feature
        self.package = package
        self.extra = extra
        super().__init__(f'{feature} needs {package}, which is not installed: pip install "newsnlp[{extra}]"')
        self.name = package


class WorkerError(NewsNLPError, RuntimeError):
    """A worker process of ``enrich_many(n_process=...)`` died (killed, out of memory, a crash in
    native code) while it held the item named in the message."""


class TruncationWarning(UserWarning):
    """The input was cut before processing (an HTML page whose text exceeds the documented limit,
    ``newsnlp.input.dom.MAX_TEXT`` characters). The record says so too: ``metadata.truncated`` is
    true and ``metadata.warnings`` names the limit."""
