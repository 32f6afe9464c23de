"""Regenerate the README's pictures from real renders: ``python -m tools.readme_images``.

``docs/images/gap-report.png``: the top of Jordan's gap analysis (``c102 report --kind gap``, HTML)
in headless Chromium. ``docs/images/workbench.png``: ``c102 serve`` on Examplia after a quick
what-if in *Key parameters* (sickness benefit rate 60% -> 30%). Needs Playwright for Python and
the Debian package chromium (as the browser tests do).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SICKNESS_RATE = "Sickness, maternity and employment injury insurance: sickness benefit: rate"


def _c102(*args: str) -> list[str]:
    return [sys.executable, "-m", "c102", *args]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the workbench did not answer at {url}")


def gap_report(browser: object, folder: Path) -> None:
    html = folder / "jordan-gap.html"
    subprocess.run(_c102("report", "countries/jordan.c102", "--kind", "gap", "-o", str(html)), cwd=ROOT, check=True)
    page = browser.new_page(viewport={"width": 1000, "height": 1250})  # type: ignore[attr-defined]
    page.goto(html.as_uri())
    page.screenshot(path=str(IMAGES / "gap-report.png"))
    page.close()


def workbench(browser: object, folder: Path) -> None:
    copy = folder / "examplia.c102"
    copy.write_text((ROOT / "countries/examples/examplia.c102").read_text(encoding="utf-8"), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(_c102("serve", "--port", str(port), str(copy)), cwd=ROOT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(url + "/")
        page = browser.new_page(viewport={"width": 1300, "height": 900})  # type: ignore[attr-defined]
        page.goto(url + "/country/examplia")
        form = page.locator("#whatif-form")
        form.get_by_label(SICKNESS_RATE).fill("30%")
        form.get_by_role("button", name="Try these values").click()
        page.wait_for_selector("table.parts tr.changed")
        page.evaluate("window.scrollTo(0, 0)")  # the description and the Parts, Part III outlined
        page.screenshot(path=str(IMAGES / "workbench.png"))
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    from playwright.sync_api import sync_playwright

    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="c102-readme-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        gap_report(browser, Path(tmp))
        workbench(browser, Path(tmp))
        browser.close()
    print(f"wrote {IMAGES / 'gap-report.png'} and {IMAGES / 'workbench.png'}")


if __name__ == "__main__":
    main()
