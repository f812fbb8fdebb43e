"""Read files, decode them, clean web-page debris, and extract title, date, source URL and language."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import readers
from .languages import DATELINE, SOURCE_LINE, byline, detect, fold
from .models import Document, Problem

log = logging.getLogger(__name__)
# Bump when cleaning changes what text is produced: the indexer then rebuilds.
# 2: readers per file type, pages and sections; 3: datelines kept in the text; 4: the site's name from a byline;
# 5: source lines kept in the text; 6: the page's furniture kept beside the text
CLEANER_VERSION = "6"

_BANNER = re.compile(r"^[\w.-]+\.[a-z]{2,6}\s+[-–|]\s+\S.*$", re.IGNORECASE)  # "Vietnam.vn - Nền tảng …"
_COUNTER = re.compile(
    r"^(comments?|commentaires?|kommentar(er)?|bình luận|reactions?|réactions?)\s*\(\d+\)$", re.IGNORECASE
)
_AD = re.compile(r"^\[[^\[\]\n]{1,40}[_ ]\d+\]$")  # "[annons_2]", "[ad_1]", "[quảng cáo_2]"
_PHOTO = re.compile(r"\s[-–]\s*(photo|foto|ảnh|bild|image)\s*\d+$", re.IGNORECASE)  # image alt text
_UI_LINES = {
    "no data", "no videos available", "aucune donnée", "aucune vidéo disponible", "ingen data",
    "inga videor tillgängliga", "không có dữ liệu", "loading...", "chargement...", "share", "partager", "dela",
}  # fmt: skip
# Headings after which a news page lists other articles, not this one.
RELATED_HEADINGS = {
    "même sujet", "même catégorie", "même auteur", "articles connexes", "à lire aussi", "lire aussi",
    "samma ämne", "samma kategori", "samma författare", "relaterade artiklar", "läs också",
    "same topic", "same category", "same author", "related articles", "related news", "read more",
    "cùng chủ đề", "cùng chuyên mục", "cùng tác giả", "tin liên quan", "xem thêm",
}  # fmt: skip
_FURNITURE_LINE, _FURNITURE_LINES = 200, 200  # the longest line of a page's furniture kept, and how many lines
_STAMP = re.compile(r"(?:\d{1,2}[:h]\d{2})?")  # what may stand before a date in a page's stamp: '11:04'
_GENERIC = {"www", "com", "org", "net", "gov", "edu", "info"}  # parts of a host that name no site
_TWICE = re.compile(r"^(?P<site>\S.*?\S)(?P=site)\s*$")  # a site's name written twice (its logo, then its text)


@dataclass
class Cleaned:
    text: str
    title: str
    url: str | None
    date: str | None
    site: str | None = None  # the name of the site the page was saved from, as its byline writes it
    furniture: list[str] = field(default_factory=list)  # the page's lines after its article: see Document.furniture


def _iso_date(match: re.Match[str]) -> str | None:
    day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def clean(raw: str, debris: bool = True) -> Cleaned:
    """Strip page debris and return the article text, one paragraph per block, with its metadata.

    debris=False only normalises (Unicode, control characters, spaces): for files that are not saved web pages."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    url: str | None = None
    date: str | None = None
    site_name: str | None = None
    paragraphs: list[str] = []
    datelines: set[int] = set()  # which paragraphs are a byline or a stamp: never the title
    furniture: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\u00a0\u202f]+", " ", line).strip()
        line = re.sub(r"\s*\|$", "", line)
        if not line:
            continue
        if not debris:
            paragraphs.append(line)
            continue
        low = line.casefold()
        article = len(paragraphs) > len(datelines)  # an article paragraph is kept already (a dateline is none)
        if furniture or (low in RELATED_HEADINGS and article):
            # the rest of the page lists other articles, under its menus' headings: kept aside, not as article text
            if len(line) <= _FURNITURE_LINE and len(furniture) < _FURNITURE_LINES:
                furniture.append(line)
            continue
        if low in _UI_LINES or _COUNTER.match(line) or _AD.match(line):
            continue
        if not article and _BANNER.match(line) and len(line) < 120:
            continue
        if source := SOURCE_LINE.match(line):
            url = url or source["url"]
            # kept, as the page writes it, so that 'which site published it?' and 'who wrote it?' find the line that
            # says so ('Source : https://kinhtedothi.vn/….html'; 'Kieu Minh', then 'Source')
            datelines.add(len(paragraphs))
            paragraphs.append(line)
            continue
        if byline(line) == "date" and (found := DATELINE.search(line)):
            date = date or _iso_date(found)  # a byline "SiteSite17/10/2024" or a stamp "11:04 25/11/2024"
            # kept, so that 'when was it published, and where?' finds its answer: "Site 17/10/2024"; but not a
            # dated line after the article that is neither ('Läs mer om … 12/10/2024', a comment's 'Name 13/12/2024')
            before = line[: found.start()].strip()
            site = _TWICE.match(before)
            if article and not site and not _STAMP.fullmatch(before):
                continue
            site_name = site_name or (site["site"] if site and not readers.HOST.fullmatch(site["site"]) else None)
            line = f"{site['site'] if site else before} {found.group()}".strip()
            datelines.add(len(paragraphs))
            paragraphs.append(line)
            continue
        if _PHOTO.search(line) and len(line) < 300:
            continue
        paragraphs.append(line)
    title = next((p for i, p in enumerate(paragraphs) if i not in datelines), "")
    if len(datelines) == len(paragraphs):
        paragraphs = []  # a page of stamps alone holds no article
    if len(title) > 200:
        title = title[:197].rsplit(" ", 1)[0] + "…"
    return Cleaned(text="\n\n".join(paragraphs), title=title, url=url, date=date, site=site_name, furniture=furniture)


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def list_files(seeds_dir: Path, unreadable: list[Path] | None = None) -> Iterator[Path]:
    """Every file under seeds_dir but hidden ones, sorted, not following directory links (so link loops end).

    Files of types no reader supports are listed too: the indexer reports them as skipped. Folders that cannot be
    listed go into `unreadable`, so that what was indexed from them is kept, not taken for removed."""

    def failed(exc: OSError) -> None:
        if unreadable is not None and exc.filename:
            unreadable.append(Path(exc.filename))

    for root, dirs, files in os.walk(seeds_dir, followlinks=False, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith("~"):
                yield Path(root) / name


def doc_id(path: Path, seeds_dir: Path) -> str:
    return path.relative_to(seeds_dir).as_posix()


def bad_name(ident: str) -> Problem | None:
    """A name that is not valid UTF-8 (Linux allows any bytes) cannot be stored: report it in a printable form."""
    try:
        ident.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(ident).decode("utf-8", "replace")
        return Problem(path=shown, reason="the file name is not valid UTF-8; rename the file to index it")
    return None


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a directory" if stat.S_ISDIR(mode) else "not a regular file"


def read_file(path: Path, seeds_dir: Path, limit: int = 2**62, ident: str | None = None) -> bytes | Problem:
    """A regular file's bytes, reading at most limit + 1 of them.

    A link is followed only to a file inside seeds_dir; FIFOs, devices and sockets are never opened (a FIFO would
    block, /dev/zero never ends). What is opened is checked to be the very file that was checked (device and inode),
    and its real path to lie inside seeds_dir, so a file or folder swapped for a link meanwhile is not read."""
    ident = ident or doc_id(path, seeds_dir)
    too_big = f"over ASSISTANT_MAX_FILE_MB={limit / 2**20:g}"
    root = seeds_dir.resolve()
    try:
        info = os.lstat(path)
        target = path
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            info = os.stat(target)
            if not target.is_relative_to(root):
                what = "a file" if stat.S_ISREG(info.st_mode) else _special(info.st_mode)
                return Problem(path=ident, reason=f"a link to {what} outside the seeds folder: not followed")
        if not stat.S_ISREG(info.st_mode):
            return Problem(path=ident, reason=f"{_special(info.st_mode)}, not a regular file: skipped")
        if info.st_size > limit:
            return Problem(path=ident, reason=f"{info.st_size / 2**20:.0f} MB is {too_big}")
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(target, flags)
        with os.fdopen(handle, "rb") as file:
            opened = os.fstat(file.fileno())
            if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino) or not stat.S_ISREG(opened.st_mode):
                return Problem(path=ident, reason="the file changed while it was being opened: skipped this time")
            real = Path(f"/proc/self/fd/{file.fileno()}")
            if real.exists() and not Path(os.readlink(real)).is_relative_to(root):
                return Problem(path=ident, reason="a link to a file outside the seeds folder: not followed")
            pieces: list[bytes] = []
            left = limit + 1  # a file that grows while it is read stops here
            while left > 0 and (piece := file.read(min(left, 1 << 20))):
                pieces.append(piece)
                left -= len(piece)
            data = b"".join(pieces)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop, on Python 3.11
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Problem(path=ident, reason=f"unreadable: {reason}")
    if len(data) > limit:
        return Problem(path=ident, reason=f"it grew while being read and is {too_big}")
    return data


