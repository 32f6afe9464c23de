"""A non-editable install must carry the rules, grammar, templates and countries inside the wheel."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the built wheel installed (dependencies borrowed)."""
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(work)],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0 and "hatchling" in built.stderr:
        pytest.skip("hatchling is not installed (pip install -e '.[test]')")
    assert built.returncode == 0, built.stderr
    wheel = next(work.glob("c102-*.whl"))
    env_dir = work / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    # The dependencies come from this environment, added after the new one's own site-packages,
    # so 'import c102' finds the wheel, never this checkout.
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    borrowed = [p for p in {sysconfig.get_paths()["purelib"], *site.getsitepackages()} if Path(p).is_dir()]
    Path(own, "borrowed-deps.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return env_dir


def _run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    return subprocess.run([str(env_dir / "bin" / "c102"), *args], capture_output=True, text=True, cwd=cwd, env=clean)


def test_installed_wheel_reports_its_version_from_any_directory(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("c102 ")


def test_installed_wheel_finds_its_bundled_data_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import c102.resources as r; print(r.data_path('rules'))"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    assert "_data" in where.stdout and str(ROOT) not in where.stdout
    example = tmp_path / "examplia.c102"
    example.write_text((ROOT / "countries" / "examples" / "examplia.c102").read_text(encoding="utf-8"), encoding="utf-8")
    result = _run(installed, "assess", str(example), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"instrument": "C102"' in result.stdout
    help_text = _run(installed, "--help", cwd=tmp_path)
    assert help_text.returncode == 0 and "exit codes" in help_text.stdout
