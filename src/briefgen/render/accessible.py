"""Finish a screen edition as tagged PDF/UA-1 and PDF/A-2b: structure tree, XMP, sRGB output intent.

ReportLab writes the marked content (render/tagging.py records it); this step, on pikepdf,
adds what ReportLab cannot: the StructTreeRoot with its ParentTree, /MarkInfo, /Tabs /S,
DisplayDocTitle, the XMP packet that says PDF/A-2b and PDF/UA-1, and the output intent.
Nothing here depends on the wall clock: dates come from the PDF's own Info dictionary.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from briefgen.render.tagging import Recorder, Tag

ICC_PROFILE = "sRGB.icc"  # Zlib licence, from Debian's icc-profiles-free (data/README.md)
Key = tuple[int, ...]


@dataclass(frozen=True)
class DocumentFacts:
    title: str
    author: str
    subject: str
    keywords: str
    lang: str  # BCP 47, the language of most of the text
    archival: bool = True  # PDF/A-2b: False for the print file with crop marks


def finish(pdf_bytes: bytes, recorder: Recorder, facts: DocumentFacts) -> bytes:
    """The PDF with its structure tree and archival metadata, deterministically saved."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _structure(pdf, recorder, facts.lang)
        _document_level(pdf, facts)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable)
        return out.getvalue()


# --- structure tree -------------------------------------------------------------------------
class _Tree:
    """Structure elements keyed by their story order, created on first use."""

    def __init__(self, pdf: pikepdf.Pdf, root: Dictionary, lang: str):
        self.pdf, self.root, self.lang = pdf, root, lang
        self.elements: dict[Key, Dictionary] = {}
        self.kids: dict[Key | None, list[tuple[Key, object]]] = {}

    def element(self, role: str, key: Key, parent: Key | None, lang: str = "", alt: str = "") -> Dictionary:
        if key in self.elements:
            return self.elements[key]
        parent_element = self.root if parent is None else self.elements[parent]
        element = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + role), P=parent_element))
        if lang and lang != self.lang:
            element.Lang = String(lang)
        if alt:
            element.Alt = String(alt)
        self.elements[key] = element
        self.kids.setdefault(parent, []).append((key, element))
        return element

    def for_tag(self, found: Tag) -> Dictionary:
        parent: Key | None = None
        for role, key in found.parents:
            self.element(role, key, parent)
            parent = key
        return self.element(found.role, found.order, parent, found.lang, found.alt)

    def add_content(self, element_key: Key, order: tuple[int, ...], item: object) -> None:
        self.kids.setdefault(element_key, []).append((order, item))

    def link_kids(self) -> None:
        for parent, kids in self.kids.items():
            ordered = [item for _, item in sorted(kids, key=lambda k: k[0])]
            target = self.root if parent is None else self.elements[parent]
            target.K = Array(ordered) if len(ordered) != 1 or parent is None else ordered[0]


def _structure(pdf: pikepdf.Pdf, recorder: Recorder, lang: str) -> None:
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=tree_root))
    tree_root.K = document
    tree = _Tree(pdf, document, lang)
    pages = list(pdf.pages)
    per_page: dict[int, dict[int, Dictionary]] = {}
    for mark in sorted(recorder.marks, key=lambda m: (m.tag.order, m.page, m.mcid)):
        element = tree.for_tag(mark.tag)
        reference = Dictionary(Type=Name.MCR, Pg=pages[mark.page - 1].obj, MCID=mark.mcid)
        tree.add_content(mark.tag.order, (mark.page, mark.mcid, 0), reference)
        per_page.setdefault(mark.page - 1, {})[mark.mcid] = element
    numbers: list[object] = []
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        page.obj.Tabs = Name.S
        if Name.Trans in page.obj:
            del page.obj[Name.Trans]
        marks = per_page.get(index, {})
        numbers += [index, pdf.make_indirect(Array([marks[m] for m in sorted(marks)]))]
    next_key = len(pages)
    for link in recorder.links:
        page_object = pages[link.page - 1].obj
        annotation = page_object.Annots[link.index]
        element = tree.for_tag(link.tag)
        annotation.StructParent = next_key
        annotation.Contents = String(link.contents)
        annotation.F = 4  # printable, as PDF/A asks
        tree.add_content(link.tag.order, (link.page, 10**6 + link.index, 1),
                         Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page_object))
        numbers += [next_key, element]
        next_key += 1
    tree.link_kids()
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(numbers)))
    tree_root.ParentTreeNextKey = next_key
    pdf.Root.StructTreeRoot = tree_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)


# --- document level -----------------------------------------------------------------------
def _document_level(pdf: pikepdf.Pdf, facts: DocumentFacts) -> None:
    root = pdf.Root
    root.Lang = String(facts.lang)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    if Name.PageLabels in root:  # ReportLab writes each label as an indirect object without its /Type
        root.PageLabels.Nums = Array([
            Dictionary({**{k: v for k, v in value.items()}, "/Type": Name.PageLabel})
            if isinstance(value, Dictionary) else value for value in root.PageLabels.Nums])
    info = pdf.docinfo
    if Name.Trapped in info:
        del info[Name.Trapped]
    info.Title, info.Author, info.Subject = String(facts.title), String(facts.author), String(facts.subject)
    info.Keywords = String(facts.keywords)
    created = _xmp_date(str(info.get(Name.CreationDate, "D:20000101000000+00'00'")))
    modified = _xmp_date(str(info.get(Name.ModDate, info.get(Name.CreationDate, "D:20000101000000+00'00'"))))
    packet = _xmp(facts, str(info.get(Name.Producer, "")), str(info.get(Name.Creator, "")), created, modified)
    root.Metadata = pdf.make_stream(packet.encode("utf-8"), Type=Name.Metadata, Subtype=Name.XML)
    if facts.archival:
        profile = resources.files("briefgen.render").joinpath("data", ICC_PROFILE).read_bytes()
        icc = pdf.make_stream(profile, N=3)
        root.OutputIntents = Array([Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
            Info=String("sRGB IEC61966-2.1"), DestOutputProfile=icc)])


def _xmp_date(pdf_date: str) -> str:
    """D:20000101000000+00'00' → 2000-01-01T00:00:00+00:00."""
    d = pdf_date.removeprefix("D:")
    zone = d[14:].replace("'", "") or "Z"
    zone = "+00:00" if zone in ("Z", "+0000", "-0000") else f"{zone[:3]}:{zone[3:5]}"
    return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}{zone}"


def _xmp(facts: DocumentFacts, producer: str, creator: str, created: str, modified: str) -> str:
    e = escape
    archival = ("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
                if facts.archival else "")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(facts.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{e(facts.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(facts.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{e(facts.lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>{e(producer)}</pdf:Producer>
<pdf:Keywords>{e(facts.keywords)}</pdf:Keywords>
<xmp:CreatorTool>{e(creator)}</xmp:CreatorTool>
<xmp:CreateDate>{created}</xmp:CreateDate>
<xmp:ModifyDate>{modified}</xmp:ModifyDate>
<xmp:MetadataDate>{modified}</xmp:MetadataDate>
{archival}<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
