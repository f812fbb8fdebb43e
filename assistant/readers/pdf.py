"""PDF: the text layer page by page (pypdf), so every chunk knows the page it comes from."""

from __future__ import annotations

import io
import logging
import re
from datetime import datetime

from ..models import Problem
from . import Extracted

logging.getLogger("pypdf").setLevel(logging.ERROR)  # it logs every odd object in a file it can still read

_ENDS = re.compile(r"[.!?:;…»\"”)]$")


def paragraphs(page: str) -> str:
    """A page's lines joined into paragraphs: a line that does not end a sentence goes on with the next one, unless
    it is much shorter than the page's usual line (a heading, or a paragraph's last line)."""
    lines = [line.strip() for line in page.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    short = 0.6 * lengths[3 * len(lengths) // 4] if len(lengths) >= 4 else 0.0  # a full line is a long one
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
            current = ""
        elif not current:
            current = line
        elif current.endswith("-") and line[:1].islower():
            current = current[:-1] + line  # a word broken at the line's end
        else:
            current = f"{current} {line}"
        if current and (_ENDS.search(current) or (len(line) < short and not current.endswith("-"))):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n".join(out)


def _date(value: object) -> str | None:
    return value.date().isoformat() if isinstance(value, datetime) else None


def read(name: str, data: bytes) -> Extracted | Problem:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return Problem(path=name, reason="encrypted PDF (it needs a password), skipped")
        pages = [paragraphs(page.extract_text() or "") for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return Problem(path=name, reason=f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})"[:300])
    except NotImplementedError as exc:
        return Problem(path=name, reason=f"PDF feature not supported: {exc}"[:300])
    if not any(p.strip() for p in pages):
        return Problem(path=name, reason="no text layer (a scanned PDF?); OCR is not supported")
    title = str(info.title).strip() if info and info.title else None
    date = _date(info.creation_date) if info else None
    return Extracted(pages=pages, kind="pdf", title=title or None, date=date, paged=True, debris=False)
