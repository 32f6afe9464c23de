"""Parse throughput of the description language against the C YAML loader on the same content.

The main subject is the full read: lark LALR parse, typed model, consistency checks; a first case
times the parse alone (syntax nodes, no model) to show where the time goes. The reference is
``yaml.load(..., Loader=yaml.CSafeLoader)`` of the equivalent YAML document (the dict form of the
same model), which only builds dicts and lists, so a ratio at or under 1.0 means the language
costs no more than plain YAML would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.harness import Case


def _yaml_of(text: str) -> str:
    import yaml

    from c102.language.canonical import to_dict
    from c102.language.load import parse_text

    return yaml.safe_dump(to_dict(parse_text(text)), sort_keys=False, allow_unicode=True)


def _case(name: str, texts: list[str], parse_only: bool = False) -> Case:
    import yaml

    from c102.language.load import parse_text

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    yamls = [_yaml_of(t) for t in texts]
    size = sum(len(t.encode("utf-8")) for t in texts)

    from c102.language.syntax import parse_items

    read = parse_items if parse_only else parse_text

    def subject() -> None:
        for text in texts:
            read(text)

    def reference() -> None:
        for document in yamls:
            yaml.load(document, Loader=loader)

    return Case(
        name=name,
        subject=subject,
        reference=reference,
        reference_name=f"yaml.load {loader.__name__} of the same in YAML form",
        unit_work=float(size),
        unit="B",
        goal="ratio <= 1.0 (as fast as the C YAML loader); a few ms per country",
    )


def cases() -> list[Case]:
    from c102.resources import data_path

    countries = data_path("countries")
    examplia = (countries / "examples" / "examplia.c102").read_text(encoding="utf-8")
    every: list[Path] = sorted(countries.rglob("*.c102"))
    texts = [p.read_text(encoding="utf-8") for p in every]
    return [
        _case("parse only (lark LALR to syntax nodes) examplia.c102", [examplia], parse_only=True),
        _case("parse+build examplia.c102", [examplia]),
        _case(f"parse+build all {len(texts)} bundled .c102 files", texts),
    ]
