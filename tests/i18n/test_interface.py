"""The package's interface catalog: lookups, plurals, fallback and the PO files themselves."""
from __future__ import annotations

import shutil
import string
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from briefgen.i18n.interface import TEMPLATE, Interface, catalog_path, interface, load_catalog

LOCALES = ["zh", "en"]


@pytest.mark.parametrize(
    ("msgid", "zh"),
    [
        pytest.param("Contents", "目录", id="contents"),
        pytest.param("Key work area", "关键词", id="banner-label"),
        pytest.param("Key figures", "主要数据", id="key-figures"),
        pytest.param("Draft — incomplete translation", "草稿——译文不完整", id="draft"),
        pytest.param("Credits", "撰稿", id="credits"),
        pytest.param("Build", "构建信息", id="build"),
        pytest.param("Chart", "图", id="chart"),
        pytest.param("Target", "目标", id="target"),
        pytest.param("Actual", "实际", id="actual"),
        pytest.param("About this brief", "关于本摘编", id="about"),
    ],
)
def test_gettext(msgid: str, zh: str) -> None:
    assert interface("zh").gettext(msgid) == zh
    assert interface("en").gettext(msgid) == msgid


@pytest.mark.parametrize(
    ("msgid", "fields", "zh", "en"),
    [
        pytest.param("Page {page} of {pages}", {"page": 2, "pages": 9},
                     "第 2 页 / 共 9 页", "Page 2 of 9", id="page"),
        pytest.param("Source: {source}", {"source": "2024年河南省政府工作报告"},
                     "来源：2024年河南省政府工作报告", "Source: 2024年河南省政府工作报告", id="source"),
        pytest.param("Content version {version}", {"version": "2024.1"},
                     "内容版本 2024.1", "Content version 2024.1", id="version"),
        pytest.param("Built {date}", {"date": "2024年1月28日"},
                     "生成日期 2024年1月28日", "Built 2024年1月28日", id="built"),
        pytest.param("Figure {n}", {"n": 3}, "图3", "Figure 3", id="figure"),
        pytest.param("{year} actual", {"year": 2023}, "2023年实际", "2023 actual", id="actual"),
        pytest.param("{year} target", {"year": 2024}, "2024年目标", "2024 target", id="target"),
        pytest.param("{year} goal", {"year": 2025}, "2025年目标", "2025 goal", id="goal"),
        pytest.param("Progress toward the {year} goal", {"year": 2025},
                     "距2025年目标进度", "Progress toward the 2025 goal", id="progress"),
    ],
)
def test_format(msgid: str, fields: dict[str, object], zh: str, en: str) -> None:
    assert interface("zh").format(msgid, **fields) == zh
    assert interface("en").format(msgid, **fields) == en


@pytest.mark.parametrize(
    ("n", "en"),
    [pytest.param(1, "household", id="one"), pytest.param(2, "households", id="two"),
     pytest.param(0, "households", id="zero")],
)
def test_npgettext(n: int, en: str) -> None:
    assert interface("en").npgettext("unit", "household", "households", n) == en
    assert interface("zh").npgettext("unit", "household", "households", n) == "户"


def test_context_separates_messages() -> None:
    assert interface("zh").pgettext("unit", "Contents") == "Contents"
    assert interface("zh").pgettext("no-such-context", "Contents") == "Contents"


@pytest.mark.parametrize("locale", ["xx", "fr", "de"])
def test_locale_without_catalog_falls_back_to_msgid(locale: str) -> None:
    ui = interface(locale)
    assert ui.gettext("Contents") == "Contents"
    assert ui.pgettext("unit", "tonne") == "tonne"
    assert ui.npgettext("unit", "tonne", "tonnes", 1) == "tonne"
    assert ui.npgettext("unit", "tonne", "tonnes", 3) == "tonnes"
    assert ui.format("Page {page} of {pages}", page=1, pages=2) == "Page 1 of 2"


def test_unknown_msgid_falls_back() -> None:
    assert interface("zh").gettext("No such message") == "No such message"
    assert interface("zh").npgettext("unit", "widget", "widgets", 2) == "widgets"


def test_fuzzy_and_untranslated_messages_fall_back() -> None:
    catalog = Catalog(locale="zh")
    catalog.add("Contents", "目录", flags=["fuzzy"])
    catalog.add("Credits", "")
    catalog.add(("tonne", "tonnes"), ("",), context="unit")
    catalog.add("Chart", "图")
    ui = Interface.from_catalog("zh", catalog)
    assert ui.gettext("Contents") == "Contents"
    assert ui.gettext("Credits") == "Credits"
    assert ui.npgettext("unit", "tonne", "tonnes", 5) == "tonnes"
    assert ui.gettext("Chart") == "图"


def test_interface_is_cached_per_locale() -> None:
    assert interface("zh") is interface("zh")
    assert interface("zh") is not interface("en")


def _ids(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {(m.id, m.context) for m in catalog if m.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_matches_template(locale: str) -> None:
    assert _ids(load_catalog(catalog_path(locale))) == _ids(load_catalog(TEMPLATE))


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete(locale: str) -> None:
    catalog = load_catalog(catalog_path(locale))
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        assert not message.fuzzy, f"fuzzy: {message.id!r}"
        assert not list(message.check(catalog)), f"bad format: {message.id!r}"


def test_english_strings_equal_their_msgids() -> None:
    for message in load_catalog(catalog_path("en")):
        if message.id and message.context is None:
            assert message.string == message.id


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_fields(locale: str) -> None:
    for message in load_catalog(catalog_path(locale)):
        if message.id and isinstance(message.id, str):
            assert _fields(message.string) == _fields(message.id), message.id


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("path", [catalog_path(loc) for loc in LOCALES] + [TEMPLATE], ids=str)
def test_msgfmt_accepts(path: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
