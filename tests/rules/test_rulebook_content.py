"""The legal content of the C102 rulebook, checked against the Convention's figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from c102.rules.load import load_rulebook
from c102.rules.model import Rule

ARTICLE_3_EXCEPTIONS = [
    "9(d)",
    "12(2)",
    "15(d)",
    "18(2)",
    "21(c)",
    "27(d)",
    "33(b)",
    "34(3)",
    "41(d)",
    "48(c)",
    "55(d)",
    "61(d)",
]


def _rule(rule_id: str) -> Rule:
    return load_rulebook().rule(rule_id)


def test_schedule_to_part_xi() -> None:
    rulebook = load_rulebook()
    rows = {r.row: (r.part, r.standard_beneficiary, r.percent) for r in rulebook.schedule.values()}
    assert rows == {
        "sickness": ("III", "man_with_wife_and_two_children", 45),
        "unemployment": ("IV", "man_with_wife_and_two_children", 45),
        "old_age": ("V", "man_with_wife_of_pensionable_age", 40),
        "employment_injury_incapacity": ("VI", "man_with_wife_and_two_children", 50),
        "employment_injury_invalidity": ("VI", "man_with_wife_and_two_children", 50),
        "employment_injury_survivors": ("VI", "widow_with_two_children", 40),
        "maternity": ("VIII", "woman", 45),
        "invalidity": ("IX", "man_with_wife_and_two_children", 40),
        "survivors": ("X", "widow_with_two_children", 40),
    }
    family = {b.id: (b.spouse, b.children) for b in rulebook.standard_beneficiaries.values()}
    assert family == {
        "man_with_wife_and_two_children": (True, 2),
        "man_with_wife_of_pensionable_age": (True, 0),
        "widow_with_two_children": (False, 2),
        "woman": (False, 0),
    }


def test_benefit_level_rows_and_contribution_years() -> None:
    levels = {r.part: r.params for r in load_rulebook().rules if r.kind == "benefit_level"}
    assert set(levels) == {"III", "IV", "V", "VI", "VIII", "IX", "X"}
    assert {p: levels[p].get("years") for p in levels} == {
        "III": None,
        "IV": None,
        "V": 30,
        "VI": None,
        "VIII": None,
        "IX": 15,
        "X": 15,
    }
    assert levels["VI"]["rows"] == [
        "employment_injury_incapacity",
        "employment_injury_invalidity",
        "employment_injury_survivors",
    ]
    # Art 67(d) names Parts III, V, IX and X with their (b) alternatives, and not Part IV.
    assert {p: levels[p].get("article_67_d") for p in ("III", "IV", "V", "IX", "X")} == {
        "III": {"excess_percent": 30, "alternative": "15(b)"},
        "IV": None,
        "V": {"excess_percent": 30, "alternative": "27(b)"},
        "IX": {"excess_percent": 30, "alternative": "55(b)"},
        "X": {"excess_percent": 30, "alternative": "61(b)"},
    }


def test_article_3_lists_the_twelve_exceptions_and_declarations_use_them() -> None:
    assert _rule("I-3-exceptions").params["exceptions"] == ARTICLE_3_EXCEPTIONS
    used = set()
    for rule in load_rulebook().rules:
        for alternative in rule.params.get("alternatives", []):
            if isinstance(alternative, dict) and "requires_declaration" in alternative:
                used.add(alternative["requires_declaration"])
    assert used == set(ARTICLE_3_EXCEPTIONS)


@pytest.mark.parametrize(
    ("rule_id", "means_tested"),
    [
        ("II-9-coverage", None),
        ("III-15-coverage", "15(c)"),
        ("IV-21-coverage", "21(b)"),
        ("V-27-coverage", "27(c)"),
        ("VI-33-coverage", None),
        ("VII-41-coverage", "41(c)"),
        ("VIII-48-coverage", None),
        ("IX-55-coverage", "55(c)"),
        ("X-61-coverage", "61(c)"),
    ],
)
def test_coverage_alternatives(rule_id: str, means_tested: str | None) -> None:
    alternatives = {a["id"]: a for a in _rule(rule_id).params["alternatives"]}
    for alt in alternatives.values():
        if "denominator" in alt:
            assert (
                alt["threshold"]
                == {"employees": 50, "industrial_employees": 50, "residents": alt["threshold"]}[
                    alt["denominator"]
                ]
            )
            if alt["counts"][0] == "economically_active":
                assert alt["threshold"] == 20
    if means_tested:
        alt = alternatives[means_tested]
        assert alt["counts"] == ["means_tested_residents"] and "threshold" not in alt
        # Art 41(c) sets prescribed means limits without tying them to Art 67.
        assert alt.get("requires_article_67", False) is (means_tested != "41(c)")


def test_qualifying_periods_of_long_term_benefits() -> None:
    v, ix, x = (
        _rule(i).params
        for i in ("V-29-qualifying-period", "IX-57-qualifying-period", "X-63-qualifying-period")
    )
    assert v["full"] == {"id": "29(1)(a)", "contribution": 30, "employment": 30, "residence": 20}
    assert v["reduced"] == {"id": "29(2)(a)", "contribution": 15, "employment": 15}
    assert v["ten_point"] == {
        "id": "29(3)",
        "contribution": 10,
        "employment": 10,
        "residence": 5,
        "points": 10,
    }
    assert v["proportional"] == {"id": "29(4)", "from": 10, "to": 30}
    for params, art in ((ix, "57"), (x, "63")):
        assert params["full"] == {"id": f"{art}(1)(a)", "contribution": 15, "employment": 15, "residence": 10}
        assert params["reduced"] == {"id": f"{art}(2)(a)", "contribution": 5, "employment": 5}
        assert params["ten_point"] == {
            "id": f"{art}(3)",
            "contribution": 5,
            "employment": 5,
            "residence": 5,
            "points": 10,
        }
        assert params["proportional"] == {"id": f"{art}(4)", "from": 5, "to": 15}
    assert _rule("VI-37-qualifying-period").params == {"max": {}}
    assert _rule("VII-43-qualifying-period").params["max"] == {
        "contribution": {"amount": 3, "unit": "months"},
        "employment": {"amount": 3, "unit": "months"},
        "residence": {"amount": 1, "unit": "years"},
    }
    for rule_id in (
        "II-11-qualifying-period",
        "III-17-qualifying-period",
        "IV-23-qualifying-period",
        "VIII-51-qualifying-period",
    ):
        assert _rule(rule_id).kind == "judgment" and _rule(rule_id).params == {
            "when": "has_qualifying_period"
        }


def test_waiting_periods_and_durations() -> None:
    waits = {r.id: r.params["max"] for r in load_rulebook().rules if r.kind == "waiting_period_max"}
    assert waits == {
        "III-18-waiting-period": {"amount": 3, "unit": "days"},
        "IV-24-3-waiting-period": {"amount": 7, "unit": "days"},
        "VI-38-waiting-period": {"amount": 3, "unit": "days"},
    }
    throughout = {
        r.part for r in load_rulebook().rules if r.kind == "duration_min" and r.params["throughout"]
    }
    assert throughout == {"V", "VI", "VII", "X"}
    sickness = {a["id"]: a for a in _rule("III-18-duration").params["alternatives"]}
    assert sickness["18(1)"]["min"] == {"amount": 26, "unit": "weeks"}
    assert sickness["18(2)(a)"]["days_per_protected"] == 10
    assert sickness["18(2)(b)"]["min"] == {"amount": 13, "unit": "weeks"}
    care = _rule("II-12-duration").params
    assert care["extension_required"] is True
    unemployment = {a["id"]: a for a in _rule("IV-24-duration").params["alternatives"]}
    assert unemployment["24(1)(b)"]["counts"] == ["means_tested_residents"]
    assert unemployment["24(2)"]["average"] == {"amount": 13, "unit": "weeks"}
    assert _rule("VIII-52-duration").params["alternatives"] == [
        {"id": "52", "min": {"amount": 12, "unit": "weeks"}, "national_leave": True}
    ]


def test_cost_sharing() -> None:
    assert _rule("II-10-cost-sharing-hardship").params == {
        "contingency": "morbid_condition",
        "permitted": True,
    }
    assert _rule("VIII-49-cost-sharing").params == {"contingency": "pregnancy", "permitted": False}


def test_suspension_grounds_use_the_description_codes() -> None:
    params = _rule("XIII-69-suspension").params
    assert params["permitted"] == {
        "absence": "69(a)",
        "maintained_at_public_expense": "69(b)",
        "other_benefit": "69(c)",
        "fraud": "69(d)",
        "criminal_offence": "69(e)",
        "wilful_misconduct": "69(f)",
        "neglect_of_care": "69(g)",
        "employment_services": "69(h)",
        "trade_dispute": "69(i)",
        "voluntary_leaving": "69(i)",
        "cohabitation": "69(j)",
    }
    assert params["branch_only"] == {
        "employment_services": "unemployment",
        "trade_dispute": "unemployment",
        "voluntary_leaving": "unemployment",
        "cohabitation": "survivors",
    }


def test_part_xiii_and_choices() -> None:
    share = _rule("XIII-71-2-employee-share").params
    assert share["max_share"] == 50
    # Art 71(2): family benefit always, employment injury only where a special branch provides it.
    assert share["excluded_branches"] == ["family"]
    assert share["excluded_if_separate"] == ["employment_injury"]
    assert _rule("XIII-71-3-actuarial-review").params == {"facts": ["actuarial_review"]}
    assert _rule("XIII-71-1-hardship").kind == "judgment"
    choices = load_rulebook().choices
    assert choices["family_allowances_in_part_xi"].default is True
    assert choices["family_allowances_in_part_xi"].articles == ("65(1)", "66(1)")
    assert choices["voluntary_insurance_counts"].default is False


REFERENCE = Path("/work/shared/reference/C102-social-security-minimum-standards-1952.md")


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the authentic text is not available here")
def test_texts_paraphrase_rather_than_copy_the_convention() -> None:
    """No run of eight words of the Convention appears in a summary, question, effect or reason."""

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", text.lower())

    source = words(REFERENCE.read_text(encoding="utf-8"))
    shingles = {" ".join(source[i : i + 8]) for i in range(len(source) - 7)}
    rulebook = load_rulebook()
    texts = [(rule.id, t) for rule in rulebook.rules for t in (rule.summary, rule.question or "")]
    texts += [
        (rule.id, str(q)) for rule in rulebook.rules for q in rule.params.get("conditions", {}).values()
    ]
    texts += [(c.id, t) for c in rulebook.choices.values() for t in (c.question, c.effect)]
    texts += list(rulebook.no_checkable_requirement.items())
    for where, text in texts:
        tokens = words(text)
        runs = (" ".join(tokens[i : i + 8]) for i in range(len(tokens) - 7))
        copied = [run for run in runs if run in shingles]
        assert not copied, (where, copied)
