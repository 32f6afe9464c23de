"""The gap report's Part sections, gaps first: a Part shows in detail only the requirements that
call for action (not compliant, needs review, insufficient data); those met or not applicable
share one condensed table; each scheme's legal basis and each source is listed once and cited
by number, so a rule that bears on every scheme (Parts XI to XIII) does not repeat them all."""

from __future__ import annotations

from c102.evaluate.assessment import Assessment
from c102.evaluate.context import scheme_slugs
from c102.evaluate.verdict import COMPLIANT, NEEDS_REVIEW, NOT_APPLICABLE, RuleResult
from c102.i18n import N_, _
from c102.i18n.rulebook import rule_text, rule_title
from c102.report.shared.country import legal_basis
from c102.report.shared.display import (
    NONE,
    TOPIC_HEADINGS,
    article_key,
    cite,
    joined,
    part_key,
    quantity,
    verdict_label,
)
from c102.report.shared.document import Block, Section, paragraph, section, table
from c102.report.shared.findings import what_settles

SETTLED = (COMPLIANT, NOT_APPLICABLE)  # shown in the condensed table, not in detail
DETAIL_HEADER = [  # shown through detail_header()
    N_("Requirement"),
    N_("Article"),
    N_("Verdict"),
    N_("Information available"),
    N_("Information missing or change needed"),
    N_("Schemes; sources"),
]
SETTLED_HEADER = [N_("Part"), N_("Requirement"), N_("Article"), N_("Verdict"), N_("Finding"), N_("Sources")]
_TOPICS = list(TOPIC_HEADINGS)


def detail_header() -> list[str]:
    return [_(label) for label in DETAIL_HEADER]


class SourceRegister:
    """Numbers each distinct source in the order the report first cites it."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, sources: list[str]) -> str:
        """``[2, 5]``: the numbers of these sources, registering new ones; "" for none."""
        numbers = [self.numbers.setdefault(s, len(self.numbers) + 1) for s in dict.fromkeys(sources) if s]
        return "[" + ", ".join(map(str, sorted(numbers))) + "]" if numbers else ""

    def section(self) -> Section:
        rows = [[str(n), source] for source, n in self.numbers.items()]
        block = table([_("No."), _("Source")], rows) if rows else paragraph(_("No source is cited."))
        return section(_("Sources"), [block], anchor="sources")


def _scheme_sources(assessment: Assessment, names: list[str]) -> list[str]:
    """The sources stating the legal basis of these schemes."""
    sources = []
    for scheme in assessment.description.scheme:
        if scheme.name in names:
            source = legal_basis(scheme)[1]
            if source:
                sources.append(source)
    return sources


def scheme_names(assessment: Assessment, names: list[str]) -> str:
    """Scheme names, or "all 5 schemes" when they are every scheme of the description."""
    every = [s.name for s in assessment.description.scheme]
    if len(every) > 1 and set(names) == set(every):
        return _("all {count} schemes", count=len(every))
    return joined(names, empty="")


def schemes_cell(assessment: Assessment, rule: RuleResult, register: SourceRegister) -> str:
    """The schemes a rule rests on ("all 5 schemes" when it bears on every one) and its sources."""
    names = scheme_names(assessment, rule.schemes)
    numbers = register.cite([*rule.sources, *_scheme_sources(assessment, rule.schemes)])
    return " ".join(part for part in (names, numbers) if part) or NONE


def _findings_by_scheme(rule: RuleResult) -> str:
    """Per-scheme findings, the schemes that share a finding named together (or as "all")."""
    groups: dict[str, list[str]] = {}
    for detail in rule.details:
        text = _without_name(detail.explanation, detail.scheme) or verdict_label(detail.verdict)
        groups.setdefault(text, []).append(detail.scheme)
    if len(groups) == 1 and len(rule.details) > 1:
        text = next(iter(groups))
        return _("All {count} schemes: {finding}", count=len(rule.details), finding=text)
    return " ".join(f"{'; '.join(schemes)}: {text}" for text, schemes in groups.items())


def missing_facts(assessment: Assessment, rule: RuleResult) -> str:
    """The facts to add; one field missing from every scheme is named once, as ``scheme.*.field``."""
    slugs = set(scheme_slugs(assessment.description))
    by_field: dict[str, list[str]] = {}
    for path in rule.missing:
        head, _dot, rest = path.partition(".")
        scheme_id, _dot, field = rest.partition(".")
        if head == "scheme" and field and scheme_id in slugs:
            by_field.setdefault(field, []).append(path)
        else:
            by_field.setdefault(path, []).append(path)
    items = []
    for field, paths in by_field.items():
        if len(paths) > 1 and len(paths) == len(slugs):
            items.append(_("scheme.*.{field} (each of the {count} schemes)", field=field, count=len(paths)))
        else:
            items.extend(paths)
    return joined(items)


def _without_scheme_name(rule: RuleResult, text: str) -> str:
    """A single scheme's finding without its name, which the schemes column gives."""
    if len(rule.schemes) == 1:
        return _without_name(text, rule.schemes[0])
    return text


