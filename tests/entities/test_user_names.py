"""The user's own names (option ``names``) and entities set before the stage (a spaCy
``entity_ruler`` placed first): merged with the shipped gazetteer and the model, never replaced."""

from __future__ import annotations

import json

import pytest
import spacy

from newsnlp import Pipeline
from newsnlp.entities.gazetteer import Gazetteer
from newsnlp.entities.user_names import read_names, with_user_names
from newsnlp.errors import ConfigError

TEXT = (
    "Kopi Kenangan membuka gerai baru di Sleman. Pendiri Kopi Kenangan, Edward Tirtanata, "
    "bertemu Pak Bas dan CEO Microsoft Satya Nadella di Jakarta."
)
ROWS = [
    {"name": "Kopi Kenangan", "label": "ORG", "kb_id": "crm:1042"},
    ("Pak Bas", "PER", "Basuki Hadimuljono"),
    {"name": "Edward Tirtanata", "label": "PER", "aliases": "Edward|Tirtanata"},
]


def ents(art, text):
    return [e for e in art.entities if e.text == text]


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(stages=("text", "entities"), config={"entities": {"names": ROWS}})


def test_user_names_from_python_objects(nlp):
    art = nlp(TEXT)
    kopi = ents(art, "Kopi Kenangan")
    assert len(kopi) == 2 and {e.label for e in kopi} == {"ORG"}
    assert {e.kb_id for e in kopi} == {"crm:1042"} and len({e.entity_id for e in kopi}) == 1
    assert all(e.source == "user" for e in kopi)
    bas = ents(art, "Pak Bas")[0]
    assert bas.label == "PER" and bas.canonical == "Basuki Hadimuljono"
    # merged, not replaced: the shipped gazetteer and the model still work
    assert ents(art, "Microsoft")[0].label == "ORG"
    assert ents(art, "Sleman")[0].kb_id == "wilayah:34.04"
    assert ents(art, "Satya Nadella")[0].label == "PER"


def test_user_names_do_not_change_the_shared_gazetteer(nlp):
    base = Gazetteer.load()
    assert base.user is None and base.lookup("Kopi Kenangan") is None
    plain = Pipeline(stages=("text", "entities"))(TEXT)
    assert not any(e.source == "user" for e in plain.entities)


@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".json", ".jsonl"])
def test_user_names_from_files(tmp_path, suffix):
    path = tmp_path / f"names{suffix}"
    rows = [
        {"name": "Kopi Kenangan", "label": "ORG", "canonical": "PT Bumi Berkah Boga", "kb_id": "crm:1042"},
        {"name": "Janji Jiwa", "label": "ORG"},
    ]
    if suffix in (".tsv", ".csv"):
        sep = "\t" if suffix == ".tsv" else ","
        lines = [sep.join(["name", "label", "canonical", "kb_id"])]
        lines += [sep.join([r["name"], r["label"], r.get("canonical", ""), r.get("kb_id", "")]) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(rows), encoding="utf-8")
    else:
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    nlp = Pipeline(stages=("text", "entities"), config={"entities": {"names": str(path)}})
    art = nlp("Gerai Kopi Kenangan dan Janji Jiwa ramai di Bandung.")
    kopi = ents(art, "Kopi Kenangan")[0]
    assert (kopi.label, kopi.canonical, kopi.kb_id) == ("ORG", "PT Bumi Berkah Boga", "crm:1042")
    assert ents(art, "Janji Jiwa")[0].label == "ORG"


@pytest.mark.parametrize(
    "bad, message",
    [
        ([("Kopi", "FOOD")], "label 'FOOD'"),
        ([{"name": "", "label": "ORG"}], "empty name"),
        ([{"name": "X Y", "label": "ORG", "colour": "red"}], "unknown field"),
        ({"Kopi": "ORG"}, "not a mapping"),
        ("/no/such/file.tsv", "no file"),
    ],
)
def test_malformed_names_are_a_config_error(bad, message):
    with pytest.raises(ConfigError, match=message):
        read_names(bad)


def test_user_names_win_over_shipped_names():
    # a user's longer or different reading of a known name is kept as the user gave it
    gaz = with_user_names(Gazetteer.load(), [("Bank Indonesia Timur", "ORG")])
    hits = gaz.match("Kantor Bank Indonesia Timur di Makassar.")
    assert [(h.kind, gaz.labels[h.entry]) for h in hits][:1] == [("user", "ORG")]


def test_an_entity_ruler_placed_first_is_not_overridden():
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "Kopi Kenangan", "id": "crm:1042"},
            {"label": "FOOD", "pattern": [{"LOWER": "rendang"}]},
            {"label": "PER", "pattern": "Jakarta"},  # the user's decision, even against the gazetteer
        ]
    )
    nlp.add_pipe("newsnlp_entities")
    doc = nlp("Kopi Kenangan menjual rendang di Jakarta bersama Microsoft.")
    got = {(e.text, e.label_) for e in doc.ents}
    assert {("Kopi Kenangan", "ORG"), ("rendang", "FOOD"), ("Jakarta", "PER")} <= got
    assert ("Microsoft", "ORG") in got  # newsnlp adds its own where the ruler left room
    spans = {s.text: s for s in doc.spans["entities"]}
    assert spans["Jakarta"].label_ == "PER" and spans["Jakarta"]._.entity_source == "user"
