"""c102: assess social security law against ILO Convention No. 102.

The public API is small and stable; heavy modules load only when used:

    from c102 import load_description, assess
    description = load_description("countries/jordan.c102")
    assessment = assess(description)
    assessment.to_json()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from c102.evaluate.assessment import Assessment
    from c102.model.description import Description

__all__ = ["__version__", "assess", "load_description"]


def load_description(path: str) -> Description:
    """Parse a scheme description (.c102, .yaml or .json) into the typed model."""
    from c102.language.load import load_description as _load

    return _load(path)


def assess(description: Description, **options: Any) -> Assessment:
    """Evaluate a description against the C102 rulebook."""
    from c102.evaluate.engine import assess as _assess

    return _assess(description, **options)
