"""A French and a Spanish report of each kind hold no untranslated English sentence.

Two scans of each report's Markdown, both ignoring the description's own data (scheme names, sources,
notes: any text found verbatim in the .c102 file) and fact paths:
- no literal stretch of an English message of the catalogue (four words or more) appears in it;
- no sentence of it is word for word a sentence of the English report of the same kind, which also
  catches English built outside the catalogue.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from c102.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
COUNTRY = {"fr": "countries/togo.c102", "es": "countries/honduras.c102"}
OTHER = {"fr": "countries/benin.c102", "es": "countries/el-salvador.c102"}
KINDS = ("gap", "article22", "walkthrough", "options", "comparative")
MIN_WORDS = 4
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_WORD = re.compile(r"[A-Za-z]{2,}")
_PATH = re.compile(r"\b(scheme|statistics|country|article_3|answers|choices|absent|benefit)\.[\w.\-\[\]\"]+")
# Identifiers a report quotes as they are: rule ids, URLs, digests, file paths.
_IDENTIFIER = re.compile(r"\b[IVX]+-[\w()\-]+|https?://\S+|\b[0-9a-f]{64}\b|\S+\.c102\b")


def report(kind: str, language: str, folder: Path, monkeypatch: pytest.MonkeyPatch, of: str) -> str:
    """The Markdown of one report kind in ``language`` for the countries of language ``of``."""
    monkeypatch.chdir(ROOT)
    country = COUNTRY[of]
    if kind == "comparative":
        out = folder / f"comparative-{language}"
        assert main(["compare", country, OTHER[of], "--format", "md", "--lang", language, "-o", str(out)]) == 0
        return (out / "comparative.md").read_text(encoding="utf-8")
    extra = ["--part", "V"] if kind == "walkthrough" else []
    target = folder / f"{kind}-{language}.md"
    assert main(["report", country, "--kind", kind, *extra, "--lang", language, "-o", str(target)]) == 0
    return target.read_text(encoding="utf-8")


def without_data(text: str, language: str) -> str:
    """The report's own words: the descriptions' quoted texts (names, sources, notes), markdown
    escapes, identifiers and fact paths taken out."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>])", r"\1", text)
    for quoted in data_strings(language):
        text = text.replace(quoted, " ")
    return _IDENTIFIER.sub(" ", _PATH.sub(" ", text))


def sentences(text: str) -> set[str]:
    """Table cells, lines and sentences, markup stripped, with enough words to be prose."""
    out = set()
    for piece in re.split(r"\n|\||(?<=[.;:!?])\s+", text):
        piece = _PATH.sub(" ", piece)
        piece = re.sub(r"[*#`>]+|^\s*-\s+", " ", piece)
        piece = " ".join(piece.split()).strip(" .;:")
        if len(_WORD.findall(piece)) >= MIN_WORDS:
            out.add(piece)
    return out


@cache
def data_strings(language: str) -> list[str]:
    """The quoted texts of the descriptions (scheme names, sources, notes), longest first: data a
    report quotes as it is, in the language the description was written in."""
    found: set[str] = set()
    for country in (COUNTRY[language], OTHER[language]):
        found.update(re.findall(r'"([^"\n]+)"', (ROOT / country).read_text(encoding="utf-8")))
    return sorted(found, key=len, reverse=True)


@cache
def english_fragments(language: str) -> list[str]:
    """Literal stretches of the English messages whose translation differs from them."""
    path = ROOT / "c102" / "locale" / language / "LC_MESSAGES" / "c102.po"
    fragments = []
    with path.open("rb") as handle:
        for message in read_po(handle):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not ids[0] or set(ids) & set(strings):
                continue
            for english in ids:
                for fragment in _PLACEHOLDER.split(english):
                    fragment = " ".join(fragment.split()).strip(" .;:,()")
                    if len(_WORD.findall(fragment)) >= MIN_WORDS:
                        fragments.append(fragment)
    return sorted(set(fragments))


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_report_holds_no_untranslated_english(
    kind: str, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = without_data(report(kind, language, tmp_path, monkeypatch, language), language)
    english = sentences(without_data(report(kind, "en", tmp_path, monkeypatch, language), language))
    same = sorted(sentences(foreign) & english)
    flat = " ".join(foreign.split())
    messages = [f for f in english_fragments(language) if f in flat]
    left = same + [f"(message) {m}" for m in messages]
    assert left == [], f"English left in the {language} {kind} report:\n" + "\n".join(left)


def test_the_scan_finds_an_english_sentence_and_leaves_data_alone() -> None:
    text = "| Partie V | The benefit is below the Schedule. | 45 % |"
    assert "The benefit is below the Schedule" in sentences(text)
    assert sentences(without_data("| scheme.x.benefit.old_age.rate | 45 % |", "fr")) == set()
    source = data_strings("fr")[0]
    assert sentences(without_data(f"| Partie V | {source} |", "fr")) == set()
