"""Step 1 - Load a brief: read its YAML files into the content model, collecting every problem."""
from __future__ import annotations

import difflib
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from briefgen.content import checks
from briefgen.content.model import Brief, Chart, GlossaryEntry, Metric, Paragraph, Part, Section, Text
from briefgen.content.schema import Fields, Problems, make_text
from briefgen.content.yamlsafe import Map, Node, Scalar, Seq, load_yaml
from briefgen.content.folders import BRIEF_FILE
from briefgen.errors import ContentError, Location
from briefgen.files import outside_brief
from briefgen.units import BOUNDS, KINDS, UNIT_KINDS, UNITS, Unit, declared_unit, unit_table

CHART_KINDS = ("bars", "tiles", "progress", "compare", "share", "pictogram", "timeline", "diagram")
CHART_SCALES = ("chart", "row")  # bars and compare: one scale for the chart, or one per row
ID = re.compile(r"[a-z][a-z0-9_]*\Z")
UNITS_FILE = "units.yaml"
EN_VARIANTS = ("en-US", "en-GB")


def load_brief(root: Path) -> Brief:
    """Load and validate one brief; raise ContentError listing every problem found."""
    brief, problems = read_brief(root)
    if problems.errors() or brief is None:
        raise ContentError(problems.errors())
    return brief


def read_brief(root: Path) -> tuple[Brief | None, Problems]:
    """Load one brief, returning it (None when a file could not be parsed) and all problems."""
    problems = Problems()
    reader = _Reader(root, problems)
    brief = reader.brief()
    if brief is not None and not problems.errors():  # cross-checks on broken input only echo the first error
        checks.check_brief(brief, problems)
    return brief, problems


