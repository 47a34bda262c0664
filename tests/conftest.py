"""Shared fixtures: a tiny valid brief written into a temporary content folder."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TINY = {
    "brief.yaml": """\
title: 小测试
date: 2025-03-01
locales: [zh]
cover: [output]
parts: [main]
""",
    "metrics.yaml": """\
output: {value: 1200000000, unit: yuan, kind: level, year: 2024, label: 产值}
growth: {value: 4.5, unit: percent, kind: growth, year: 2024, label: 增长}
""",
    "glossary.yaml": "乡村振兴: rural revitalization\n",
    "parts/main.yaml": """\
title: 主要工作
sections:
  - id: first
    keyword: 乡村振兴
    paragraphs:
      - 全年产值{output}，增长{growth}。
    chart:
      kind: tiles
      title: 主要数据
      metrics: [output, growth]
      source: 测试来源
      description: 两个主要数据。
""",
}


def write_brief(content: Path, files: dict[str, str], name: str = "tiny") -> Path:
    root = content / name
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tiny_brief(tmp_path: Path) -> Path:
    """A valid one-area brief in tmp_path/content/tiny."""
    return write_brief(tmp_path / "content", TINY)


@pytest.fixture
def tiny_en_brief(tmp_path: Path) -> Path:
    """The tiny brief with an English edition (and so an English catalog to keep)."""
    files = dict(TINY, **{"brief.yaml": TINY["brief.yaml"].replace("locales: [zh]", "locales: [zh, en]")})
    return write_brief(tmp_path / "content", files)
