"""``docs/architecture.md`` stays true: its table of rooms is the registry's declarations, its row
order is the processing order, and its "Adding a stage" example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsnlp import registry
from newsnlp.input import INPUT_ASSIGNS
from tests.stage_contract import check_declared_writes

DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"
TEXT = DOC.read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = TEXT.index(f"## {title}\n")
    end = TEXT.find("\n## ", start + 1)
    return TEXT[start : end if end >= 0 else len(TEXT)]


def _rows() -> list[dict]:
    rows = []
    for line in _section("The rooms").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[0].startswith("`"):
            continue
        name = re.match(r"`([^`]+)`", cells[0]).group(1)
        rows.append(
            {
                "name": name,
                "note": cells[0],
                "package": cells[1].strip("`"),
                "requires": tuple(re.findall(r"`([^`]+)`", cells[2])),
                "assigns": tuple(re.findall(r"`([^`]+)`", cells[3])),
                "uses": tuple(re.findall(r"`([^`]+)`", cells[4])),
            }
        )
    return rows


ROWS = _rows()
STAGE_ROWS = [r for r in ROWS if r["name"] != "input"]


def test_the_table_was_read():
    assert [r["name"] for r in ROWS][:3] == ["input", "text", "linguistic"]


def test_the_input_row_is_what_the_input_room_assigns():
    row = ROWS[0]
    assert row["name"] == "input" and row["assigns"] == INPUT_ASSIGNS and row["requires"] == ()


def test_rows_follow_the_processing_order():
    assert [r["name"] for r in STAGE_ROWS] == list(registry.STAGE_ORDER)


@pytest.mark.parametrize("row", STAGE_ROWS, ids=lambda r: r["name"])
def test_each_row_is_the_registered_declaration(row):
    name = row["name"]
    if "(planned)" in row["note"]:
        assert not registry.available_stages((name,)), f"{name} exists now: fill its row, drop '(planned)'"
        return
    meta = registry.get_stage_meta(name)
    assigns = meta.assigns + meta.amends  # the table lists amended layers with the assigned ones
    assert (row["requires"], row["assigns"], row["uses"]) == (meta.requires, assigns, meta.uses)
    module = registry._BUILTIN_MODULES[name]
    assert row["package"] == "newsnlp/" + module.split(".")[1] + "/"
    if meta.part_of is not None:
        assert f"part of `{meta.part_of}`" in row["note"]
    assert ("(optional)" in row["note"]) == (name not in registry.DEFAULT_CANDIDATES and meta.part_of is None)


def test_the_adding_a_stage_example_runs(monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    blocks = re.findall(r"```python\n(.*?)```", _section("Adding a stage"), flags=re.S)
    assert len(blocks) == 1
    namespace: dict = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)
    seen = check_declared_writes(namespace["nlp"], "Harga beras naik di pasar.")
    assert "extra_stop_words: tokens.is_stop" in seen
