"""Which language a command speaks: --lang, else C102_LANG, else English; an unknown one is exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from c102.cli.main import SUBCOMMANDS, build_parser, main
from c102.i18n import current_language, use_language
from c102.i18n.language import UnknownLanguage, resolve_language

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "countries" / "examples" / "examplia.c102")


def test_given_language_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C102_LANG", "es")
    assert resolve_language("fr") == "fr"
    assert resolve_language(None) == "es"
    monkeypatch.delenv("C102_LANG")
    assert resolve_language(None) == "en"


@pytest.mark.parametrize(("written", "code"), [("FR", "fr"), ("fr_FR.UTF-8", "fr"), ("es-HN", "es"), ("en", "en")])
def test_locale_spellings_name_the_language(written: str, code: str) -> None:
    assert resolve_language(written) == code


def test_an_unsupported_language_is_refused_by_name() -> None:
    with pytest.raises(UnknownLanguage, match="de"):
        resolve_language("de")


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_command_takes_lang(command: str) -> None:
    sub = next(a for a in build_parser()._subparsers._group_actions)  # type: ignore[union-attr]
    options = {o for action in sub.choices[command]._actions for o in action.option_strings}  # type: ignore[attr-defined]
    assert "--lang" in options


def test_unknown_lang_is_exit_2_listing_the_supported_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", EXAMPLE, "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "'de'" in err and "en, fr, es" in err and "Traceback" not in err


def test_unknown_c102_lang_in_the_environment_is_exit_2() -> None:
    env = {**os.environ, "C102_LANG": "xx"}
    done = subprocess.run([sys.executable, "-m", "c102", "check", EXAMPLE], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert "'xx'" in done.stderr and "en, fr, es" in done.stderr


def test_a_command_leaves_the_callers_language_as_it_was() -> None:
    with use_language("es"):
        main(["check", EXAMPLE, "--lang", "fr"])
        assert current_language() == "es"
    assert current_language() == "en"


def test_english_loads_no_catalogue_and_no_babel() -> None:
    code = (
        f"import sys, c102.cli.main as m; m.main(['check', {EXAMPLE!r}]); "
        "print(any(n.startswith('babel') for n in sys.modules), 'c102.i18n.catalogue' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False False"
