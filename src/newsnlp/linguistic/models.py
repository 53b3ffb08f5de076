"""The linguistic stage's models (stanza's, which newsnlp does not ship): where they live, how to get them.

The default pipeline needs nothing from here (its models ship inside the package). The optional
``linguistic`` stage uses stanza's Indonesian models, which users with internet fetch once::

    newsnlp models download                 # = stanza.download("id") into stanza's resources dir
    newsnlp models download --dir /data/stanza_resources

and which the stage then reads locally (it never downloads).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import ModelNotFoundError, NewsNLPError

__all__ = [
    "add_models_command",
    "default_model_dir",
    "download_stanza",
    "import_stanza",
    "missing_models_message",
    "stanza_models_present",
]


def default_model_dir() -> Path:
    """stanza's resources directory: ``$STANZA_RESOURCES_DIR``, else stanza's own default.

    (``~/.cache/stanza/<version>/resources`` in stanza 1.15, ``~/stanza_resources`` in older
    releases.)

    This is where ``newsnlp models download`` (and ``stanza.download``) put the models.
    """
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:
        return Path("~/stanza_resources").expanduser()
    return Path(DEFAULT_MODEL_DIR).expanduser()


def missing_models_message(model_dir: Path | str | None, lang: str = "id", reason: str = "") -> str:
    """What to tell a user whose stanza models (or stanza itself) are missing."""
    where = Path(model_dir) if model_dir is not None else default_model_dir()
    head = reason or f"stanza's Indonesian models were not found in {where}"
    return (
        f"{head}. The 'linguistic' stage reads stanza models from a local directory and never "
        f"downloads them. To get them:\n"
        f"  pip install 'newsnlp[stanza]'\n"
        f"  newsnlp models download            # runs stanza.download('{lang}') into {where}\n"
        f"or, without internet on this machine, copy a stanza resources directory made elsewhere "
        f"(the one holding resources.json and {lang}/) to {where}, or point the stage at it: "
        f"Pipeline(stages=('text', 'linguistic'), config={{'linguistic': {{'model_dir': '/path/to/stanza_resources'}}}})"
        f" or set STANZA_RESOURCES_DIR."
    )


def import_stanza(model_dir: Path | str | None):
    try:
        import stanza
    except ImportError as err:
        raise ModelNotFoundError(
            missing_models_message(model_dir, reason=f"stanza is not installed ({err})")
        ) from None
    return stanza


def stanza_models_present(model_dir: str | os.PathLike[str] | None = None, lang: str = "id") -> bool:
    """Whether ``model_dir`` (default stanza's resources dir) holds stanza models for ``lang``."""
    where = Path(model_dir).expanduser() if model_dir is not None else default_model_dir()
    return (where / "resources.json").is_file() and (where / lang).is_dir()


def download_stanza(
    model_dir: str | os.PathLike[str] | None = None,
    package: str | None = "default",
    lang: str = "id",
) -> Path:
    """Download stanza's models for ``lang`` (``stanza.download``) and return their directory.

    Needs stanza (``pip install newsnlp[stanza]``) and internet access. Raises
    :class:`~newsnlp.errors.ModelNotFoundError` without stanza and
    :class:`~newsnlp.errors.NewsNLPError` when the download fails.
    """
    where = Path(model_dir).expanduser() if model_dir is not None else default_model_dir()
    try:
        import stanza
    except ImportError as err:
        raise ModelNotFoundError(
            missing_models_message(where, lang, reason=f"stanza is not installed ({err})")
        ) from None
    try:
        stanza.download(lang, model_dir=str(where), package=package, logging_level="INFO")
    except Exception as err:
        raise NewsNLPError(
            f"stanza.download({lang!r}) into {where} failed: {type(err).__name__}: {err}. "
            f"It needs internet access; on a machine without it, copy a stanza resources directory "
            f"made elsewhere (resources.json and {lang}/) to {where} or pass model_dir."
        ) from err
    return where


def _cmd_models_download(args: argparse.Namespace) -> int:
    where = download_stanza(model_dir=args.dir, package=args.package, lang=args.lang)
    print(f"newsnlp models: stanza models for {args.lang!r} are in {where}")
    print(
        "use them with Pipeline(stages=('text', 'linguistic'))"
        + ("" if args.dir is None else f" and config={{'linguistic': {{'model_dir': {str(where)!r}}}}}")
    )
    return 0


def add_models_command(subparsers: argparse._SubParsersAction) -> None:
    """Add ``newsnlp models download`` to the ``newsnlp`` command's subparsers."""
    m = subparsers.add_parser("models", help="get the optional models (stanza, for the linguistic stage)")
    msub = m.add_subparsers(dest="models_command", required=True)
    d = msub.add_parser(
        "download", help="download stanza's Indonesian models (needs internet and newsnlp[stanza])"
    )
    d.add_argument("--dir", default=None, help="stanza resources directory (default: stanza's own)")
    d.add_argument("--package", default="default", help="stanza package (default: stanza's default for id)")
    d.add_argument("--lang", default="id", help=argparse.SUPPRESS)
    d.set_defaults(func=_cmd_models_download)
