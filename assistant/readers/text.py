"""Plain text and Markdown: decoded by the byte-order mark when there is one, else as UTF-8."""

from __future__ import annotations

import codecs
import re

from ..models import Problem
from . import Extracted

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BOMS = [  # the longest first: a UTF-32 mark starts like a UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]  # fmt: skip


def decode(name: str, data: bytes) -> str | Problem:
    """The text of a file saved as UTF-8, or as UTF-16/32 with a byte-order mark."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        return Problem(path=name, reason="binary file (contains NUL bytes), skipped")
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        return Problem(path=name, reason=f"not valid {encoding or 'UTF-8'} (byte {exc.start}); re-save it as UTF-8")


def read(name: str, data: bytes) -> Extracted | Problem:
    text = decode(name, data)
    if isinstance(text, Problem):
        return text
    headings: set[str] = set()
    if name.lower().endswith((".md", ".markdown")):  # "# A heading" starts a section; the title loses its marks
        headings = {" ".join(line.split()) for line in text.splitlines() if _HEADING.match(line)}
    first = next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")
    title = _HEADING.sub("", first) if first in headings else None
    return Extracted(pages=[text], kind="text", title=title, headings=headings)
