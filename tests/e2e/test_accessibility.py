"""WCAG 2.1 AA in a real browser: axe-core (vendored, offline) finds no problem on any page, neither as the page
is browsed (light theme) nor as a slide in the projector theme (dark). Every impact counts: the serious and
critical ones (contrast) were fixed first, then the moderate ones (heading order, landmarks), so none is allowed."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from components.registry import PAGES
from tests.e2e.helpers import SCREENSHOTS, wait_for_settled

AXE_DIR = Path(__file__).resolve().parent / "vendor" / "axe-core"
AXE_SCRIPT = AXE_DIR / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
THEMES = {"light": "", "dark": "?present=1&theme=dark"}
REPORT = SCREENSHOTS / "axe_violations.json"

_RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(violation => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map(node => ({target: node.target.join(' '), html: node.html.slice(0, 200),
                                         summary: node.failureSummary})),
  }));
}"""


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(_RUN_AXE, AXE_TAGS)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"- {violation['id']} ({violation['impact']}, {len(violation['nodes'])} node(s)): {violation['help']}\n"
        + "\n".join(f"    {node['target']}: {node['summary']}" for node in violation["nodes"][:3])
        for violation in violations
    )


@pytest.fixture(scope="module")
def axe_report():
    found = {}
    yield found
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(found, indent=1), encoding="utf-8")


def test_the_vendored_axe_core_is_the_recorded_release():
    recorded = re.search(r"sha256 of `axe.min.js`: `([0-9a-f]{64})`", (AXE_DIR / "PROVENANCE.md").read_text())
    assert recorded, "PROVENANCE.md records the checksum of axe.min.js"
    assert hashlib.sha256(AXE_SCRIPT.read_bytes()).hexdigest() == recorded.group(1)
    assert (AXE_DIR / "LICENSE").read_text().startswith("Mozilla Public License")


def test_axe_reports_a_contrast_failure_planted_in_a_page(page, app_server):
    """The check itself can fail: grey-on-white text added to a real page is reported as serious."""
    page.goto(f"{app_server}/methods")
    wait_for_settled(page)
    page.evaluate(
        """() => { const probe = document.createElement('p'); probe.id = 'axe-probe';
                   probe.textContent = 'Low-contrast probe text'; probe.style.color = '#aaaaaa';
                   probe.style.background = '#ffffff';
                   document.querySelector('[data-testid="stMain"]').prepend(probe); }"""
    )
    violations = run_axe(page)
    contrast = [violation for violation in violations if violation["id"] == "color-contrast"]
    assert contrast and contrast[0]["impact"] == "serious", describe(violations)
    assert any("axe-probe" in node["target"] for node in contrast[0]["nodes"])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("info", PAGES, ids=[info.url_path for info in PAGES])
def test_page_has_no_accessibility_problem(page, app_server, axe_report, info, theme):
    page.goto(f"{app_server}/{info.url_path}{THEMES[theme]}")
    wait_for_settled(page)
    violations = run_axe(page)
    axe_report[f"{info.url_path} ({theme})"] = [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "nodes": len(violation["nodes"]),
            "targets": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in violations
    ]
    assert not violations, f"axe-core found on /{info.url_path} ({theme} theme):\n{describe(violations)}"
