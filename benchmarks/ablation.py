"""Ablation of the retrieval signals: each alone and in fusion, per language, with index and query cost.

One store over the seeds holds the vectors of every encoder; each configuration then answers the same questions
with a subset of the signals. Run: `.venv/bin/python -m benchmarks.ablation --out benchmarks/results`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant import Assistant, Document, Settings
from assistant.embedding import DEFAULT_MODEL, E5_NAME, USE_NAME, encoder_languages
from assistant.evaluate import Question, evaluate, load_questions
from assistant.indexer import embed_text
from assistant.signals import Signal, encoder, fusion_parameters

REPO = Path(__file__).resolve().parent.parent
SETS = {
    "own-train": (REPO / "eval" / "questions.jsonl", "train"),  # what a choice between configurations is made on
    "own-test": (REPO / "eval" / "questions.jsonl", "test"),
    "dev": (REPO.parent / "shared" / "eval" / "questions.jsonl", None),
    "dev-b": (REPO.parent / "shared" / "eval" / "questions-b.jsonl", None),
}
W = fusion_parameters()  # the weights fitted on the train split (MiniLM takes the dense signal's)
# e5 is the default dense signal, named "dense" as in the fitted passage and sentence models, which read its rank and
# cosine; in a configuration without it they read nothing there
DENSE = {
    "e5": Signal("dense", "dense", W["dense"], encoder_languages(E5_NAME), E5_NAME),
    "minilm": Signal("minilm", "dense", W["dense"], encoder_languages(DEFAULT_MODEL), DEFAULT_MODEL),
    "use": Signal("use", "dense", W["use"], encoder_languages(USE_NAME), USE_NAME),
}
LEXICAL = {
    "terms": Signal("terms", "lexical", W["terms"], across_languages=W["terms_across"]),
    "ngrams": Signal("ngrams", "lexical", W["ngrams"]),
}
CONFIGS = {
    "minilm+use+terms+ngrams (old default)": ["minilm", "use", "terms", "ngrams"],
    "e5+terms+ngrams": ["e5", "terms", "ngrams"],
    "e5+use+terms+ngrams": ["e5", "use", "terms", "ngrams"],
    "e5+minilm+use+terms+ngrams": ["e5", "minilm", "use", "terms", "ngrams"],
    "e5+ngrams": ["e5", "ngrams"],
    "e5+terms": ["e5", "terms"],
    "e5 alone": ["e5"],
    "minilm alone": ["minilm"],
    "use alone": ["use"],
    "terms+ngrams": ["terms", "ngrams"],
    "ngrams alone": ["ngrams"],
    "terms alone": ["terms"],
    "e5+terms+ngrams, no FreeDict": ["e5", "terms", "ngrams"],
}


def index_cost(bot: Assistant) -> dict[str, float]:
    """Chunks per second of each encoder over the seeds' chunks (as the indexer embeds them)."""
    from assistant.chunking import chunk_document
    from assistant.ingest import list_files, read_document

    texts = []
    for path in list_files(bot.settings.seeds_dir):
        doc = read_document(path, bot.settings.seeds_dir)
        if isinstance(doc, Document):
            chunks = chunk_document(doc, bot.settings.chunk_size, bot.settings.chunk_overlap)
            texts += [embed_text(c, doc) for c in chunks]
    out = {}
    for name, signal in DENSE.items():
        model = encoder(signal, bot.settings)
        model.embed_documents(texts[:4])
        started = time.perf_counter()
        model.embed_documents(texts)
        out[name] = round(len(texts) / (time.perf_counter() - started), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--no-train", action="store_true", help="leave out the train split (about 3 times faster)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="assistant-ablation-") as tmp:
        settings = Settings(seeds_dir=REPO / "seeds", vectorstore_dir=Path(tmp) / "store")
        bot = Assistant(settings)
        everything = [*DENSE.values(), *LEXICAL.values()]
        bot.signals = everything
        report = bot.reindex()
        print(f"indexed {report.chunks_embedded} chunks with every encoder", file=sys.stderr)
        cost = index_cost(bot)
        sets: dict[str, list[Question]] = {}
        for name, (path, split) in SETS.items():
            if path.is_file() and not (args.no_train and name == "own-train"):
                sets[name] = [q for q in load_questions(path) if split is None or q.split == split]
        results: dict[str, Any] = {"index_chunks_per_s": cost, "configs": {}}
        no_dicts = settings.model_copy(update={"dictionaries_dir": Path(tmp) / "no-dictionaries"})
        for label, names in CONFIGS.items():
            bot.signals = [signal for name, signal in {**DENSE, **LEXICAL}.items() if name in names]
            bot.settings = no_dicts if "no FreeDict" in label else settings
            row: dict[str, Any] = {"signals": names}
            for set_name, questions in sets.items():
                figures = evaluate(questions, bot)
                row[set_name] = {k: v for k, v in figures.items() if k != "failures"}
            results["configs"][label] = row
            own = row.get("own-test", {})
            print(f"{label}: own-test hit@5 {own.get('hit@5')} " + " ".join(
                f"{lang} {v['hit@5']}" for lang, v in own.get("per_lang", {}).items()), file=sys.stderr)  # fmt: skip
            bot.settings = settings
        bot.signals = everything
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ablation.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))


def table(results: dict[str, Any]) -> str:
    langs = ["en", "fr", "sv", "vi"]
    head = (
        "| configuration | own-train hit@5 | train MRR@10 | train accuracy | own-test hit@5 | "
        + " | ".join(langs)
        + " | cross-lingual | MRR@10 | accuracy | dev hit@5 | dev-b hit@5 "
    )
    lines = [head + "| answer p95 ms | index chunks/s |", "|" + " --- |" * (len(langs) + 12)]
    cost = results["index_chunks_per_s"]
    for label, row in results["configs"].items():
        # the configuration's encoders embed each chunk one after the other (lexical indexing costs next to nothing)
        seconds = sum(1 / cost[name] for name in row["signals"] if name in cost)
        rate = round(1 / seconds, 1) if seconds else "lexical only"
        own, train = row.get("own-test", {}), row.get("own-train", {})
        fit = " | ".join(str(train.get(k, "–")) for k in ("hit@5", "mrr@10", "answer_accuracy"))
        per = [str(own.get("per_lang", {}).get(lang, {}).get("hit@5", "–")) for lang in langs]
        cross = own.get("per_tag", {}).get("cross-lingual", {}).get("hit@5", "–")
        dev = row.get("dev", {}).get("hit@5", "–")
        devb = row.get("dev-b", {}).get("hit@5", "–")
        p95 = max(row.get(s, {}).get("p95_ms", 0) for s in ("own-train", "own-test", "dev", "dev-b"))
        lines.append(f"| {label} | {fit} | {own.get('hit@5')} | {' | '.join(per)} | {cross} | {own.get('mrr@10')} "
                     f"| {own.get('answer_accuracy')} | {dev} | {devb} | {p95} | {rate} |")  # fmt: skip
    lines.append("")
    lines.append("Index throughput, chunks/s: " + ", ".join(f"{k} {v}" for k, v in cost.items()))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
