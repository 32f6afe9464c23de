"""The YAML and JSON forms read into the same model as the .c102 form, positions kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from c102.errors import DescriptionError
from c102.language.canonical import to_dict
from c102.language.load import load_description
from c102.language.schema import SCHEMA_PATH, generate_schema, schema_text
from c102.resources import data_path

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLIA = data_path("countries") / "examples" / "examplia.c102"


@pytest.fixture(scope="module")
def examplia():
    return load_description(EXAMPLIA)


@pytest.mark.parametrize("name", ["every-construct.yaml", "every-construct.json"])
def test_committed_dict_forms_equal_the_c102_form(name: str) -> None:
    assert load_description(FIXTURES / name) == load_description(FIXTURES / "every-construct.c102")


def test_yaml_keeps_positions() -> None:
    loaded = load_description(FIXTURES / "every-construct.yaml")
    text = (FIXTURES / "every-construct.yaml").read_text(encoding="utf-8").splitlines()
    position = loaded.country.iso.position
    assert text[position.line - 1][position.column - 1 :].startswith("VL")


def test_examplia_in_yaml_and_json_is_examplia(examplia, tmp_path: Path) -> None:
    data = to_dict(examplia)
    (tmp_path / "e.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (tmp_path / "e.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert load_description(tmp_path / "e.yaml") == examplia
    assert load_description(tmp_path / "e.json") == examplia


@pytest.mark.parametrize("path", sorted(data_path("countries").rglob("*.c102")), ids=lambda p: p.name)
def test_every_bundled_description_survives_yaml_and_json(path: Path, tmp_path: Path) -> None:
    original = load_description(path)
    data = to_dict(original)
    (tmp_path / "d.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    (tmp_path / "d.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_description(tmp_path / "d.yaml") == original
    assert load_description(tmp_path / "d.json") == original


def test_values_in_language_syntax_or_with_source(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(
        "country: {name: X}\n"
        "scheme:\n"
        "  - name: Pensions\n"
        "    branches: old_age, invalidity\n"
        "    kind: social_insurance\n"
        "    pensionable_age: {value: 'men 62, women 60', source: 'Act, s. 40'}\n"
        "    qualifying_period:\n"
        "      - {length: 15 years, kind: contribution}\n"
        "    benefit:\n"
        "      - {branch: old_age, minimum: 150 per month, rate: 40%}\n",
        encoding="utf-8",
    )
    scheme = load_description(path).scheme[0]
    assert scheme.branches.value == ["old_age", "invalidity"]
    assert str(scheme.pensionable_age.value.men) == "62" and scheme.pensionable_age.source == "Act, s. 40"
    assert str(scheme.qualifying_period[0].length.value) == "15 years"
    assert str(scheme.benefit[0].minimum.value) == "150 per month"


def test_json_keeps_decimals_exact(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text('{"country": {"name": "X"}, "statistics": {"sickness_days_paid": 0.1}}', encoding="utf-8")
    assert str(load_description(path).statistics.sickness_days_paid.value) == "0.1"


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DescriptionError, match="1 error"):
        load_description(tmp_path / "x.txt")
    with pytest.raises(DescriptionError) as raised:
        load_description(tmp_path / "absent.c102")
    assert raised.value.diagnostics[0].message == "file not found"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run: python -m c102.language.schema"


def test_schema_accepts_every_bundled_description_and_is_valid() -> None:
    import jsonschema

    schema = generate_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(data_path("countries").rglob("*.c102")):
        data = json.loads(json.dumps(to_dict(load_description(path))))
        assert not list(validator.iter_errors(data)), path.name


def test_schema_follows_the_model() -> None:
    schema = generate_schema()
    assert schema["required"] == ["country"]
    benefit = schema["$defs"]["Benefit"]
    assert "old_age" in benefit["properties"]["branch"]["enum"]
    assert benefit["required"] == ["branch"]