def spells(name: str, url: str) -> bool:
    """Whether a site's name writes the letters of a part of its link's host in order ('Báo Kinh tế và Đô thị' for
    kinhtedothi.vn, 'Dân trí' for dantri.com.vn, 'BBC News' for news.bbc.co.uk): the name is that site's."""
    letters = re.sub(r"[^a-z0-9]", "", fold(name).lower())
    host = (urlsplit(url).hostname or "").lower()

    def within(label: str) -> bool:
        rest = iter(letters)
        return all(ch in rest for ch in label)

    return any(len(label) >= 3 and within(label) for label in host.split(".")[:-1] if label not in _GENERIC)


def parse(path_id: str, data: bytes) -> Document | Problem:
    """Read one file's bytes with the reader for its type and clean the text; a Problem says why it cannot be indexed.

    Pages are cleaned one by one and joined by a blank line, so each page's offset in the text is known."""
    try:
        extracted = readers.read(path_id, data)
    except Exception as exc:  # a reader's library failing on one odd file must not stop the others
        log.warning("reading %s failed", path_id, exc_info=True)
        return Problem(path=path_id, reason=f"could not be read ({type(exc).__name__}: {exc})"[:300])
    if isinstance(extracted, Problem):
        return extracted
    headings = {unicodedata.normalize("NFC", h) for h in extracted.headings}
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    sections: list[int] = []
    title, url, date, site = extracted.title, extracted.url, extracted.date, extracted.site
    furniture: list[str] = []
    offset = 0
    for number, page in enumerate(extracted.pages, start=1):
        cleaned = clean(page, debris=extracted.debris)
        furniture += cleaned.furniture
        if not cleaned.text:
            continue
        if parts:
            offset += 2  # the blank line between pages
        if extracted.paged:
            pages.append((offset, number))
        at = offset
        for paragraph in cleaned.text.split("\n\n"):
            if paragraph in headings and at:
                sections.append(at)
            at += len(paragraph) + 2
        parts.append(cleaned.text)
        offset += len(cleaned.text)
        title, url, date = title or cleaned.title, url or cleaned.url, date or cleaned.date
        site = site or cleaned.site
    text = "\n\n".join(parts)
    if not text.strip():
        return Problem(path=path_id, reason="empty: no text left after cleaning")
    if site and url and not spells(site, url):
        site = None  # an aggregator's byline names itself ('Việt Nam' on the page copied from baoquangnam.vn)
    title = " ".join((title or "").split())
    if len(title) > 200:
        title = title[:197].rsplit(" ", 1)[0] + "…"
    return Document(
        id=path_id, title=title, text=text, url=url, date=date, site=site, language=detect(text),
        sha256=file_hash(data),
        kind=extracted.kind, pages=pages, sections=sections, furniture=list(dict.fromkeys(furniture)),
    )  # fmt: skip


def read_document(path: Path, seeds_dir: Path) -> Document | Problem:
    data = read_file(path, seeds_dir)
    if isinstance(data, Problem):
        return data
    return parse(doc_id(path, seeds_dir), data)
