"""Build larger, realistic corpora by recombining the paragraphs of the seed pages (deterministic for a seed)."""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from assistant.ingest import clean
from assistant.languages import detect

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MIN_PARAGRAPH = 120  # shorter lines are headings, bylines and menus: headings become titles, the rest is dropped
MIX = 0.3  # share of documents that also quote a paragraph in another language
SIZES = (2000, 6000)  # target document length in characters
DAYS = [f"{d:02d}/{m:02d}/{y}" for y in (2023, 2024, 2025) for m in range(1, 13) for d in (3, 11, 19, 27)]
BYLINE = {"fr": "Rédaction", "sv": "Redaktionen"}


@dataclass
class Pool:
    """The seeds' body paragraphs and headings, by language."""

    body: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, list[str]] = field(default_factory=dict)

    @property
    def weights(self) -> tuple[list[str], list[int]]:
        languages = sorted(self.body)
        return languages, [len(self.body[lang]) for lang in languages]


def read_pool(seeds_dir: Path) -> Pool:
    """Paragraphs (lines of the cleaned pages, tagged with their page's language) and headings of every seed."""
    pool = Pool()
    for path in sorted(seeds_dir.glob("*.txt")):
        cleaned = clean(path.read_text(encoding="utf-8"))
        language = detect(cleaned.text)
        pool.titles.setdefault(language, []).append(cleaned.title)
        for line in cleaned.text.split("\n\n"):
            if len(line) >= MIN_PARAGRAPH:
                pool.body.setdefault(language, []).append(line)
            elif len(line) >= 25 and not line.endswith(".") and ":" not in line:
                pool.titles[language].append(line)
    if not pool.body:
        raise ValueError(f"no paragraphs of {MIN_PARAGRAPH}+ characters in {seeds_dir}")
    return pool


def document(i: int, rng: random.Random, pool: Pool) -> str:
    """One page: title, byline with a date, 2-6 KB of paragraphs in one main language, and a source line."""
    languages, weights = pool.weights
    main = rng.choices(languages, weights)[0]
    paragraphs = pool.body[main]
    order = rng.sample(range(len(paragraphs)), len(paragraphs))
    target = rng.randint(*SIZES)
    parts: list[str] = []
    size = 0
    while order and size < target:
        text = paragraphs[order.pop()]
        if parts and size + len(text) > SIZES[1]:
            break
        parts.append(text)
        size += len(text) + 1
    others = [lang for lang in languages if lang != main]
    if others and rng.random() < MIX:
        parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(pool.body[rng.choice(others)]))
    title = rng.choice(pool.titles.get(main) or [p[:80] for p in paragraphs])
    byline = f"{BYLINE.get(main, 'Editorial')} {rng.choice(DAYS)}"
    return "\n".join([title, byline, *parts, f"Source : https://example.org/doc-{i}"]) + "\n"


def build(out_dir: Path, n: int, seeds_dir: Path = SEEDS, seed: int = 0) -> list[Path]:
    """Write n documents doc-00000.txt ... into out_dir, replacing what it held."""
    if n < 1:
        raise ValueError("n must be at least 1")
    pool = read_pool(seeds_dir)
    rng = random.Random(seed)
    _reset(out_dir)
    width = max(5, len(str(n - 1)))
    paths = []
    for i in range(n):
        path = out_dir / f"doc-{i:0{width}d}.txt"
        path.write_text(document(i, rng, pool), encoding="utf-8")
        paths.append(path)
    return paths


def copy_seeds(out_dir: Path, seeds_dir: Path = SEEDS) -> list[Path]:
    """The real seeds, copied into out_dir (the benchmark edits one file)."""
    _reset(out_dir)
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy2(path, out_dir / path.name)
    return sorted(out_dir.glob("*.txt"))


def _reset(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="folder to write (emptied first)")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = build(args.out, args.n, args.seeds, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1024:.0f} KB, in {args.out}")


if __name__ == "__main__":
    main()
