"""The typed description of a country's social security law.

Field names of these dataclasses are the keywords of the description language: the parser,
the YAML/JSON reader, ``c102 fmt`` and the JSON Schema are all derived from them.
"""

from c102.model.description import (
    Article3Declaration,
    Benefit,
    Country,
    Description,
    Financing,
    OtherConvention,
    ProtectedGroup,
    QualifyingPeriod,
    Ratification,
    Review,
    Scheme,
    Statistics,
)
from c102.model.values import (
    BRANCH_PART,
    BRANCHES,
    Count,
    Duration,
    Fact,
    Money,
    Percent,
    SexSplit,
)

__all__ = [
    "BRANCHES",
    "BRANCH_PART",
    "Article3Declaration",
    "Benefit",
    "Count",
    "Country",
    "Description",
    "Duration",
    "Fact",
    "Financing",
    "Money",
    "OtherConvention",
    "Percent",
    "ProtectedGroup",
    "QualifyingPeriod",
    "Ratification",
    "Review",
    "Scheme",
    "SexSplit",
    "Statistics",
]
