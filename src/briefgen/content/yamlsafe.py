"""Read a YAML file safely into a tree of nodes that remember their file, line and column.

Safe means: the safe loader only (no object construction), UTF-8 only (a BOM and CRLF are
fine), no control characters (NUL and the like are named with their line and column), no tabs
in indentation, no duplicate keys, no empty or oversized files, and a cap on how far aliases
may expand (an "alias bomb" stops with an error, not an exhausted machine).

Syntax errors point where the mistake is: an unclosed quote or bracket where it opens, a
missing ':' on the line that lacks it (not the line after, where the parser notices).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from briefgen.errors import ContentError, Location

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 100_000  # after alias expansion; the seed brief has a few thousand

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass(frozen=True)
class Scalar:
    value: Any  # str, int, float, bool, None or datetime.date
    raw: str  # the text as written, for exact decimals
    where: Location


@dataclass(frozen=True)
class Seq:
    items: list[Node]
    where: Location


@dataclass(frozen=True)
class Map:
    entries: dict[str, Node]
    keys: dict[str, Location] = field(default_factory=dict)
    where: Location = field(default_factory=Location.unknown)

    def get(self, key: str) -> Node | None:
        return self.entries.get(key)


Node = Union[Scalar, Seq, Map]


def load_yaml(path: Path) -> Node:
    """Parse one file; raise ContentError with a located one-line message on any problem."""
    text = _read_text(path)
    _reject_unreadable_characters(path, text)
    _reject_tabs(path, text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        message, where = _syntax_error(path, text, exc)
        raise ContentError(message, where) from None
    except yaml.YAMLError as exc:
        raise ContentError(f"not valid YAML: {' '.join(str(exc).split())}", Location.of(path)) from None
    if root is None:
        raise ContentError("the file holds no YAML content (it is empty or only comments)", Location.of(path))
    return _Builder(path).build(root)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # before reading: a huge file is not loaded into memory
            raise ContentError(f"the file is {size // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB",
                               Location.of(path))
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read the file: {exc.strerror}", Location.of(path)) from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise ContentError("the file is empty", Location.of(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(_encoding_message(data, exc), _byte_location(path, data, exc.start)) from None
    return text.replace("\r\n", "\n")


def _encoding_message(data: bytes, exc: UnicodeDecodeError) -> str:
    """Name the encoding the file was saved in when it is clear, else the first bad byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.count(b"\0") > len(data) // 4:
        return "the file is not UTF-8 (it looks like UTF-16); save it as UTF-8"
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    if bad > 2:  # a few stray bytes in a UTF-8 file are damage, not another encoding
        for name, label in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
            try:
                data.decode(name)
            except UnicodeDecodeError:
                continue
            return f"the file is not UTF-8 (it looks like {label}); save it as UTF-8"
    return f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"


def _byte_location(path: Path, data: bytes, offset: int) -> Location:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before[before.rfind(b"\n") + 1:]
    column = len(start.decode("utf-8", errors="replace")) + 1  # in characters, as editors count
    return Location.of(path, line, column)


# What the YAML reader refuses: C0 controls but tab, LF and CR; DEL; C1 controls but NEL;
# surrogates; U+FFFE and U+FFFF.
_UNREADABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _reject_unreadable_characters(path: Path, text: str) -> None:
    """A control character anywhere (a NUL from a damaged file, a pasted escape) is one located line."""
    found = _UNREADABLE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    what = "a NUL byte" if found.group() == "\0" else "a control character"
    raise ContentError(f"{what} ({code_point(found.group())}) is not allowed in YAML; delete it "
                       "(is this a text file saved as UTF-8?)", Location.of(path, line, column))


def code_point(ch: str) -> str:
    """U+200B ZERO WIDTH SPACE: the code point and, when it has one, its Unicode name."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}{' ' + name if name else ''}"


def _reject_tabs(path: Path, text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            where = Location.of(path, number, indent.index("\t") + 1)
            raise ContentError("a tab in the indentation; indent with spaces", where)


# Errors the parser notices later than where the mistake is: report where the construct opens.
_OPENED = {
    "while scanning a quoted scalar": "this quote is never closed",
    "while parsing a flow sequence": "this '[' is never closed, or an item lacks its ','",
    "while parsing a flow mapping": "this '{' is never closed, or an entry lacks its ','",
    "while scanning a simple key": "this line needs a ':' after its key",
}


def _syntax_error(path: Path, text: str, exc: yaml.MarkedYAMLError) -> tuple[str, Location]:
    """The one-line message and the place of the mistake (not where the parser gave up)."""
    problem = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    if context in _OPENED and exc.context_mark is not None:
        return f"YAML syntax error: {_OPENED[context]} ({problem})", _at(path, exc.context_mark)
    if "mapping values are not allowed" in problem:
        start = _key_line_without_colon(text, exc.problem_mark)
        if start is not None:
            return "YAML syntax error: this line needs a ':' after its key " \
                   "(the next line was read as more of its text)", _at(path, start)
        return (f"YAML syntax error: {problem} (a text containing ': ' needs quotes; "
                "or is this line indented too far?)"), _at(path, exc.problem_mark)
    message = f"YAML syntax error: {problem}{' ' + context if context else ''}"
    return message, _at(path, exc.problem_mark or exc.context_mark)


def _at(path: Path, mark: yaml.Mark | None) -> Location:
    return Location.of(path) if mark is None else Location.of(path, mark.line + 1, mark.column + 1)


def _key_line_without_colon(text: str, problem: yaml.Mark | None) -> yaml.Mark | None:
    """Where a plain text that begins a line swallowed the next line: that line lacks its ':'."""
    scanner = yaml.SafeLoader(text)
    last = None
    try:
        while scanner.check_token():
            last = scanner.get_token()
    except yaml.YAMLError:
        pass
    if problem is None or not isinstance(last, yaml.ScalarToken) or last.start_mark.line >= problem.line:
        return None
    line = text.split("\n")[last.start_mark.line]
    before = line[: last.start_mark.column].strip()
    return last.start_mark if before in ("", "-") else None


class _Builder:
    """Turn composed yaml nodes into located nodes, counting alias expansions."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def where(self, node: yaml.Node) -> Location:
        return Location.of(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise ContentError(f"more than {MAX_NODES} values after expanding aliases", self.where(node))
        if node.tag not in _STANDARD_TAGS:
            raise ContentError(f"unsupported YAML tag {node.tag!r}", self.where(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return Seq([self.build(item) for item in node.value], self.where(node))
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node)

    def scalar(self, node: yaml.ScalarNode) -> Scalar:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            raise ContentError(f"cannot read this value: {' '.join(str(exc).split())}", self.where(node)) from None
        return Scalar(value, node.value, self.where(node))

    def mapping(self, node: yaml.MappingNode) -> Map:
        entries: dict[str, Node] = {}
        keys: dict[str, Location] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise ContentError("merge keys (<<) are not supported; write the values out", self.where(key_node))
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContentError("a key must be plain text", self.where(key_node))
            key = str(key_node.value)
            if key in entries:
                first = keys[key]
                raise ContentError(f"duplicate key {key!r} (first at line {first.line})", self.where(key_node))
            keys[key] = self.where(key_node)
            entries[key] = self.build(value_node)
        return Map(entries, keys, self.where(node))
