"""Loading the real C102 rulebook: every file valid, cross-references sound, the result cached."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from c102.errors import RulebookError
from c102.resources import data_path
from c102.rules.load import load_rulebook

ROMAN_PARTS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]


def test_real_rulebook_loads_with_every_part() -> None:
    rulebook = load_rulebook()
    assert rulebook.instrument == "C102"
    assert rulebook.year == 1952
    assert list(rulebook.parts) == ROMAN_PARTS
    assert {rule.part for rule in rulebook.rules} == set(ROMAN_PARTS)
    assert rulebook.parts["V"].articles == ("25", "26", "27", "28", "29", "30")
    assert rulebook.parts["V"].branch == "old_age"
    assert rulebook.parts["V"].file == "rules/c102/part-05.yaml"


def test_rules_are_in_the_order_of_the_convention() -> None:
    parts = [rule.part for rule in load_rulebook().rules]
    assert parts == sorted(parts, key=ROMAN_PARTS.index)


def test_rule_ids_are_unique_and_carry_their_part() -> None:
    rules = load_rulebook().rules
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule.id.startswith(f"{rule.part}-"), rule.id
        assert rule.file.startswith("rules/c102/part-") and rule.line > 0


def test_the_teaching_example_answers_name_existing_rules() -> None:
    rulebook = load_rulebook()
    text = (data_path("countries") / "examples" / "examplia.c102").read_text(encoding="utf-8")
    answered = [line.split('"')[1] for line in text.splitlines() if line.strip().startswith('"')]
    assert "II-10-cost-sharing-hardship" in answered and "XIII-71-1-hardship" in answered
    for rule_id in answered:
        assert rulebook.rule(rule_id).question


def test_second_load_is_the_cached_object() -> None:
    assert load_rulebook() is load_rulebook("c102") is load_rulebook("C102")


def test_sha256_covers_every_file_in_order() -> None:
    import hashlib

    rulebook = load_rulebook()
    folder = data_path("rules") / "c102"
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.read_bytes())
    assert rulebook.sha256 == digest.hexdigest()
    assert rulebook.files == tuple(f"rules/c102/{p.name}" for p in sorted(folder.glob("*.yaml")))


def test_sha256_changes_when_a_rule_file_changes(tmp_path: Path) -> None:
    root = tmp_path / "rules"
    shutil.copytree(data_path("rules") / "c102", root / "c102")
    before = load_rulebook("c102", root=root).sha256
    assert before == load_rulebook().sha256
    path = root / "c102" / "part-05.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    other = tmp_path / "copy"
    shutil.copytree(root, other)
    assert load_rulebook("c102", root=other).sha256 != before


def test_a_second_instrument_is_just_a_folder(mini_root) -> None:  # type: ignore[no-untyped-def]
    rulebook = load_rulebook("mini", root=mini_root())
    assert rulebook.instrument == "MINI"
    assert [r.id for r in rulebook.rules] == [
        "I-2-parts",
        "II-3-coverage",
        "II-4-benefit-level",
        "II-5-qualifying-period",
    ]
    assert rulebook.schedule["old_age"].percent == 40
    assert rulebook.choices["count_everyone"].default is False
    assert rulebook.no_checkable_requirement == {"1": "definitions", "6-7": "final provisions"}


def test_unknown_instrument_is_a_rulebook_error(tmp_path: Path) -> None:
    with pytest.raises(RulebookError) as caught:
        load_rulebook("c999")
    assert "no rulebook for instrument 'c999'" in caught.value.render()
    assert "available: c102" in caught.value.render()


def test_a_part_may_span_two_files(mini_root) -> None:  # type: ignore[no-untyped-def]
    root = mini_root()
    extra = root / "mini" / "part-02-more.yaml"
    extra.write_text(
        (root / "mini" / "part-02.yaml").read_text(encoding="utf-8").split("  - id: II-3-coverage")[0]
        + "  - id: II-5-more\n    articles: ['5']\n    title: More\n    summary: Another rule.\n"
        "    topic: general\n    kind: information\n    params: { facts: [] }\n",
        encoding="utf-8",
    )
    rulebook = load_rulebook("mini", root=root)
    ids = [r.id for r in rulebook.rules_of("II")]
    assert sorted(ids) == ["II-3-coverage", "II-4-benefit-level", "II-5-more", "II-5-qualifying-period"]
    assert rulebook.parts["II"].file == "rules/mini/part-02-more.yaml"
