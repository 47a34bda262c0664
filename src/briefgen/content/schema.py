"""Typed, located access to YAML mappings, collecting every problem instead of stopping at one."""
from __future__ import annotations

import datetime as dt
import difflib
import math
from decimal import Decimal, InvalidOperation

from briefgen.content.inline import MarkupError, parse_inline
from briefgen.content.model import Text
from briefgen.content.yamlsafe import Map, Node, Scalar, Seq
from briefgen.errors import Location, Problem

_TYPE_NAMES = {Map: "a mapping (key: value)", Seq: "a list", Scalar: "a single value"}


class Problems:
    """An ordered list of problems found while reading content."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, where: Location, message: str, severity: str = "error") -> None:
        self.items.append(Problem(where, message, severity))

    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]


class Fields:
    """The keys of one mapping, checked against the keys it may have."""

    def __init__(self, node: Node, what: str, problems: Problems, required: tuple[str, ...], optional: tuple[str, ...] = ()):
        self.problems = problems
        self.what = what
        self.misspelled: set[str] = set()  # allowed keys the user probably meant
        self.node = node if isinstance(node, Map) else Map({}, {}, node.where)
        if not isinstance(node, Map):
            problems.add(node.where, f"{what} must be {_TYPE_NAMES[Map]}, not {_describe(node)}")
            return
        allowed = required + optional
        for key, where in node.keys.items():
            if key not in allowed:
                problems.add(where, f"unknown key {key!r} in {what}{_suggest(key, allowed)}")
                self.misspelled.update(difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6))
        for key in required:
            if key not in node.entries and key not in self.misspelled:
                problems.add(node.where, f"{what} needs the key {key!r}")

    @property
    def where(self) -> Location:
        return self.node.where

    def raw(self, key: str) -> Node | None:
        return self.node.get(key)

    def string(self, key: str) -> str | None:
        node = self.node.get(key)
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.value is None or isinstance(node.value, (bool, dict, list)):
            self.problems.add(node.where, f"{key!r} must be text, not {_describe(node)}")
            return None
        return node.raw if isinstance(node.value, str) else str(node.raw)

    def text(self, key: str, context: str) -> Text | None:
        value = self.string(key)
        node = self.node.get(key)
        if value is None or node is None:
            return None
        return make_text(value, context, node.where, self.problems)

    def number(self, key: str) -> Decimal | None:
        node = self.node.get(key)
        if node is None:
            return None
        if isinstance(node, Scalar) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            if isinstance(node.value, float) and not math.isfinite(node.value):
                self.problems.add(node.where, f"{key!r} must be a finite number, not {node.raw!r}")
                return None
            try:
                return Decimal(node.raw.replace("_", ""))
            except InvalidOperation:
                pass
        hint = " (write a decimal number, e.g. 1.5e+9)" if _looks_numeric(node) else ""
        self.problems.add(node.where, f"{key!r} must be a number, not {_describe(node)}{hint}")
        return None

    def integer(self, key: str) -> int | None:
        node = self.node.get(key)
        if node is None:
            return None
        if isinstance(node, Scalar) and isinstance(node.value, int) and not isinstance(node.value, bool):
            return node.value
        self.problems.add(node.where, f"{key!r} must be a whole number, not {_describe(node)}")
        return None

    def date(self, key: str) -> dt.date | None:
        node = self.node.get(key)
        if node is None:
            return None
        if isinstance(node, Scalar) and isinstance(node.value, dt.date):
            return node.value if not isinstance(node.value, dt.datetime) else node.value.date()
        self.problems.add(node.where, f"{key!r} must be a date like 2024-01-28, not {_describe(node)}")
        return None

    def choice(self, key: str, choices: tuple[str, ...] | list[str]) -> str | None:
        value = self.string(key)
        node = self.node.get(key)
        if value is None or node is None:
            return None
        if value not in choices:
            self.problems.add(node.where, f"{key!r} is {value!r}; expected one of {', '.join(choices)}{_suggest(value, choices)}")
            return None
        return value

    def seq(self, key: str) -> list[Node]:
        node = self.node.get(key)
        if node is None:
            return []
        if not isinstance(node, Seq):
            self.problems.add(node.where, f"{key!r} must be {_TYPE_NAMES[Seq]}, not {_describe(node)}")
            return []
        return node.items

    def strings(self, key: str) -> list[tuple[str, Location]]:
        out = []
        for item in self.seq(key):
            if isinstance(item, Scalar) and isinstance(item.value, (str, int)) and not isinstance(item.value, bool):
                out.append((str(item.raw), item.where))
            else:
                self.problems.add(item.where, f"each entry of {key!r} must be text, not {_describe(item)}")
        return out


def make_text(value: str, context: str, where: Location, problems: Problems) -> Text:
    """A Text, after checking its markup parses."""
    try:
        parse_inline(value)
    except MarkupError as exc:
        problems.add(where, str(exc))
    return Text(value.strip(), context, where)


def _looks_numeric(node: Node) -> bool:
    """1e9 (YAML reads a number without a '.' before its exponent as text), 0x1F, 1:30."""
    if not isinstance(node, Scalar):
        return False
    try:
        return Decimal(node.raw.replace("_", "")).is_finite()
    except InvalidOperation:
        return False


def _describe(node: Node) -> str:
    if isinstance(node, Scalar):
        if node.value is None:
            return "empty"
        return f"{type(node.value).__name__.replace('str', 'text').replace('int', 'a number')} {node.raw!r}"
    return _TYPE_NAMES[type(node)]


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
