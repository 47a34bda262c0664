"""A structural check of the PDF/UA-1 rules a machine can test, on pikepdf; each finding one line.

Checked: every painting operator inside a tagged sequence or an artifact, no artifact inside
tagged content, MCID ↔ ParentTree ↔ element consistency, standard structure types, heading
levels without gaps, Figure /Alt, links tagged with /StructParent, OBJR and /Contents, /Tabs /S,
/MarkInfo, /Lang, DisplayDocTitle, dc:title, a ToUnicode entry for every code shown and no
glyph 0 (.notdef).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby",
    "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}
PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "BI"}
SHOW = {"Tj", "TJ", "'", '"'}


def check(path: Path) -> list[str]:
    """Every finding, one line each; an empty list means the file passed."""
    with pikepdf.open(path) as pdf:
        return list(_document(pdf)) + list(_pages(pdf)) + list(_tree(pdf))


def _document(pdf: pikepdf.Pdf) -> Iterator[str]:
    root = pdf.Root
    if not root.get("/MarkInfo", {}).get("/Marked", False):
        yield "catalog: /MarkInfo /Marked is not true"
    if "/StructTreeRoot" not in root:
        yield "catalog: no /StructTreeRoot"
    if not str(root.get("/Lang", "")):
        yield "catalog: no /Lang"
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
        yield "catalog: DisplayDocTitle is not true"
    meta = pdf.open_metadata()
    if not meta.get("dc:title"):
        yield "XMP: no dc:title"
    if str(meta.get("pdfuaid:part", "")) != "1":
        yield "XMP: no pdfuaid:part 1"


def _pages(pdf: pikepdf.Pdf) -> Iterator[str]:
    parent_tree = _parent_tree(pdf)
    for number, page in enumerate(pdf.pages, start=1):
        where = f"page {number}"
        if page.obj.get("/Tabs") != Name.S:
            yield f"{where}: /Tabs is not /S"
        mcids = yield_from_content(page, where, _fonts(page))
        yield from mcids.findings
        if mcids.used:
            index = page.obj.get("/StructParents")
            if index is None:
                yield f"{where}: marked content but no /StructParents"
                continue
            entries = parent_tree.get(int(index))
            for mcid in sorted(mcids.used):
                element = entries[mcid] if entries is not None and mcid < len(entries) else None
                if not isinstance(element, Dictionary) or not _owns(element, page.obj, mcid):
                    yield f"{where}: MCID {mcid} has no element in the ParentTree that holds it"
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != Name.Link:
                continue
            key = annotation.get("/StructParent")
            element = parent_tree.get(int(key)) if key is not None else None
            if not isinstance(element, Dictionary) or element.get("/S") != Name.Link:
                yield f"{where}: link annotation not tagged as a Link element"
            elif not any(isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR and k.get("/Obj") == annotation
                         for k in _kids(element)):
                yield f"{where}: Link element has no OBJR for its annotation"
            if not str(annotation.get("/Contents", "")):
                yield f"{where}: link annotation has no /Contents"


class _Scan:
    def __init__(self) -> None:
        self.findings: list[str] = []
        self.used: set[int] = set()


def yield_from_content(page: pikepdf.Page, where: str, fonts: dict[str, tuple[set[int], bool]]) -> _Scan:
    """Walk a page's operators with a stack of marked sequences."""
    scan = _Scan()
    stack: list[str] = []  # "tag" or "artifact" per open sequence
    font = ""
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        operands = instruction.operands
        if op in ("BDC", "BMC"):
            kind = "artifact" if operands[0] == Name.Artifact else "tag"
            if kind == "tag" and op == "BDC" and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
                if "tag" in stack:
                    scan.findings.append(f"{where}: tagged content nested in tagged content")
                if "artifact" in stack:
                    scan.findings.append(f"{where}: tagged content inside an artifact")
                scan.used.add(int(operands[1].MCID))
            elif kind == "artifact" and "tag" in stack:
                scan.findings.append(f"{where}: artifact inside tagged content")
            stack.append(kind)
        elif op == "EMC":
            if not stack:
                scan.findings.append(f"{where}: EMC without BDC")
            else:
                stack.pop()
        elif op == "Tf":
            font = str(operands[0])
        elif op in PAINT and not stack:
            scan.findings.append(f"{where}: {op} outside tagged content and artifacts")
        if op in SHOW and font in fonts:
            yield_codes(operands, op, fonts[font], where, scan)
    if stack:
        scan.findings.append(f"{where}: {len(stack)} marked sequence(s) left open")
    return scan


def yield_codes(operands: list, op: str, font: tuple[set[int], bool], where: str, scan: _Scan) -> None:
    mapped, _ = font
    strings = operands[0] if op == "TJ" else operands[-1:]
    for item in strings:
        if isinstance(item, pikepdf.String):
            for code in bytes(item):
                if code == 0:
                    scan.findings.append(f"{where}: code 0 (.notdef) shown")
                elif code not in mapped:
                    scan.findings.append(f"{where}: code {code} has no ToUnicode entry")


def _fonts(page: pikepdf.Page) -> dict[str, tuple[set[int], bool]]:
    found: dict[str, tuple[set[int], bool]] = {}
    for name, font in page.Resources.get("/Font", {}).items():
        stream = font.get("/ToUnicode")
        found[name] = (_cmap_codes(stream.read_bytes().decode("latin-1")) if stream is not None else set(), True)
    return found


def _cmap_codes(cmap: str) -> set[int]:
    codes: set[int] = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes |= {int(c, 16) for c in re.findall(r"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>", block)}
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes |= set(range(int(low, 16), int(high, 16) + 1))
    return codes


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, object]:
    tree = pdf.Root.get("/StructTreeRoot", {}).get("/ParentTree")
    out: dict[int, object] = {}

    def walk(node: Dictionary) -> None:
        nums = node.get("/Nums", [])
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
        for kid in node.get("/Kids", []):
            walk(kid)
    if tree is not None:
        walk(tree)
    return out


def _kids(element: Dictionary) -> list[object]:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _owns(element: Dictionary, page: Dictionary, mcid: int) -> bool:
    for kid in _kids(element):
        if isinstance(kid, int) and kid == mcid and element.get("/Pg") == page:
            return True
        if isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR and int(kid.MCID) == mcid:
            return kid.get("/Pg", element.get("/Pg")) == page
    return False


def _tree(pdf: pikepdf.Pdf) -> Iterator[str]:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    role_map = root.get("/RoleMap", {})
    last_heading = 0
    for element in _elements(root):
        role = str(element.get("/S", ""))[1:]
        role = str(role_map.get("/" + role, "/" + role))[1:]
        if role not in STANDARD:
            yield f"structure: type {role!r} is neither standard nor role-mapped"
        if role == "Figure" and not str(element.get("/Alt", "")):
            yield "structure: Figure without /Alt"
        if re.fullmatch(r"H[1-6]", role):
            level = int(role[1])
            if level > last_heading + 1:
                yield f"structure: heading H{level} follows H{last_heading or '-'} (a level skipped)"
            last_heading = level


def _elements(node: Dictionary) -> Iterator[Dictionary]:
    """Structure elements in document order."""
    for kid in _kids(node):
        if isinstance(kid, Dictionary) and kid.get("/Type", Name.StructElem) == Name.StructElem and "/S" in kid:
            yield kid
            yield from _elements(kid)
