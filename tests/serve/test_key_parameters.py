"""The key parameters the workbench offers for a quick what-if: each is a stated fact of a scheme,
and its value is found exactly where the description's text writes it."""

from __future__ import annotations

from pathlib import Path

from c102.language.load import load_description
from c102.reform.paths import resolve
from c102.web.parameters import KEY_FIELDS, key_parameters

ROOT = Path(__file__).resolve().parents[2]


def test_every_parameter_is_a_key_fact_written_at_its_place_in_the_text() -> None:
    for name in ("countries/examples/examplia.c102", "countries/togo.c102"):
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        description = load_description(str(path))
        schemes = key_parameters(description, text)
        assert schemes
        lines = text.split("\n")
        for scheme, parameters in schemes:
            assert scheme in {s.name for s in description.scheme}
            for p in parameters:
                assert p.path.rsplit(".", 1)[-1] in KEY_FIELDS
                resolve(description, p.path)  # a path c102 whatif accepts
                assert lines[p.line - 1][p.start :].startswith(p.value)
                assert "source" not in p.value and p.value == p.value.strip()


def test_parameters_are_named_in_words() -> None:
    path = ROOT / "countries/examples/examplia.c102"
    schemes = dict(key_parameters(load_description(str(path)), path.read_text(encoding="utf-8")))
    labels = [p.label for p in schemes["Sickness, maternity and employment injury insurance"]]
    assert "sickness benefit: rate" in labels
    assert "employment injury benefit (survivors): rate" in labels
    assert all("_" not in label for parameters in schemes.values() for label in (p.label for p in parameters))
