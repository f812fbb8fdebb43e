"""Readers per file type, with real files built by the test: an HTML page with site chrome, a two-page PDF written
with fpdf2, a DOCX written with python-docx, a Markdown note; then indexed and asked about with the real model."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from assistant import Assistant, Settings
from assistant.ingest import parse
from assistant.models import Document, Problem
from assistant.readers import kind, read
from assistant.readers.pdf import paragraphs
from tests.conftest import write

CHROME = [
    "Politics", "Sport", "We use cookies", "Accept all cookies", "Storm closes Cua Dai beach", "Night market moves",
    "Copyright 2024", "newsroom@",
]  # fmt: skip
PAGE = """<!doctype html><html lang="en"><head><title>Lantern festival | Hoi An Daily</title>
<link rel="canonical" href="https://hoian.example/news/lanterns-2024">
<meta property="og:site_name" content="Hoi An Daily">
<meta property="article:published_time" content="2024-02-14"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul>
</nav><div class="cookie-banner">We use cookies to personalise content. Accept all cookies or manage preferences.</div>
<article><h1>Hoi An lights 4,800 lanterns for the full moon festival</h1>
<p>The old town of Hoi An hung 4,800 silk lanterns along the Thu Bon river for the full moon festival this year, the
town's culture office said.</p>
<p>Volunteers from twelve neighbourhood associations spent three weeks making the lanterns by hand, using bamboo
frames and silk donated by local workshops.</p>
<p>Visitors are asked to leave motorbikes outside the old quarter during the festival evenings.</p></article>
<aside><h2>Related articles</h2><ul><li><a href="/a">Storm closes Cua Dai beach</a></li>
<li><a href="/b">Night market moves to new site</a></li></ul></aside>
<footer><p>Copyright 2024 Hoi An Daily. All rights reserved.</p><p>Contact: newsroom@hoian.example</p></footer>
</body></html>"""


def pdf_bytes(*pages: str, title: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
        else:
            pdf.rect(20, 20, 100, 60, style="F")  # a page with a picture and no text, as a scan has
    if title:
        pdf.set_title(title)
    return bytes(pdf.output())


REPORT = pdf_bytes(
    "Annual report of the Red River irrigation board.\nThe board met four times this year to review the state of "
    "the canals and pumping stations along the river.",
    "Results.\nThe board repaired 37 kilometres of canal in Thai Binh province and replaced nine pumping stations "
    "before the rainy season.",
    title="Red River irrigation report",
)


def docx_bytes(pupils: str = "2,150") -> bytes:
    document = docx.Document()
    document.core_properties.title = "Mountain school meals"
    document.add_heading("Mountain school meals", 0)
    document.add_paragraph("The programme serves lunch to pupils in the highlands.")
    document.add_heading("Figures", 1)
    document.add_paragraph(f"In Ha Giang, {pupils} pupils at boarding schools received free lunches every school day.")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "District", (0, 1): "Pupils", (1, 0): "Dong Van", (1, 1): "640"}.items():
        table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


NOTE = "# Cooperative note\n\nThe Tan Phu coffee cooperative has 85 member families who share two drying yards.\n"


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def folder(seeds: Path) -> None:
    write(seeds, "page.html", PAGE)
    (seeds / "report.pdf").write_bytes(REPORT)
    (seeds / "meals.docx").write_bytes(docx_bytes())
    write(seeds, "note.md", NOTE)
    (seeds / "budget.xlsx").write_bytes(xlsx_bytes())


def document(name: str, data: bytes) -> Document:
    doc = parse(name, data)
    assert isinstance(doc, Document), doc
    return doc


def test_the_reader_is_chosen_by_content_before_the_name() -> None:
    assert kind("report.pdf", REPORT) == "pdf"
    assert kind("report.txt", REPORT) == "pdf"  # a PDF saved under the wrong name is still read as a PDF
    assert kind("meals.bin", docx_bytes()) == "docx"
    assert kind("page.txt", PAGE.encode()) == "html"
    assert kind("note.md", NOTE.encode()) == "text"
    assert kind("budget.xlsx", xlsx_bytes()) is None
    assert kind("budget.docx", xlsx_bytes()) is None  # a spreadsheet called .docx is not a Word file
    assert kind("data.csv", b"a,b\n1,2\n") is None
    assert kind("notes.md", b"# Notes\n\nA PDF file starts with %PDF-1.7 and ends with %%EOF.\n") == "text"


def test_html_keeps_the_article_and_its_metadata_and_drops_the_site_chrome() -> None:
    doc = document("page.html", PAGE.encode())
    assert doc.title == "Hoi An lights 4,800 lanterns for the full moon festival"
    assert (doc.url, doc.date, doc.kind) == ("https://hoian.example/news/lanterns-2024", "2024-02-14", "html")
    assert doc.site == "Hoi An Daily"
    assert "4,800 silk lanterns" in doc.text and "motorbikes outside the old quarter" in doc.text
    assert not [c for c in CHROME if c in doc.text]
    bare = document("bare.html", PAGE.replace("<meta property", "<meta name='x' property").encode())
    assert bare.date is None  # no date is guessed from "Copyright 2024"
    plain = (f"<html><head><title>Lanterns</title><link rel='canonical' href='https://hoian.example/a'></head><body>"
             f"<article><h1>Lanterns</h1><p>{'The old town hung 4,800 silk lanterns along the river. ' * 3}</p>"
             "</article></body></html>")  # fmt: skip
    assert document("plain.html", plain.encode()).site is None  # trafilatura names the link's host: no site's name


def test_pdf_pages_are_numbered_and_chunks_know_their_page() -> None:
    from assistant.chunking import chunk_document

    doc = document("report.pdf", REPORT)
    assert doc.title == "Red River irrigation report" and doc.kind == "pdf"
    assert [number for _, number in doc.pages] == [1, 2]
    second = doc.pages[1][0]
    assert doc.text[second:].startswith("Results.")
    chunks = chunk_document(doc, 500, 80)
    assert {c.page for c in chunks if "37 kilometres" in c.text} == {2}
    assert {c.page for c in chunks if "met four times" in c.text} == {1}
    assert all(not (c.start < second < c.end) for c in chunks)  # no chunk crosses a page


def test_pdf_lines_are_joined_into_paragraphs() -> None:
    assert paragraphs("The board repaired 37\nkilometres of canal.\nNext para-\ngraph here") == (
        "The board repaired 37 kilometres of canal.\nNext paragraph here"
    )
    page = (
        "Instruments\nThe main telescope of the observatory is a reflector whose primary\n"
        "mirror has a diameter of 610 millimetres and was installed in the spring\nby the university team\n"
        "Staff\nThe observatory employs four astronomers and two technicians who share\nthe night shifts"
    )
    assert paragraphs(page).split("\n") == [  # a short line without a full stop is a heading, not a sentence's start
        "Instruments",
        "The main telescope of the observatory is a reflector whose primary mirror has a diameter of 610 millimetres "
        "and was installed in the spring by the university team",
        "Staff",
        "The observatory employs four astronomers and two technicians who share the night shifts",
    ]


def test_a_pdf_without_text_layer_an_encrypted_pdf_and_a_corrupt_docx_are_problems_with_reasons() -> None:
    scanned = read("scan.pdf", pdf_bytes("", ""))
    assert isinstance(scanned, Problem) and "no text layer" in scanned.reason and "OCR" in scanned.reason

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(REPORT)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    encrypted = read("locked.pdf", locked.getvalue())
    assert isinstance(encrypted, Problem) and "encrypted" in encrypted.reason

    broken = docx_bytes()
    corrupt = read("broken.docx", broken[:2000] + b"\x00" * 64 + broken[2064:])
    assert isinstance(corrupt, Problem) and "Word file" in corrupt.reason

    truncated = read("cut.pdf", REPORT[:300])
    assert isinstance(truncated, Problem)


def test_docx_reads_paragraphs_headings_and_table_rows_in_order() -> None:
    doc = document("meals.docx", docx_bytes())
    assert doc.title == "Mountain school meals" and doc.kind == "docx"
    assert doc.date is None  # python-docx's template stamp is not the document's date
    assert doc.text.index("The programme") < doc.text.index("In Ha Giang") < doc.text.index("Dong Van")
    assert "District: Dong Van; Pupils: 640" in doc.text  # a table row still says what its number is
    assert doc.text[doc.sections[0] :].startswith("Figures")  # the heading starts a section


def test_markdown_heading_marks_leave_the_title_and_utf16_text_is_decoded() -> None:
    assert document("note.md", NOTE.encode()).title == "Cooperative note"
    utf16 = document("utf16.txt", "La coopérative compte 85 familles.".encode("utf-16"))
    assert utf16.text == "La coopérative compte 85 familles."


@pytest.mark.slow
def test_a_folder_of_four_types_is_indexed_answered_and_cited(isolated: Settings) -> None:
    seeds = isolated.seeds_dir
    folder(seeds)
    assistant = Assistant(isolated)
    report = assistant.reindex()
    assert (report.added, report.updated) == (4, 0)
    assert [p.path for p in report.skipped] == ["budget.xlsx"] and "unsupported" in report.skipped[0].reason

    for question, file, fact in [
        ("How many lanterns did Hoi An hang for the full moon festival?", "page.html", "4,800"),
        ("How many kilometres of canal did the board repair in Thai Binh?", "report.pdf", "37"),
        ("How many pupils in Ha Giang received free school lunches?", "meals.docx", "2,150"),
        ("How many member families does the Tan Phu coffee cooperative have?", "note.md", "85"),
    ]:
        reply = assistant.answer(question)
        assert reply.found, (question, reply.text)
        cited = reply.citations[0]
        assert cited.doc_id == file and fact in " ".join(cited.quotes), (question, reply.text)
        assert cited.page == (2 if file == "report.pdf" else None)

    passages = assistant.store.primary.get(include=["documents"])["documents"]
    assert not [c for c in CHROME if any(c in text for text in passages)]

    (seeds / "meals.docx").write_bytes(docx_bytes("2,400"))  # change detection works the same for every type
    (seeds / "report.pdf").unlink()
    again = assistant.reindex()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 1, 1, 2)
    changed = assistant.answer("How many pupils in Ha Giang received free school lunches?")
    assert "2,400" in changed.text and changed.citations[0].doc_id == "meals.docx"


@pytest.mark.slow
def test_the_size_limit_holds_for_every_type(isolated: Settings) -> None:
    (isolated.seeds_dir / "report.pdf").write_bytes(REPORT)
    (isolated.seeds_dir / "meals.docx").write_bytes(docx_bytes())
    small = isolated.model_copy(update={"max_file_mb": len(REPORT) / 2**20 / 2})
    report = Assistant(small).reindex()
    assert sorted(p.path for p in report.skipped) == ["meals.docx", "report.pdf"]
    assert all("ASSISTANT_MAX_FILE_MB" in p.reason for p in report.skipped)


def test_a_word_file_that_expands_too_far_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader, "EXPANDED_LIMIT", 10_000)  # a real bomb is 20 MB that unpacks to gigabytes
    bomb = read("bomb.docx", docx_bytes())
    assert isinstance(bomb, Problem) and "expands to" in bomb.reason
