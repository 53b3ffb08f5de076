"""Stage options (``Pipeline(config=...)``): an unknown name is a :class:`ConfigError` that lists
the valid options, for every stage and every kind of factory, before any stage is built."""

from __future__ import annotations

from typing import Any

import pytest

from newsnlp import Pipeline, registry
from newsnlp.errors import ConfigError
from newsnlp.registry import BaseStage, register_stage, stage_options


@pytest.fixture
def scratch_registry(monkeypatch):
    """Registrations made in a test vanish after it (the built-in stages are registered first, so
    that their registrations outlive it)."""
    for name in registry.available_stages(registry.known_stages()):
        registry.get_stage_meta(name)
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))


@pytest.mark.parametrize(
    ("stage", "bad", "valid"),
    [
        ("text", "stemm", "stem"),
        ("entities", "fuzy", "fuzzy"),
        ("time", "infer", "infer_published"),
        ("structure", "outlet", "outlets"),
    ],
)
def test_unknown_option_of_every_builtin_stage_is_a_config_error(stage, bad, valid):
    stages = ("text", stage) if stage != "text" else ("text",)
    with pytest.raises(ConfigError) as info:
        Pipeline(stages=stages, config={stage: {bad: True}})
    message = str(info.value)
    assert info.value.stage == stage
    assert f"unknown option {bad!r}" in message and "valid options:" in message and valid in message
    assert info.value.__cause__ is None or isinstance(info.value.__cause__, TypeError)


def test_the_check_runs_before_any_stage_is_built(scratch_registry):
    built: list[str] = []

    class Probe(BaseStage):
        def __init__(self, name: str) -> None:
            self.name = name
            built.append(name)

        def process(self, article):
            return None

    register_stage("_first", assigns=("scratch.first",))(lambda: Probe("_first"))

    @register_stage("_second", assigns=("scratch.second",))
    def make_second(size: int = 1) -> Probe:
        return Probe("_second")

    with pytest.raises(ConfigError, match="'sise' \\(did you mean 'size'\\?\\); valid options: size"):
        Pipeline(stages=("_first", "_second"), config={"_second": {"sise": 2}})
    assert built == []


class _Counter(BaseStage):
    name = "_counter"

    def __init__(self, start: int = 0, step: int = 1) -> None:
        self.start, self.step = start, step

    def process(self, article):
        return None


def test_a_factory_passing_options_on_is_checked_against_the_class_it_returns(scratch_registry):
    @register_stage("_counter", assigns=("scratch.counter",))
    def make_counter(**options: Any) -> _Counter:
        if "begin" in options:  # an alias the factory reads itself
            options["start"] = options.pop("begin")
        return _Counter(**options)

    assert stage_options("_counter") == (("start", "step"), False)
    assert Pipeline(stages=("_counter",), config={"_counter": {"begin": 3}}).get_stage("_counter").start == 3
    with pytest.raises(
        ConfigError, match="unknown option 'stp' \\(did you mean 'step'\\?\\); valid options: start, step"
    ):
        Pipeline(stages=("_counter",), config={"_counter": {"stp": 2}})


def test_declared_options_are_the_complete_list(scratch_registry):
    @register_stage("_counter", assigns=("scratch.counter",), options=("start", "step", "begin"))
    def make_counter(**options: Any) -> _Counter:
        if "begin" in options:
            options["start"] = options.pop("begin")
        return _Counter(**options)

    assert stage_options("_counter") == (("start", "step", "begin"), True)
    with pytest.raises(ConfigError, match="valid options: start, step, begin"):
        Pipeline(stages=("_counter",), config={"_counter": {"end": 2}})
    with pytest.raises(ConfigError, match="tuple of option names"):
        register_stage("_bad", assigns=("scratch.x",), options="start")


def test_option_names_must_be_strings():
    with pytest.raises(ConfigError, match="must be strings"):
        Pipeline(stages=("text",), config={"text": {1: True}})


def test_a_type_error_inside_a_factory_with_valid_options_stays_a_stage_error(scratch_registry):
    from newsnlp.errors import StageError

    @register_stage("_broken", assigns=("scratch.broken",))
    def make_broken(size: int = 1) -> BaseStage:
        return len(size)  # a bug of the factory, not a bad option

    with pytest.raises(StageError):
        Pipeline(stages=("_broken",), config={"_broken": {"size": 2}})
