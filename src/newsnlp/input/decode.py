"""Input text as valid Unicode: ``str`` checked, ``bytes`` decoded, or a typed error."""

from __future__ import annotations

import re
from typing import Any

from ..errors import DecodingError, InputTypeError, InvalidTextError

__all__ = ["coerce_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def coerce_text(text: Any, encoding: str = "utf-8") -> str:
    """``text`` as a valid Unicode ``str`` (bytes decoded with ``encoding``), or a typed error.

    A ``str`` holding a lone surrogate raises :class:`~newsnlp.errors.InvalidTextError`; bytes that
    ``encoding`` cannot decode (or a codec that is not a text encoding) raise
    :class:`~newsnlp.errors.DecodingError`; anything else :class:`~newsnlp.errors.InputTypeError`.
    """
    if isinstance(text, str):
        if not text.isascii():
            bad = _SURROGATE.search(text)
            if bad is not None:
                raise InvalidTextError(bad.start(), bad.group())
        return text
    if not isinstance(encoding, str):
        raise InputTypeError("encoding", "str (a codec name such as 'utf-8')", encoding)
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            decoded = bytes(text).decode(encoding)
        except UnicodeDecodeError as err:
            raise DecodingError(encoding, str(err)) from None
        except LookupError as err:
            raise DecodingError(encoding, f"unknown encoding: {err}") from None
        except Exception as err:  # a codec that is not a text encoding (e.g. 'zlib', 'base64')
            raise DecodingError(encoding, f"{type(err).__name__}: {err}") from None
        if not isinstance(decoded, str):
            raise DecodingError(encoding, "not a text encoding")
        return coerce_text(decoded, encoding)
    raise InputTypeError("text", "str or bytes", text)
