"""The pipeline's boundaries, read from the imports: ReportLab only in render/ (and build/, which
drives it), matplotlib only in charts/, and a document model free of both."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefgen"
ALLOWED = {
    "reportlab": {"render", "build"},
    "matplotlib": {"charts"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_stage_imports_only_its_own_libraries(path: Path) -> None:
    stage = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    for library, stages in ALLOWED.items():
        if library in imported_modules(path):
            assert stage in stages, f"{path.relative_to(PACKAGE)} imports {library}"


def test_every_module_says_what_it_does() -> None:
    missing = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
               if p.stat().st_size and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert missing == []
