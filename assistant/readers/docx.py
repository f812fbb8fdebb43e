"""Word documents: paragraphs and tables in their order (python-docx); headings start sections for chunking."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from lxml.etree import LxmlError

from ..models import Problem
from . import Extracted

EXPANDED_LIMIT = 512 * 2**20  # what a .docx may unpack to: a small file that expands a thousandfold is a bomb


def _cells(row: Any) -> list[str]:
    cells: list[str] = []
    for cell in row.cells:  # a merged cell is repeated once per grid column it spans
        text = " ".join(cell.text.split())
        if not cells or cells[-1] != text:
            cells.append(text)
    return cells


def table_lines(table: Any) -> list[str]:
    """One line per row; under a header row of labels each value is named by its column ("District: Dong Van"),
    so a row read alone still says what its numbers are."""
    rows = [cells for cells in map(_cells, table.rows) if any(cells)]
    if not rows:
        return []
    header = rows[0]
    labelled = len(rows) > 1 and all(h and not any(ch.isdigit() for ch in h) for h in header)
    if not labelled:
        return [" | ".join(c for c in cells if c) for cells in rows]
    lines = []
    for cells in rows[1:]:
        if len(cells) == len(header):
            lines.append("; ".join(f"{h}: {c}" for h, c in zip(header, cells, strict=True) if c))
        else:
            lines.append(" | ".join(c for c in cells if c))
    return lines


def read(name: str, data: bytes) -> Extracted | Problem:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        expanded = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if expanded > EXPANDED_LIMIT:
            return Problem(path=name, reason=f"the Word file expands to {expanded / 2**20:.0f} MB: too large, skipped")
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        headings: set[str] = set()
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(table_lines(block))
                continue
            text = " ".join(block.text.split())
            if not text:
                continue
            style = (block.style.name if block.style is not None else "") or ""
            if style.startswith("Heading") or style == "Title":
                headings.add(text)
            lines.append(text)
        props = document.core_properties
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError, zlib.error) as exc:
        return Problem(path=name, reason=f"corrupt or unreadable Word file ({type(exc).__name__}: {exc})"[:300])
    if not lines:
        return Problem(path=name, reason="empty: the Word file has no text")
    # python-docx's own template carries a 2013 creation stamp: that is not the document's date
    stamped = props.created and props.author != "python-docx"
    date = props.created.date().isoformat() if stamped else None
    return Extracted(pages=["\n".join(lines)], kind="docx", title=props.title or None, date=date, debris=False,
                     headings=headings)  # fmt: skip
