"""`c102 report`: placeholder wired by its issue."""

from __future__ import annotations

import argparse

HELP = "report (not yet available)"
EXAMPLE = "c102 report --help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from c102.errors import UsageError

    raise UsageError("'c102 report' is not available in this build yet")
