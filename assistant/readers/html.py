"""Web pages: the article's main content by trafilatura, so navigation, banners, related links and footers stay out;
the title, canonical link and publication date from the page's metadata."""

from __future__ import annotations

import codecs
import logging

from ..models import Problem
from . import HOST, Extracted
from .text import decode

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it warns on every page without a main text


def read(name: str, data: bytes) -> Extracted | Problem:
    import trafilatura

    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))
    markup = decode(name, data) if wide else data  # bytes otherwise: the page's own charset declaration decides
    if isinstance(markup, Problem):
        return markup
    found = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        favor_precision=True, deduplicate=True, as_dict=True,
        date_extraction_params={"extensive_search": False, "original_date": True},  # no date guessed from "© 2024"
    )  # fmt: skip
    found = found if isinstance(found, dict) else None
    text = str((found or {}).get("text") or "")
    if not found or not text.strip():
        return Problem(path=name, reason="no article text found in this HTML page")
    title, url, date, site = (
        str(found[key]) if found.get(key) else None for key in ("title", "url", "date", "sitename")
    )
    if site and HOST.fullmatch(site):
        site = None  # trafilatura's stand-in when the page names no site: the link's host, which the link gives
    return Extracted(pages=[text], kind="html", title=title, url=url, date=date, site=site)