class _Reader:
    def __init__(self, root: Path, problems: Problems):
        self.root = root
        self.problems = problems
        self.files: list[Path] = []
        self.declared: dict[str, Unit] = {}

    def load(self, relative: str, listed_at: Location | None = None) -> Node | None:
        """Parse one file of the brief; listed_at is where brief.yaml names it (for a part)."""
        path = self.root / relative
        refused = outside_brief(self.root, path)
        if refused:
            self.problems.add(listed_at or Location.of(path), f"{relative}: {refused}" if listed_at else refused)
            return None
        if not path.is_file():
            if listed_at is not None:
                self.problems.add(listed_at, f"there is no file {relative} for this part")
            else:
                self.problems.add(Location.of(path), "file not found")
            return None
        self.files.append(path)
        try:
            return load_yaml(path)
        except ContentError as exc:
            self.problems.items.extend(exc.problems)
            return None

    def brief(self) -> Brief | None:
        node = self.load(BRIEF_FILE)
        if node is None:
            return None
        f = Fields(node, "brief.yaml", self.problems,
                   ("title", "date", "locales", "parts"),
                   ("subtitle", "dateline", "lead", "source", "credits", "author", "version", "cover", "en_variant"))
        self.declared = self.units()
        metrics = self.metrics()
        glossary = self.glossary()
        parts = [self.part(name, where) for name, where in self.part_names(f)]
        date = f.date("date")
        locales, cover = f.strings("locales"), f.strings("cover")
        if None in parts or date is None:
            return None
        return Brief(
            id=self.root.name, root=self.root,
            title=f.text("title", "brief/title") or _empty("brief/title", f.where),
            subtitle=f.text("subtitle", "brief/subtitle") or _empty("brief/subtitle", f.where),
            dateline=f.text("dateline", "brief/dateline") or _empty("brief/dateline", f.where),
            date=date,
            lead=tuple(self.paragraphs(f.seq("lead"), "brief/lead")),
            source=f.text("source", "brief/source") or _empty("brief/source", f.where),
            credits=f.text("credits", "brief/credits") or _empty("brief/credits", f.where),
            author=f.text("author", "brief/author") or _empty("brief/author", f.where),
            version=f.string("version") or "",
            locales=tuple(name for name, _ in locales),
            cover_metrics=tuple(name for name, _ in cover),
            parts=tuple(p for p in parts if p is not None),
            metrics=metrics or {},
            glossary=tuple(glossary),
            files=tuple(self.files),
            units=unit_table(self.declared),
            en_variant=f.choice("en_variant", EN_VARIANTS) or EN_VARIANTS[0],
            locale_places=tuple(where for _, where in locales),
            cover_places=tuple(where for _, where in cover),
        )

    def part_names(self, f: Fields) -> list[tuple[str, Location]]:
        """The part names of brief.yaml, each listed once (a repeat is an error at the repeat)."""
        seen: dict[str, Location] = {}
        for name, where in f.strings("parts"):
            if name in seen:
                self.problems.add(where, f"part {name!r} is listed twice in 'parts' (first at {_line_col(seen[name])})")
            seen.setdefault(name, where)
        return list(seen.items())

    def metrics(self) -> dict[str, Metric] | None:
        node = self.load("metrics.yaml")
        if node is None:
            return None
        if not isinstance(node, Map):
            self.problems.add(node.where, "metrics.yaml must map metric ids to their fields")
            return None
        found = {key: m for key, value in node.entries.items() if (m := self.metric(key, node.keys[key], value))}
        return {key: _with_base(m, found) for key, m in found.items()}

    def metric(self, key: str, where: Location, node: Node) -> Metric | None:
        if not ID.match(key):
            self.problems.add(where, f"metric id {key!r} must be lower-case letters, digits and _")
        changes = isinstance(node, Map) and "change_of" in node.entries
        required = ("value", "label") if changes else ("value", "unit", "kind", "label")  # a change may take its base's unit
        f = Fields(node, f"metric {key!r}", self.problems, required,
                   ("year", "bound", "change_of", "vs") + (("unit", "kind") if changes else ()))
        value, unit = f.number("value"), f.choice("unit", list(UNITS) + list(self.declared))
        kind, label = f.choice("kind", KINDS), f.text("label", f"metrics/{key}/label")
        if changes:
            kind, unit = kind or "change", unit or ""  # "" takes the base's unit (_with_base, below)
        if value is None or unit is None or kind is None or label is None:
            return None
        year = f.integer("year")
        signed = unit in checks.SIGNED_UNITS or getattr(self.declared.get(unit), "kind", "") == "money"
        problems = checks.value_problems(value, unit, kind, signed) + ([] if year is None else checks.year_problems(year))
        for field_name, message in problems:
            self.problems.add(f.raw(field_name).where, message)  # type: ignore[union-attr]
        if problems:
            return None
        return Metric(key, value, unit, kind, label, year, f.choice("bound", BOUNDS), where,
                      change_of=f.string("change_of"), vs=f.integer("vs"))

    def units(self) -> dict[str, Unit]:
        """The brief's own units from units.yaml (optional); a clash with a built-in is an error."""
        if not (self.root / UNITS_FILE).is_file():
            return {}
        node = self.load(UNITS_FILE)
        if node is None or (isinstance(node, Scalar) and node.value is None):
            return {}  # unparsable (already reported) or an empty file
        if not isinstance(node, Map):
            self.problems.add(node.where, "units.yaml must map unit ids to their fields")
            return {}
        found = {key: u for key, value in node.entries.items() if (u := self.unit(key, node.keys[key], value))}
        known = unit_table(found)
        for key, unit in found.items():
            self.check_conversion(unit, known, node.entries[key])
        return found

    def check_conversion(self, unit: Unit, known: dict[str, Unit], node: Node) -> None:
        """A conversion names another known unit, one that does not convert again."""
        target = unit.metric_unit
        where = node.get("convert").where if isinstance(node, Map) and node.get("convert") else node.where  # type: ignore[union-attr]
        if target is None:
            return
        if target == unit.id or target not in known:
            self.problems.add(where, f"unit {unit.id!r} converts to {target!r}, which is not another unit "
                                     f"(built in, or declared in units.yaml){_suggest_unit(target, known)}")
        elif known[target].metric_unit is not None:
            self.problems.add(where, f"unit {unit.id!r} converts to {target!r}, which converts again; "
                                     "convert straight to the unit readers know")

    def unit(self, key: str, where: Location, node: Node) -> Unit | None:
        if not ID.match(key):
            self.problems.add(where, f"unit id {key!r} must be lower-case letters, digits and _")
        if key in UNITS:
            self.problems.add(where, f"unit {key!r} is built in; give your unit another id (or use the built-in one)")
            return None
        f = Fields(node, f"unit {key!r}", self.problems, ("zh", "en"), ("en_plural", "symbol", "kind", "convert"))
        zh, en = f.string("zh"), f.string("en")
        kind = f.choice("kind", UNIT_KINDS) or "measure"
        convert_to, factor = self.conversion(f.raw("convert"), key)
        if zh is None or en is None:
            return None
        return declared_unit(key, zh, en, f.string("en_plural") or "", kind=kind, symbol=f.string("symbol") or "",
                             convert_to=convert_to, factor=factor)

    def conversion(self, node: Node | None, key: str) -> tuple[str | None, Decimal]:
        if node is None:
            return None, Decimal(1)
        f = Fields(node, f"the conversion of unit {key!r}", self.problems, ("to", "factor"))
        to, factor = f.string("to"), f.number("factor")
        if to is None or factor is None:
            return None, Decimal(1)
        return to, factor

    def glossary(self) -> list[GlossaryEntry]:
        node = self.load("glossary.yaml")
        if node is None:
            return []
        if not isinstance(node, Map):
            self.problems.add(node.where, "glossary.yaml must map Chinese terms to English terms")
            return []
        return [e for zh, value in node.entries.items() if (e := self.term(zh, node.keys[zh], value))]

    def term(self, zh: str, where: Location, node: Node) -> GlossaryEntry | None:
        if isinstance(node, Scalar) and isinstance(node.value, str):
            return GlossaryEntry(zh, node.value, "", where)
        f = Fields(node, f"glossary term {zh!r}", self.problems, ("en",), ("note",))
        en = f.string("en")
        return GlossaryEntry(zh, en, f.string("note") or "", where) if en else None

    def part(self, name: str, where: Location) -> Part | None:
        if not ID.match(name):
            self.problems.add(where, f"part name {name!r} must be lower-case letters, digits and _")
            return None
        node = self.load(f"parts/{name}.yaml", listed_at=where)
        if node is None:
            return None
        ctx = f"parts/{name}"
        f = Fields(node, f"part {name!r}", self.problems, ("title",), ("kicker", "intro", "sections", "chart"))
        sections = [self.section(item, ctx) for item in f.seq("sections")]
        return Part(
            id=name,
            title=f.text("title", f"{ctx}/title") or _empty(f"{ctx}/title", f.where),
            kicker=f.text("kicker", f"{ctx}/kicker"),
            intro=tuple(self.paragraphs(f.seq("intro"), f"{ctx}/intro")),
            sections=tuple(s for s in sections if s is not None),
            chart=self.chart(f.raw("chart"), name, f"{ctx}/chart"),
            where=f.where,
        )

    def section(self, node: Node, parent: str) -> Section | None:
        f = Fields(node, "a section", self.problems, ("id", "paragraphs"), ("title", "keyword", "headline", "chart"))
        sid = f.string("id")
        if sid is None:
            return None
        if not ID.match(sid):
            self.problems.add(f.raw("id").where, f"section id {sid!r} must be lower-case letters, digits and _")  # type: ignore[union-attr]
        ctx = f"{parent}/{sid}"
        keyword = f.text("keyword", f"{ctx}/keyword")
        title = f.text("title", f"{ctx}/title") or keyword
        if title is None and not f.misspelled & {"title", "keyword"}:
            self.problems.add(f.where, f"section {sid!r} needs a 'title' (or a 'keyword')")
        return Section(
            id=sid, title=title or _empty(f"{ctx}/title", f.where),
            paragraphs=tuple(self.paragraphs(f.seq("paragraphs"), f"{ctx}/p")),
            keyword=keyword,
            headline=f.text("headline", f"{ctx}/headline"),
            chart=self.chart(f.raw("chart"), sid, f"{ctx}/chart"),
            where=f.where,
        )

    def paragraphs(self, nodes: list[Node], ctx: str) -> list[Paragraph]:
        """Paragraphs in order. Their message context names the place, not the position, so
        inserting, removing or moving a paragraph leaves the others' translations alone; an
        optional `id:` gives a paragraph a context of its own (ctx/id)."""
        out: list[Paragraph] = []
        ids: set[str] = set()
        for node in nodes:
            if isinstance(node, Scalar) and isinstance(node.value, str):
                out.append(Paragraph(make_text(node.value, ctx, node.where, self.problems)))
                continue
            f = Fields(node, "a paragraph", self.problems, (), ("id", "topic", "text"))
            here = self.paragraph_context(f, ctx, ids)
            topic, text = f.text("topic", f"{here}/topic"), f.text("text", here)
            if topic is None and text is None:
                self.problems.add(node.where, "a paragraph needs text (or a 'topic' and 'text')")
                continue
            out.append(Paragraph(text, topic))
        return out

    def paragraph_context(self, f: Fields, ctx: str, ids: set[str]) -> str:
        pid = f.string("id")
        if pid is None:
            return ctx
        where = f.raw("id").where  # type: ignore[union-attr]
        if not ID.match(pid) or pid == "topic":
            self.problems.add(where, f"paragraph id {pid!r} must be lower-case letters, digits and _ (not 'topic')")
        elif pid in ids:
            self.problems.add(where, f"paragraph id {pid!r} is used twice here; each paragraph's id must be its own")
        ids.add(pid)
        return f"{ctx}/{pid}"

    def chart(self, node: Node | None, default_id: str, ctx: str) -> Chart | None:
        if node is None:
            return None
        f = Fields(node, "a chart", self.problems, ("kind", "title", "source", "description"),
                   ("id", "metrics", "pairs", "items", "scale"))
        kind = f.choice("kind", CHART_KINDS)
        title, source = f.text("title", f"{ctx}/title"), f.text("source", f"{ctx}/source")
        description = f.text("description", f"{ctx}/description")
        if kind is None or title is None or source is None or description is None:
            return None
        items = tuple(make_text(text, f"{ctx}/item", where, self.problems) for text, where in f.strings("items"))
        metrics, pairs = f.strings("metrics"), self.pairs(f.seq("pairs"))
        return Chart(
            id=f.string("id") or default_id, kind=kind, title=title, description=description, source=source,
            metrics=tuple(m for m, _ in metrics), items=items,
            pairs=tuple((a, b) for (a, _), (b, _) in pairs), scale=f.choice("scale", CHART_SCALES) or "chart",
            where=f.where,
            metric_places=tuple(where for _, where in metrics),
            pair_places=tuple((wa, wb) for (_, wa), (_, wb) in pairs),
        )

    def pairs(self, nodes: list[Node]) -> list[tuple[tuple[str, Location], tuple[str, Location]]]:
        out = []
        for node in nodes:
            ok = isinstance(node, Seq) and len(node.items) == 2 and all(
                isinstance(i, Scalar) and isinstance(i.value, str) for i in node.items)
            if not ok:
                self.problems.add(node.where, "each pair must be two metric ids: [before, after]")
                continue
            first, second = node.items  # type: ignore[union-attr]
            out.append(((first.raw, first.where), (second.raw, second.where)))  # type: ignore[union-attr]
        return out


def _suggest_unit(name: str, known: dict[str, Unit]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _with_base(metric: Metric, metrics: dict[str, Metric]) -> Metric:
    """A change figure takes its base's unit and year where it does not give its own."""
    base = metrics.get(metric.change_of or "")
    if base is None:
        return metric
    return replace(metric, unit=metric.unit or base.unit, year=metric.year or base.year)


def _line_col(where: Location) -> str:
    return f"{where.line}:{where.column}"


def _empty(context: str, where: Location) -> Text:
    return Text("", context, where)