def _without_name(text: str, scheme: str) -> str:
    """A finding without its leading ``Scheme:`` (``Scheme :`` in French), which a column gives."""
    if not text.startswith(scheme):
        return text
    rest = text[len(scheme) :].lstrip("\u00a0 ")
    return rest[1:].strip() if rest.startswith(":") else text


def available(rule: RuleResult) -> str:
    """What the description does establish, without repeating the question or the missing facts."""
    explanation = _findings_by_scheme(rule) if len(rule.details) > 1 else _without_scheme_name(rule, rule.explanation)
    if rule.verdict == NEEDS_REVIEW and rule.question:
        question = rule_text(rule.id, "question", rule.question)
        asked = _("{situation} A specialist must answer: {question}", situation="", question="").strip()
        explanation = explanation.replace(question, "").replace(rule.question, "").strip().removesuffix(asked).strip()
    if rule.missing and explanation.startswith(_("Not given: {facts}.", facts="").split("{", 1)[0].rstrip(". ")):
        explanation = ""  # the missing facts are the next column
    items = [explanation] if explanation else []
    if rule.gap:
        items.append(rule.gap)
    if rule.alternative:
        items.append(_("Alternative met: {article}", article=cite(rule.alternative)))
    if rule.answer:
        items.append(_("Answer recorded: {answer}", answer=rule.answer))
    return joined(items, sep=" ")


def detail_row(assessment: Assessment, rule: RuleResult, register: SourceRegister) -> list[str]:
    """A requirement that calls for action, keyed like DETAIL_HEADER."""
    settles = missing_facts(assessment, rule) if rule.missing else what_settles(rule)
    if rule.verdict == NEEDS_REVIEW and rule.question:
        settles = rule_text(rule.id, "question", rule.question)
    return [
        rule_title(rule.id, rule.title),
        cite(rule.alternative or rule.articles[:1]),
        verdict_label(rule.verdict),
        available(rule),
        settles,
        schemes_cell(assessment, rule, register),
    ]


def _order(rule: RuleResult) -> tuple[int, tuple[int, str]]:
    topic = _TOPICS.index(rule.topic) if rule.topic in _TOPICS else len(_TOPICS)
    return topic, article_key(rule.articles[0] if rule.articles else "")


def part_detail(assessment: Assessment, part: str, intro: str, heading: str, register: SourceRegister) -> Section:
    """A Part: its verdict, then the requirements calling for action, in the consolidated reports'
    order of headings (contingency, persons protected, level, ...)."""
    rules = sorted(assessment.rules_of(part), key=_order)
    open_rules = [r for r in rules if r.verdict not in SETTLED]
    blocks: list[Block] = [paragraph(intro)]
    settled = len(rules) - len(open_rules)
    if open_rules:
        rows = [detail_row(assessment, r, register) for r in open_rules]
        caption = _("Requirements calling for action")
        blocks.append(table(detail_header(), rows, caption, [r.verdict for r in open_rules]))
    if settled:
        note = (
            _("All {count} requirements are met or not applicable: see the condensed table.", count=settled)
            if not open_rules
            else _("{count} other requirements are met or not applicable: see the condensed table.", count=settled)
        )
        blocks.append(paragraph(note, "note"))
    return section(heading, blocks, 2, f"part-{part}")


def settled_section(assessment: Assessment, register: SourceRegister) -> Section:
    """Every requirement met or not applicable, one row each."""
    rules = sorted(
        (r for r in assessment.rules if r.verdict in SETTLED), key=lambda r: (part_key(r.part), _order(r))
    )
    rows = []
    for rule in rules:
        if rule.value is not None and rule.threshold is not None:
            finding = _(
                "{value} against {threshold}",
                value=quantity(rule.value, rule.unit),
                threshold=quantity(rule.threshold, rule.unit),
            )
        else:
            finding = _findings_by_scheme(rule) if len(rule.details) > 1 else _without_scheme_name(rule, rule.explanation)
        sources = register.cite([*rule.sources, *_scheme_sources(assessment, rule.schemes)])
        rows.append(
            [
                _("Part {part}", part=rule.part),
                rule_title(rule.id, rule.title),
                cite(rule.alternative or rule.articles[:1]),
                verdict_label(rule.verdict),
                finding,
                sources or NONE,
            ]
        )
    block = (
        table([_(h) for h in SETTLED_HEADER], rows, "", [r.verdict for r in rules])
        if rows
        else paragraph(_("No requirement is met or not applicable."))
    )
    return section(_("Requirements met or not applicable"), [block], anchor="settled")


def schemes_section(assessment: Assessment, register: SourceRegister) -> Section:
    """Each scheme's legal basis once, with the number of its source."""
    rows = []
    for scheme in assessment.description.scheme:
        basis, source = legal_basis(scheme)
        rows.append([scheme.name, basis.removesuffix(f" ({scheme.name})"), register.cite([source]) or NONE])
    block = (
        table([_("Scheme"), _("Legal basis"), _("Source")], rows)
        if rows
        else paragraph(_("The description names no scheme."))
    )
    return section(_("Schemes and their legal basis"), [block], anchor="schemes")

