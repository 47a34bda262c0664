"""Read PO files strictly (every syntax error located) and write them exactly as GNU gettext does.

Reading accepts what GNU msgfmt accepts for UTF-8 catalogs (a leading BOM too) and reports each
mistake as `content.po:LINE: message`: unterminated or unquoted strings, stray text, NUL bytes,
invalid UTF-8, another charset, a msgstr without a msgid, duplicate messages. Writing follows
msgmerge's layout (comments, flags, `#|` previous strings, `#~` obsolete entries, width 79), so
a catalog passed between briefgen, msgmerge, Poedit and Weblate keeps its bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import Location, Problem
from briefgen.i18n.powrap import PAGE_WIDTH, wrap

Key = tuple[str, str]  # (msgctxt or "", msgid)


@dataclass
class Entry:
    """One PO entry, with everything msgmerge keeps."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    comments: list[str] = field(default_factory=list)  # translator comments ("# ...")
    extracted: list[str] = field(default_factory=list)  # "#. ..."
    references: list[str] = field(default_factory=list)  # "#: file:line"
    flags: list[str] = field(default_factory=list)  # "#, fuzzy, ..."
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    msgid_plural: str | None = None
    plurals: list[str] = field(default_factory=list)  # msgstr[0], msgstr[1], ...
    obsolete: bool = False
    line: int = 0  # where its msgid is written, 1-based

    @property
    def key(self) -> Key:
        return (self.msgctxt or "", self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        self.flags = [f for f in self.flags if f != "fuzzy"]
        if value:
            self.flags.insert(0, "fuzzy")
        else:
            self.previous_msgctxt = self.previous_msgid = None

    @property
    def translated(self) -> bool:
        return bool(self.msgstr or any(self.plurals)) and not self.fuzzy

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete


@dataclass
class PoFile:
    """A catalog as written: its header entry (when any) and its entries in file order."""

    header: Entry | None
    entries: list[Entry]

    def by_key(self) -> dict[Key, Entry]:
        return {e.key: e for e in self.entries if not e.obsolete}

    def header_fields(self) -> list[tuple[str, str]]:
        return parse_header(self.header.msgstr if self.header else "")


def parse_header(text: str) -> list[tuple[str, str]]:
    fields = []
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields.append((name.strip(), value.strip()))
    return fields


def format_header(fields: list[tuple[str, str]]) -> str:
    return "".join(f"{name}: {value}\n" for name, value in fields)


class PoSyntaxError(Exception):
    """Raised with every problem found in one file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)\Z")
_PLAIN = re.compile(r'[^"\\]+')  # a run of characters that stand for themselves
_ESCAPE = re.compile(r'\\(?:([\\"abfnrtv?\'])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))', re.DOTALL)
_SIMPLE = {"\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
           "v": "\v", "?": "?", "'": "'"}
_CHARSET = re.compile(r"charset=\s*([^\s;]+)", re.IGNORECASE)


def read_po_file(path: Path) -> PoFile:
    """Parse the file; raise PoSyntaxError listing every located problem."""
    return parse_po(path.read_bytes(), path)


def parse_po(data: bytes, path: Path) -> PoFile:
    parser = _Parser(path)
    text = parser.decode(data)
    if text is not None:
        parser.parse(text)
    if parser.problems:
        raise PoSyntaxError(parser.problems)
    return parser.result()


class _Parser:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[Problem] = []
        self.entries: list[Entry] = []
        self.pending = Entry("")  # comments gathered for the entry being read
        self.current: Entry | None = None
        self.field: str | None = None  # the keyword a continuation string belongs to
        self.seen: dict[tuple[Key, bool], int] = {}

    def error(self, line: int, message: str) -> None:
        """Record a mistake; only the first one per line (the rest follow from it)."""
        if all(p.where.line != line for p in self.problems):
            self.problems.append(Problem(Location.of(self.path, line), message))

    def decode(self, data: bytes) -> str | None:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if b"\0" in data:
            for number, raw in enumerate(data.split(b"\n"), start=1):
                if b"\0" in raw:
                    self.error(number, "NUL byte in the file; it is not a text file (save it again as UTF-8)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.error(line, f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
            return None
        return None if self.problems else text

    def parse(self, text: str) -> None:
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            self.line(number, line.rstrip("\r"))
        self.finish_entry(len(lines))
        self.check_header()

    def line(self, number: int, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            return
        if stripped.startswith("#~"):
            rest = stripped[2:].lstrip()
            if rest.startswith("|"):
                self.previous(number, rest[1:].strip(), obsolete=True)
            elif rest.startswith("#"):
                return
            elif rest:
                self.statement(number, rest, obsolete=True)
            return
        if stripped.startswith("#"):
            self.comment(number, stripped)
            return
        self.statement(number, stripped, obsolete=False)

    def comment(self, number: int, line: str) -> None:
        if self.current is not None and self.current_complete():
            self.finish_entry(number)
        kind, rest = line[1:2], line[2:]
        target = self.pending
        if kind == ".":
            target.extracted.append(rest.strip())
        elif kind == ":":
            target.references += rest.split()
        elif kind == ",":
            target.flags += [f.strip() for f in rest.split(",") if f.strip()]
        elif kind == "|":
            self.previous(number, rest.strip(), obsolete=False)
        else:
            body = line[1:]
            target.comments.append(body[1:] if body.startswith(" ") else body)

    def previous(self, number: int, rest: str, obsolete: bool) -> None:
        match = _KEYWORD.match(rest)
        if match and match.group(1) in ("msgctxt", "msgid", "msgid_plural"):
            value = self.string(number, match.group(3))
            if match.group(1) == "msgctxt":
                self.pending.previous_msgctxt = value
            elif match.group(1) == "msgid":
                self.pending.previous_msgid = value
            self.field = "#|" + match.group(1)
        elif rest.startswith('"') and self.field and self.field.startswith("#|"):
            value = self.string(number, rest)
            if self.field == "#|msgctxt":
                self.pending.previous_msgctxt = (self.pending.previous_msgctxt or "") + value
            elif self.field == "#|msgid":
                self.pending.previous_msgid = (self.pending.previous_msgid or "") + value
        else:
            self.error(number, f"cannot read this previous-string line: {rest[:40]!r}")

    def current_complete(self) -> bool:
        return self.current is not None and self.field is not None and self.field.startswith("msgstr")

    def statement(self, number: int, line: str, obsolete: bool) -> None:
        if line.startswith('"'):
            self.continuation(number, line)
            return
        match = _KEYWORD.match(line)
        if not match:
            word = line.split()[0] if line.split() else line
            self.error(number, f"unexpected text {word[:30]!r}: expected msgctxt, msgid, msgstr or a quoted string")
            self.field = None
            return
        keyword, index, rest = match.groups()
        if not rest.startswith('"'):
            self.error(number, f"{keyword} needs a quoted string (\"...\")")
            self.field = None
            return
        value = self.string(number, rest)
        self.keyword(number, keyword, index, value, obsolete)

    def keyword(self, number: int, keyword: str, index: str | None, value: str, obsolete: bool) -> None:
        if keyword in ("msgctxt", "msgid") and self.current is not None and self.current_complete():
            self.finish_entry(number)
        if keyword == "msgctxt":
            if self.current is not None:
                self.error(number, "msgctxt in the middle of an entry (a msgstr is missing above?)")
            self.current = self.start(number, obsolete)
            self.current.msgctxt = value
        elif keyword == "msgid":
            if self.current is None:
                self.current = self.start(number, obsolete)
            elif self.field != "msgctxt":
                self.error(number, "msgid in the middle of an entry (a msgstr is missing above?)")
            self.current.msgid = value
            self.current.line = number
        elif self.current is None or self.field is None or (keyword != "msgid_plural" and index is None
                                                              and self.field.startswith("msgstr")):
            self.error(number, f"{keyword} without a msgid before it")
            return
        elif keyword == "msgid_plural":
            self.current.msgid_plural = value
        elif index is None:
            if self.field not in ("msgid",):
                self.error(number, "msgstr must follow its msgid")
            self.current.msgstr = value
        else:
            self.current.plurals.append(value)
        self.field = keyword if index is None else "msgstr[]"

    def start(self, number: int, obsolete: bool) -> Entry:
        entry, self.pending = self.pending, Entry("")
        entry.obsolete = obsolete
        entry.line = number
        return entry

    def continuation(self, number: int, line: str) -> None:
        if self.current is None or self.field is None or self.field.startswith("#|"):
            self.error(number, "a quoted string that belongs to no msgid or msgstr")
            return
        value = self.string(number, line)
        entry = self.current
        if self.field == "msgctxt":
            entry.msgctxt = (entry.msgctxt or "") + value
        elif self.field == "msgid":
            entry.msgid += value
        elif self.field == "msgid_plural":
            entry.msgid_plural = (entry.msgid_plural or "") + value
        elif self.field == "msgstr":
            entry.msgstr += value
        else:
            entry.plurals[-1] += value

    def string(self, number: int, text: str) -> str:
        """The value of one quoted string; anything after its closing quote is an error."""
        out: list[str] = []
        i = 1
        while i < len(text):
            plain = _PLAIN.match(text, i)
            if plain:
                out.append(plain.group())
                i = plain.end()
                continue
            ch = text[i]
            if ch == '"':
                if text[i + 1:].strip():
                    self.error(number, f"unexpected text after the closing quote: {text[i + 1:].strip()[:30]!r}")
                return "".join(out)
            if ch == "\\":
                match = _ESCAPE.match(text, i)
                assert match is not None
                simple, octal, hexa, bad = match.groups()
                if simple is not None:
                    out.append(_SIMPLE[simple])
                elif octal is not None:
                    out.append(chr(int(octal, 8)))
                elif hexa is not None:
                    out.append(chr(int(hexa, 16)))
                else:
                    self.error(number, f"unknown escape sequence \\{bad}" if bad else "backslash at the end of a line")
                i = match.end()
        self.error(number, "unterminated string: the closing quote is missing")
        return "".join(out)

    def finish_entry(self, number: int) -> None:
        entry = self.current
        if entry is None:
            return
        if self.field not in ("msgstr", "msgstr[]"):
            self.error(entry.line, "msgid without a msgstr")
        key = (entry.key, entry.obsolete)
        if key in self.seen:
            self.error(entry.line, f"duplicate message (also at line {self.seen[key]}): "
                                   f"msgctxt {entry.msgctxt!r}, msgid {entry.msgid[:30]!r}")
        else:
            self.seen[key] = entry.line
            self.entries.append(entry)
        self.current, self.field = None, None

    def check_header(self) -> None:
        header = next((e for e in self.entries if e.is_header), None)
        if header is None:
            return
        match = _CHARSET.search(header.msgstr)
        charset = match.group(1) if match else "UTF-8"
        if charset.upper().replace("_", "-") not in ("UTF-8", "UTF8", "CHARSET", "ASCII", "US-ASCII"):
            line = header.line + 2 + header.msgstr[: match.start() if match else 0].count("\n")
            self.error(line, f"charset {charset} is not supported: save the file as UTF-8 and write charset=UTF-8")

    def result(self) -> PoFile:
        header = next((e for e in self.entries if e.is_header), None)
        return PoFile(header, [e for e in self.entries if e is not header])


def write_po_text(po: PoFile, page_width: int = PAGE_WIDTH) -> str:
    """The catalog laid out as GNU msgmerge writes it."""
    blocks = []
    if po.header is not None:
        blocks.append(_entry_lines(po.header, page_width))
    blocks += [_entry_lines(e, page_width) for e in po.entries if not e.obsolete]
    blocks += [_obsolete_lines(e, page_width) for e in po.entries if e.obsolete]
    return "\n".join("\n".join(lines) + "\n" for lines in blocks)


def _comment(mark: str, text: str) -> str:
    return f"{mark} {text}" if text else mark


def _entry_lines(entry: Entry, width: int) -> list[str]:
    lines = [_comment("#", c) for c in entry.comments]
    lines += [_comment("#.", c) for c in entry.extracted]
    lines += _reference_lines(entry.references, width)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    lines += _strings(entry, "", width)
    return lines


def _obsolete_lines(entry: Entry, width: int) -> list[str]:
    lines = [_comment("#", c) for c in entry.comments]
    lines += [_comment("#.", c) for c in entry.extracted]
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    return lines + _strings(entry, "#~ ", width)


def _strings(entry: Entry, prefix: str, width: int) -> list[str]:
    previous = "#~| " if prefix else "#| "
    lines: list[str] = []
    if entry.previous_msgctxt is not None:
        lines += wrap("msgctxt", entry.previous_msgctxt, previous, width)
    if entry.previous_msgid is not None:
        lines += wrap("msgid", entry.previous_msgid, previous, width)
    if entry.msgctxt is not None:
        lines += wrap("msgctxt", entry.msgctxt, prefix, width)
    lines += wrap("msgid", entry.msgid, prefix, width)
    if entry.msgid_plural is not None:
        lines += wrap("msgid_plural", entry.msgid_plural, prefix, width)
        for index, value in enumerate(entry.plurals):
            lines += wrap(f"msgstr[{index}]", value, prefix, width)
    else:
        lines += wrap("msgstr", entry.msgstr, prefix, width)
    return lines


def _reference_lines(references: list[str], width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for ref in references:
        if line and len(line) + 1 + len(ref) > width:
            lines.append(line)
            line = ""
        line = (line or "#:") + " " + ref
    return lines + ([line] if line else [])
