"""Parse the tiny inline markup of content text: **bold**, _{sub}, ^{sup}, {metric}, line breaks.

Anything that is not one of these is literal text: `<`, `&` and a `{` that does not open a
metric reference print as written. The same grammar applies to translations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

METRIC_ID = r"[a-z][a-z0-9_]*"
_TOKEN = re.compile(
    r"(?P<bold>\*\*)"
    r"|(?P<script>[_^])\{(?P<script_text>[^{}\n]*)\}"
    rf"|\{{(?P<ref>{METRIC_ID})\}}"
    r"|(?P<br>\n)"
)
REFERENCE = re.compile(rf"\{{({METRIC_ID})\}}")


@dataclass(frozen=True)
class Run:
    """Literal text; `bold` when inside **...**."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Script:
    """Sub- or superscript text, e.g. the 2.5 of PM2.5."""

    text: str
    position: str  # "sub" | "sup"
    bold: bool = False


@dataclass(frozen=True)
class Ref:
    """A reference to a metric, written {id}."""

    metric: str
    bold: bool = False


@dataclass(frozen=True)
class Break:
    """A forced line break."""


Inline = Union[Run, Script, Ref, Break]


class MarkupError(ValueError):
    """Unbalanced markup; `offset` is the character index in the text."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


def parse_inline(text: str) -> tuple[Inline, ...]:
    """Split text into runs, scripts, references and breaks."""
    out: list[Inline] = []
    bold, bold_at, pos = False, -1, 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(Run(text[pos : match.start()], bold))
        pos = match.end()
        if match.group("bold"):
            bold, bold_at = not bold, match.start()
        elif match.group("script"):
            position = "sub" if match.group("script") == "_" else "sup"
            out.append(Script(match.group("script_text"), position, bold))
        elif match.group("ref"):
            out.append(Ref(match.group("ref"), bold))
        else:
            out.append(Break())
    if pos < len(text):
        out.append(Run(text[pos:], bold))
    if bold:
        raise MarkupError("'**' opens bold text that is never closed", bold_at)
    return tuple(out)


def references(text: str) -> list[str]:
    """The metric ids a text refers to, in order."""
    return REFERENCE.findall(text)
