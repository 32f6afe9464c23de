"""The gap report's summary: the acceptable Parts said once, and Parts XI-XIII bound only through
the schemes an accepted or acceptable Part relies on (Art 2(a)(iii))."""

from __future__ import annotations

from pathlib import Path

from c102.evaluate.assessment import Assessment
from c102.evaluate.engine import assess
from c102.language.load import load_description
from c102.report.kinds.gap import parts_table, summary_bullets

ROOT = Path(__file__).resolve().parents[2]


def _assessment(name: str) -> Assessment:
    return assess(load_description(ROOT / "countries" / name))


def _rows(assessment: Assessment) -> dict[str, list[str]]:
    return {row[0]: row for row in parts_table(assessment)["rows"]}


def test_the_article_2_bullet_does_not_repeat_the_parts_that_could_be_accepted() -> None:
    for name in ("namibia.c102", "examples/examplia.c102"):
        bullets = summary_bullets(_assessment(name))
        text = " ".join(bullets)
        assert text.count("Parts that could be accepted now") == 1, bullets
        assert bullets[1].startswith("Article 2: ")


def test_parts_xi_to_xiii_are_not_binding_where_no_part_relies_on_a_scheme() -> None:
    # Namibia accepts no Part and none could be accepted now: Part XIII's appeal failure binds nothing.
    assessment = _assessment("namibia.c102")
    assert not assessment.ratification.accepted_parts and not assessment.ratification.acceptable_parts
    rows = _rows(assessment)
    for part in ("Part XI", "Part XII", "Part XIII"):
        assert rows[part][4] == "not binding (Art 2(a)(iii))"
    examplia = _rows(_assessment("examples/examplia.c102"))
    assert examplia["Part XI"][4] == "binding for the schemes relied on (Art 2(a)(iii))"
