"""The documentation keeps up with the code: every environment variable is described, and the CI
examples do what docs/scheduled-builds.md promises."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT

DOCS = ROOT / "docs"


def read_variables() -> set[str]:
    """Every environment variable the package and the tests read."""
    pattern = re.compile(r"""os\.environ(?:\.get)?[\[(]\s*["']([A-Z_][A-Z0-9_]*)["']|os\.getenv\(\s*["']([A-Z_][A-Z0-9_]*)["']""")
    found: set[str] = set()
    for folder in ("src", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            found |= {a or b for a, b in pattern.findall(path.read_text(encoding="utf-8"))}
    return found


def test_every_environment_variable_is_documented() -> None:
    variables = read_variables()
    assert {"SOURCE_DATE_EPOCH", "BRIEFGEN_FONTS"} <= variables  # the scan finds what it should
    table = (DOCS / "scheduled-builds.md").read_text(encoding="utf-8")
    assert [v for v in sorted(variables) if f"| `{v}` |" not in table] == []


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_check_build_strictly_and_keep_the_outputs(name: str) -> None:
    text = (DOCS / "ci" / name).read_text(encoding="utf-8")
    assert isinstance(yaml.safe_load(text), dict)
    for step in ("briefgen check --strict", "briefgen i18n extract", "git diff --exit-code",
                 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"', "briefgen build --strict",
                 "build/*/*.pdf", "build/manifest.json"):
        assert step in text, f"{name} lacks {step!r}"
    assert "content/**" in text and ("cron" in text or "schedule" in text)
