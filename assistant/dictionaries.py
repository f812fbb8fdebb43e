"""Cross-lingual query expansion from FreeDict bilingual dictionaries (Debian's dict-freedict-* packages).

Headwords are keyed by their stem, so 'orphans' finds 'orphan' -> 'orphelin'. Without the dictionaries on the
machine, expansion returns nothing and retrieval relies on its other signals.
"""

from __future__ import annotations

import gzip
import re
import threading
from pathlib import Path

from .lexical import STOPWORDS, content_words, fold, stem

ISO3 = {"en": "eng", "fr": "fra", "sv": "swe", "de": "deu", "es": "spa", "it": "ita", "nl": "nld", "pt": "por"}
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}")
MAX_TRANSLATIONS = 4

_cache: dict[tuple[str, str, str], dict[str, list[str]] | None] = {}
_lock = threading.Lock()


def _number(code: str) -> int:
    value = 0
    for ch in code:
        value = value * 64 + _B64[ch]
    return value


def _translations(body: str) -> list[str]:
    """Translations from a dictd entry: the lines after the headword, numbered senses, comma-separated."""
    out: list[str] = []
    for line in body.split("\n")[1:]:
        line = _NOTE.sub(" ", line).strip()
        line = re.sub(r"^\d+\.\s*", "", line)
        if not line or line.startswith(("Note:", "Synonym", "see:", "See also")):
            continue
        for part in re.split(r"[,;]", line):
            part = part.strip(" .\"'")
            if part and len(part) < 40 and part not in out:
                out.append(part)
    return out


def load(source: str, target: str, folder: Path) -> dict[str, list[str]] | None:
    """stem(headword) -> translations for one language pair, or None when the dictionary is not installed."""
    key = (source, target, str(folder))
    with _lock:
        if key in _cache:
            return _cache[key]
        table: dict[str, list[str]] | None = None
        if source in ISO3 and target in ISO3:
            base = folder / f"freedict-{ISO3[source]}-{ISO3[target]}"
            index, data_file = base.with_suffix(".index"), base.with_suffix(".dict.dz")
            if index.is_file() and data_file.is_file():
                table = _read(index, data_file, source)
        _cache[key] = table
        return table


def _read(index: Path, data_file: Path, language: str) -> dict[str, list[str]]:
    data = gzip.open(data_file).read()
    table: dict[str, list[str]] = {}
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database"):
            continue
        headword = parts[0].strip().lower()
        if not headword or fold(headword) in STOPWORDS:
            continue
        body = data[_number(parts[1]) : _number(parts[1]) + _number(parts[2])].decode("utf-8", "replace")
        key = " ".join(stem(w, language) for w in headword.split())
        bucket = table.setdefault(key, [])
        for translation in _translations(body):
            if translation not in bucket:
                bucket.append(translation)
    return table


def expand(text: str, source: str, targets: list[str], folder: Path) -> dict[str, list[str]]:
    """target language -> translated words/phrases for the content words (and two-word phrases) of text."""
    tokens = [w for w in content_words(text) if not w.isdigit()]
    out: dict[str, list[str]] = {}
    for target in targets:
        table = load(source, target, folder)
        if not table:
            continue
        found: list[str] = []
        stems = [stem(w, source) for w in tokens]
        for n in (2, 1):
            for i in range(len(stems) - n + 1):
                for translation in table.get(" ".join(stems[i : i + n]), [])[:MAX_TRANSLATIONS]:
                    if translation not in found:
                        found.append(translation)
        out[target] = found
    return out
