"""Reading ``newsnlp batch`` output strictly, for the integrity tests: every line or file must be
well-formed, and the rows are returned as ``{"row", "id", "failed"}`` in file order."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

__all__ = ["read_output"]


def _json_rows(data: bytes) -> list[dict[str, Any]]:
    assert data == b"" or data.endswith(b"\n"), "the output does not end with a complete line"
    out = []
    for line in data.decode("utf-8").splitlines():
        obj = json.loads(line)
        assert isinstance(obj, dict)
        out.append({"row": obj["row"], "id": obj["id"], "failed": "error" in obj})
    return out


def _parquet_rows(root: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    hidden = [p for p in root.rglob(".*")]
    assert not hidden, f"uncommitted files left: {hidden}"
    tables = json.loads((root / "_newsnlp.json").read_text(encoding="utf-8"))["tables"]
    parts = {t: sorted(p.name for p in (root / t).iterdir()) for t in tables}
    for table, names in parts.items():
        assert names == parts["articles"], f"{table} parts {names} != articles parts {parts['articles']}"
        for name in names:
            pq.read_table(root / table / name)  # each file readable on its own
    out = []
    for name in parts["articles"]:
        table = pq.read_table(root / "articles" / name, columns=["article", "id", "error"]).to_pylist()
        out.extend({"row": r["article"], "id": r["id"], "failed": r["error"] is not None} for r in table)
    return out


def read_output(path: Path) -> list[dict[str, Any]]:
    """The rows of a batch output (``.jsonl``, ``.jsonl.gz`` or a ``.parquet`` folder)."""
    if not path.exists():
        return []
    if path.name.endswith(".parquet"):
        return _parquet_rows(path)
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)  # every member complete, or this raises
    return _json_rows(data)


def id_as_written(value: Any, fmt: str) -> Any:
    """An expected id as the output holds it (Parquet stores ids as text)."""
    if fmt != "parquet" or value is None or isinstance(value, str):
        return value
    return json.dumps(value)
