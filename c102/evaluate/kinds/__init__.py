"""Rule kinds: each implemented once, reused by every Part with that kind of requirement.

A *scheme kind* judges one scheme serving the rule's Part (a finding per scheme); a *country
kind* judges the country once. The rulebook's ``kind`` names one of them.
"""

from __future__ import annotations

from c102.evaluate.kinds import (
    benefit,
    care,
    duration,
    financing,
    general,
    governance,
    judgment,
    persons_protected,
    qualifying_limit,
    qualifying_max,
    reduced_benefit_period,
)
from c102.evaluate.kinds.base import CountryKind, SchemeKind

SCHEME_KINDS: dict[str, SchemeKind] = {
    "benefit_level": benefit.benefit_level,
    "periodic_payment": benefit.periodic_payment,
    "commutation": benefit.commutation,
    "qualifying_period_max": qualifying_max.qualifying_period_max,
    "qualifying_period_limit": qualifying_limit.qualifying_period_limit,
    "reduced_benefit_period": reduced_benefit_period.reduced_benefit_period,
    "waiting_period_max": duration.waiting_period_max,
    "duration_min": duration.duration_min,
    "contingency": care.contingency,
    "pensionable_age": care.pensionable_age,
    "medical_care_items": care.medical_care_items,
    "cost_sharing": care.cost_sharing,
    "judgment": judgment.judgment,
    "review_of_rates": governance.review_of_rates,
    "equal_treatment": governance.equal_treatment,
    "suspension_grounds": governance.suspension_grounds,
    "right_of_appeal": governance.right_of_appeal,
    "participation": governance.participation,
}

COUNTRY_KINDS: dict[str, CountryKind] = {
    "coverage": persons_protected.coverage,
    "family_benefit_value": governance.family_benefit_value,
    "employee_contribution_share": financing.employee_contribution_share,
    "article_2": general.article_2,
    "article_3": general.article_3,
    "voluntary_insurance": general.voluntary_insurance,
    "article_75": general.article_75,
    "seafarers": general.seafarers,
    "information": governance.information,
}

# Scheme kinds that read the country as a whole when their rule sits outside Parts II-XIII or
# asks an unconditional question.
COUNTRY_VARIANTS: dict[str, CountryKind] = {
    "judgment": judgment.judgment_country,
}

KINDS = sorted({*SCHEME_KINDS, *COUNTRY_KINDS})
