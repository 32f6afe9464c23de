"""c102: assess social security law against ILO Convention No. 102.

The public API is small and stable; heavy modules load only when used:

    from c102 import load_description, assess
    description = load_description("countries/jordan.c102")
    assessment = assess(description)
    assessment.to_json()

What-if (re-evaluates only what the changed facts feed; identical to a fresh assessment):

    from c102 import whatif, sweep
    reform = whatif(description, {'scheme."Pension fund".benefit.old_age.accrual_rate': "1.5%"})
    for value, result in sweep(description, PATH, ["1%", "1.2%", "1.4%"]): ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from c102.evaluate.assessment import Assessment
    from c102.model.description import Description
    from c102.reform.workbench import Workbench

__all__ = ["Workbench", "__version__", "assess", "load_description", "sweep", "whatif"]


def load_description(path: str) -> Description:
    """Parse a scheme description (.c102, .yaml or .json) into the typed model."""
    from c102.language.load import load_description as _load

    return _load(path)


def assess(description: Description, **options: Any) -> Assessment:
    """Evaluate a description against the C102 rulebook."""
    from c102.evaluate.engine import assess as _assess

    return _assess(description, **options)


def whatif(
    description: Description, changes: Mapping[str, Any] | Sequence[tuple[str, Any]]
) -> Assessment:
    """Assess a description with some facts changed: ``{fact path: value}``, values as in a file."""
    from c102.reform.workbench import whatif as _whatif

    return _whatif(description, changes)


def sweep(description: Description, path: str, values: Iterable[Any]) -> list[tuple[Any, Assessment]]:
    """Assess a description for each value of one fact, re-evaluating only what that fact feeds."""
    from c102.reform.workbench import Workbench as _Workbench

    values = list(values)
    return list(zip(values, _Workbench(description).sweep(path, values), strict=True))


def __getattr__(name: str) -> Any:
    if name == "Workbench":  # the what-if workbench class, loaded on first use
        from c102.reform.workbench import Workbench as _Workbench

        return _Workbench
    raise AttributeError(f"module 'c102' has no attribute {name!r}")
