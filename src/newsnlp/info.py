"""``newsnlp info``: versions, shipped models and data, stages and installed extras.

Everything is read from the installation itself (package metadata, the files under
``newsnlp/data``, the model's ``meta.json`` and ``scores.json``, the stage registry); nothing is
loaded or downloaded.
"""

from __future__ import annotations

import json
import platform
import re
from importlib import metadata
from pathlib import Path
from typing import Any

from .data import DATA_DIR

__all__ = ["collect_info", "format_info"]

#: Libraries whose versions ``info`` reports (distribution names), core first.
LIBRARIES = (
    "spacy",
    "PySastrawi",
    "rapidfuzz",
    "lxml",
    "trafilatura",
    "hijridate",
    "tqdm",
    "rich",
    "pandas",
    "pyarrow",
    "dask",
    "distributed",
    "matplotlib",
    "stanza",
    "torch",
)

_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _size(path: Path) -> tuple[int, int]:
    """``(bytes, files)`` of a file or a folder (``__pycache__`` left out)."""
    if path.is_file():
        return path.stat().st_size, 1
    files = [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sum(p.stat().st_size for p in files), len(files)


def _model_info(folder: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    meta = folder / "meta.json"
    if meta.is_file():
        data = json.loads(meta.read_text(encoding="utf-8"))
        out.update({k: data[k] for k in ("name", "version", "description") if k in data})
        out["labels"] = sorted({lab for labs in data.get("labels", {}).values() for lab in labs})
    scores = folder / "scores.json"
    if scores.is_file():
        data = json.loads(scores.read_text(encoding="utf-8"))
        entry: dict[str, Any] = {"what": data.get("what")}
        for key, value in data.items():
            if (
                value
                and isinstance(value, dict)
                and all(
                    isinstance(v, dict) and isinstance(v.get("all"), (int, float)) for v in value.values()
                )
            ):
                entry[key] = {label: v["all"] for label, v in value.items()}
        out["scores"] = entry
    return out


def _data_files() -> list[dict[str, Any]]:
    """The shipped models and data, one entry per file or folder under ``data/<group>/``."""
    entries = []
    for group in sorted(p for p in DATA_DIR.iterdir() if p.is_dir() and p.name != "__pycache__"):
        if (group / "meta.json").is_file():  # a spaCy model folder: one entry
            size, n = _size(group)
            entries.append({"path": group.name, "bytes": size, "files": n, **_model_info(group)})
            continue
        for item in sorted(group.iterdir()):
            if item.name in ("__init__.py", "__pycache__"):
                continue
            size, n = _size(item)
            entries.append({"path": f"{group.name}/{item.name}", "bytes": size, "files": n})
    return entries


def _extras() -> dict[str, dict[str, Any]]:
    """Each extra of the ``newsnlp`` distribution, its requirements and whether all are installed."""
    try:
        requires = metadata.requires("newsnlp") or []
    except metadata.PackageNotFoundError:
        return {}
    extras: dict[str, list[str]] = {}
    for req in requires:
        extra = _EXTRA.search(req)
        name = _REQ_NAME.match(req)
        if extra and name:
            extras.setdefault(extra.group(1), []).append(name.group(1))
    out = {}
    for extra, names in sorted(extras.items()):
        missing = sorted({n for n in names if _version(n) is None})
        out[extra] = {"installed": not missing, "missing": missing}
    return out


def _stages() -> list[dict[str, Any]]:
    from .pipeline import DEFAULT_STAGES
    from .registry import available_stages, known_stages

    present = set(available_stages(tuple(known_stages())))
    return [
        {"name": name, "available": name in present, "default": name in DEFAULT_STAGES}
        for name in known_stages()
    ]


def collect_info() -> dict[str, Any]:
    """Everything ``newsnlp info`` prints, as a dict (``newsnlp info --json``)."""
    from . import __version__

    return {
        "newsnlp": __version__,
        "location": str(DATA_DIR.parent),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "libraries": {name: _version(name) for name in LIBRARIES},
        "data": _data_files(),
        "stages": _stages(),
        "extras": _extras(),
    }


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


def format_info(info: dict[str, Any]) -> str:
    """The text ``newsnlp info`` prints."""
    lines = [
        f"newsnlp {info['newsnlp']} ({info['location']})",
        f"python {info['python']} on {info['platform']}",
        "",
        "libraries:",
    ]
    for name, version in info["libraries"].items():
        lines.append(f"  {name:<12} {version or '-'}")
    lines += ["", "shipped models and data (newsnlp/data):"]
    for entry in info["data"]:
        files = f", {entry['files']} files" if entry["files"] > 1 else ""
        line = f"  {entry['path']:<36} {_human(entry['bytes']):>9}{files}"
        if "version" in entry:
            line += f"  {entry.get('name', '')} {entry['version']} ({', '.join(entry.get('labels', []))})"
        lines.append(line)
        scores = entry.get("scores") or {}
        for key, per_label in scores.items():
            if key == "what" or not isinstance(per_label, dict):
                continue
            shown = ", ".join(f"{label} {value:.3f}" for label, value in sorted(per_label.items()))
            lines.append(f"    {key}: {shown}")
        if scores.get("what"):
            lines.append(f"    ({scores['what']})")
    lines += ["", "stages (* = in the default pipeline):"]
    for stage in info["stages"]:
        mark = "*" if stage["default"] else " "
        state = "" if stage["available"] else "  (not installed)"
        lines.append(f"  {mark} {stage['name']}{state}")
    lines += ["", 'extras (pip install "newsnlp[NAME]"):']
    if not info["extras"]:
        lines.append("  unknown: newsnlp is not installed as a distribution")
    for name, extra in info["extras"].items():
        state = "installed" if extra["installed"] else "missing " + ", ".join(extra["missing"])
        lines.append(f"  {name:<10} {state}")
    return "\n".join(lines)
