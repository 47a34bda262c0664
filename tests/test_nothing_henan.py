"""Nothing in the package names the seed brief's place, terms, units or structure."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefgen"
SEED = Path(__file__).resolve().parents[1] / "content" / "henan-2024"

# the place and its cities, the seed's own words, and its part and metric ids
WORDS = ["henan", "河南", "豫", "zhengzhou", "郑州", "中原", "zhongyuan", "luoyang", "洛阳", "kaifeng", "开封",
         "henan-2024", "九大", "nine areas", "十大战略", "ten strategies"]


def seed_ids() -> set[str]:
    """The seed's part, section, chart and metric ids, which a package must not know."""
    ids = {p.stem for p in (SEED / "parts").glob("*.yaml")}
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEED.rglob("*.yaml"))
    ids |= set(re.findall(r"^\s*(?:- )?id: ([a-z][a-z0-9_]*)", text, re.M))
    ids |= set(re.findall(r"^([a-z][a-z0-9_]*):", (SEED / "metrics.yaml").read_text(encoding="utf-8"), re.M))
    return ids


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".po", ".pot", ".json", ".yaml"))


@pytest.mark.parametrize("path", package_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_package_names_nothing_of_the_seed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lowered = text.lower()
    assert [w for w in WORDS if w in lowered] == []
    quoted = set(re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", text))
    assert sorted(quoted & seed_ids()) == []
