"""Readers turn a file's bytes into text, one small module per type, chosen by content as well as by name.

Each reader returns an Extracted (the text of each page, or of the one page a non-paged file has, with whatever
title, link and date the file itself states) or a Problem that says why the file cannot be read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..models import Problem


@dataclass
class Extracted:
    """A file's text before cleaning: one string per page, paragraphs on lines of their own."""

    pages: list[str]
    kind: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    site: str | None = None  # the site's name ('Báo Kinh tế và Đô thị'), when the page gives it
    paged: bool = False  # whether pages are real pages (PDF) that citations should name
    debris: bool = True  # whether the web-page debris cleaner should run over the text
    headings: set[str] = field(default_factory=set)  # paragraphs that start a section: chunks do not cross them


HOST = re.compile(r"[\w.-]+\.[a-z]{2,}", re.IGNORECASE)  # 'kinhtedothi.vn': a link's host, not a site's name
Reader = Callable[[str, bytes], "Extracted | Problem"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"), **dict.fromkeys(HTML_SUFFIXES, "html"), ".pdf": "pdf", ".docx": "docx",
}  # fmt: skip
SUPPORTED = "plain text (.txt, .md), HTML (.html, .htm), PDF (.pdf) and Word (.docx)"


def sniff(data: bytes) -> str | None:
    """The type the content itself shows, whatever the file is called (None when it shows none)."""
    head = data[:1024]
    if head.lstrip(b"\x00\t\n\r ").startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # old binary Office formats (.doc, .xls)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")) or (text.startswith(b"<?xml") and b"<html" in head.lower()):
        return "html"
    return None


def kind(name: str, data: bytes) -> str | None:
    """The reader for a file: its content decides when it shows a type; otherwise its suffix; None if neither."""
    shown = sniff(data)
    if shown in ("pdf", "docx", "html"):
        return shown
    if shown is not None:
        return None  # a spreadsheet, a slide deck, an archive or an old Office file, whatever it is called
    return SUFFIXES.get(PurePosixPath(name).suffix.lower())


def unsupported(name: str, data: bytes) -> Problem:
    shown = sniff(data)
    what = {"xlsx": "a spreadsheet", "pptx": "a slide deck", "zip": "a zip archive", "ole": "an old Office file"}
    suffix = PurePosixPath(name).suffix.lower() or "no suffix"
    found = what.get(shown or "", f"type {suffix}")
    return Problem(path=name, reason=f"unsupported file ({found}); readable types are {SUPPORTED}")


def read(name: str, data: bytes) -> Extracted | Problem:
    """Extract a file's text with the reader its content and name call for."""
    chosen = kind(name, data)
    if chosen is None:
        return unsupported(name, data)
    if chosen == "text":
        from .text import read as reader
    elif chosen == "html":
        from .html import read as reader
    elif chosen == "pdf":
        from .pdf import read as reader
    else:
        from .docx import read as reader
    return reader(name, data)
