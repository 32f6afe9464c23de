"""Build hook: compile the gettext catalogues (``c102/locale/*/LC_MESSAGES/c102.po``) to ``.mo``.

Runs for every wheel hatchling builds: ``pip install .`` (the ``.mo`` files go into the wheel),
``pip install -e .`` (they are written beside the ``.po`` files, ignored by git) and the wheel that
CI's clean clone builds. A checkout whose ``.po`` is newer than its ``.mo`` still reads the ``.po``
at run time (``c102.i18n.catalogue``), so an edited translation shows without a reinstall.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogue(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)


class CatalogueBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "c102-catalogues"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        catalogues = sorted((root / "c102" / "locale").glob("*/LC_MESSAGES/c102.po"))
        if version == "editable":
            for po in catalogues:
                compile_catalogue(po, po.with_suffix(".mo"))
            return
        out = Path(tempfile.mkdtemp(prefix="c102-mo-"))
        for po in catalogues:
            relative = po.relative_to(root).with_suffix(".mo")
            compile_catalogue(po, out / relative)
            build_data["force_include"][str(out / relative)] = str(relative)
