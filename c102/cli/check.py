"""`c102 check`: placeholder wired by its issue."""

from __future__ import annotations

import argparse

HELP = "check (not yet available)"
EXAMPLE = "c102 check --help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from c102.errors import UsageError

    raise UsageError("'c102 check' is not available in this build yet")
