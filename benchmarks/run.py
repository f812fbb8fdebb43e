"""Benchmark indexing, retrieval and answering at several corpus sizes; print a table, save JSON and a plot.

Each size runs in its own subprocess (clean peak RSS); cold start is one more process per size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from .corpus import build, copy_seeds

QUESTIONS = {  # language: questions about the seeds' topics
    "en": [
        "What does the Vietnam Fatherland Front do for poor households?",
        "How many houses were built for poor households?",
        "How much money did the Fatherland Front mobilize for the fund for the poor?",
        "What is the skilled mass mobilization movement?",
        "Who chairs the Fatherland Front Committee in Hanoi?",
        "How many typical models of skilled mass mobilization were recognised in Quang Nam?",
        "What did the Ha Tinh provincial Party secretary ask the Fatherland Front to do?",
        "How were temporary and dilapidated houses eliminated?",
        "What scholarships were given to poor students?",
        "When did the conference on mass organisations take place?",
    ],
    "fr": [
        "Combien de maisons de solidarité ont été construites pour les ménages pauvres ?",
        "Qu'est-ce que le mouvement de mobilisation de masse habile ?",
        "Quel est le rôle du Front de la Patrie du Vietnam à Hanoi ?",
        "Combien de fonds ont été mobilisés pour les pauvres ?",
        "Qui est le secrétaire du Parti de la province de Ha Tinh ?",
        "Comment Quang Nam reproduit-il les modèles typiques ?",
        "Quelles aides ont reçu les ménages presque pauvres ?",
        "Combien de logements temporaires ont été éliminés dans le district ?",
        "Quels sont les résultats de la sécurité sociale à Mo Cay Bac ?",
        "Quand la conférence du Front de la Patrie a-t-elle eu lieu ?",
    ],
    "sv": [
        "Hur många hus byggdes för fattiga hushåll?",
        "Vem är ordförande för fosterlandsfronten i Hanoi?",
        "Vad gjorde fosterlandsfronten för fattiga hushåll?",
        "Vilka genombrott identifierade fronten för mandatperioden 2024-2029?",
        "Hur mycket pengar samlades in till fonden för de fattiga?",
        "Vad är skicklig massmobilisering?",
        "Hur arbetar fronten med social tillsyn och kritik?",
        "Vilka handlingsprogram har fosterlandsfronten i Hanoi?",
        "Hur stöder fronten bostadsområden i huvudstaden?",
        "Vad hände i Quang Nam med massmobilisering?",
    ],
    "vi": [
        "Mặt trận Tổ quốc Việt Nam đã giúp bao nhiêu hộ nghèo?",
        "Bao nhiêu ngôi nhà đã được xây dựng cho hộ nghèo?",
        "Ai là chủ tịch Ủy ban Mặt trận Tổ quốc Hà Nội?",
        "Phong trào dân vận khéo là gì?",
        "Quảng Nam đã nhân rộng mô hình dân vận khéo như thế nào?",
        "Bí thư Tỉnh ủy Hà Tĩnh yêu cầu Mặt trận làm gì?",
        "Quỹ vì người nghèo đã vận động được bao nhiêu tiền?",
        "Xóa nhà tạm, nhà dột nát được thực hiện như thế nào?",
        "Học bổng nào được trao cho học sinh nghèo?",
        "Mặt trận Tổ quốc hỗ trợ hộ cận nghèo ra sao?",
    ],
}
COLD_QUESTION = "How many houses did the Fatherland Front help build for poor households?"
TARGETS = {  # metric: (comparison, limit, label)
    "index_chunks_per_s": (">=", 16.0, "≥ 16 chunks/s (80 % of e5 int8 alone)"),
    "nochange_reindex_s": ("<=", 10.0, "≤ 10 s at 10k"),
    "first_query_s": ("<=", 1.0, "≤ 1 s"),
    "search_p95_ms": ("<=", 100.0, "≤ 100 ms at 10k"),
    "answer_p95_ms": ("<=", 300.0, "≤ 300 ms"),
}
ROWS = [  # key, label, format
    ("documents", "documents", "{:.0f}"),
    ("corpus_kb", "corpus KB", "{:.0f}"),
    ("chunks", "chunks", "{:.0f}"),
    ("model_load_s", "model load s", "{:.1f}"),
    ("full_index_s", "full index s", "{:.1f}"),
    ("index_chunks_per_s", "index chunks/s", "{:.1f}"),
    ("synthetic_index_s", "index with synthetic vectors s", "{:.1f}"),
    ("index_peak_rss_mb", "index peak RSS MB", "{:.0f}"),
    ("nochange_reindex_s", "no-change reindex s", "{:.2f}"),
    ("onechange_reindex_s", "one-file-changed reindex s", "{:.2f}"),
    ("first_query_s", "first question after a one-file reindex s", "{:.2f}"),
    ("search_p50_ms", "retrieval p50 ms", "{:.0f}"),
    ("search_p95_ms", "retrieval p95 ms", "{:.0f}"),
    *((f"search_p95_ms_{lang}", f"  {lang} questions", "{:.0f}") for lang in QUESTIONS),
    ("answer_p50_ms", "answer p50 ms", "{:.0f}"),
    ("answer_p95_ms", "answer p95 ms", "{:.0f}"),
    ("answers_found_pct", "answers found %", "{:.0f}"),
    ("cold_start_s", "cold start to first answer s", "{:.1f}"),
    ("cold_import_s", "  of which imports s", "{:.1f}"),
    ("serve_peak_rss_mb", "serving peak RSS MB", "{:.0f}"),
    ("peak_rss_mb", "benchmark process peak RSS MB", "{:.0f}"),
    ("load_before", "machine load (1 min) before", "{:.1f}"),
    ("load_after", "machine load (1 min) after", "{:.1f}"),
]
LATENCY_LINES = [
    ("search_p50_ms", "retrieval p50"),
    ("search_p95_ms", "retrieval p95"),
    ("answer_p50_ms", "answer p50"),
    ("answer_p95_ms", "answer p95"),
]
TIME_LINES = [
    ("full_index_s", "full index"),
    ("synthetic_index_s", "index, synthetic vectors"),
    ("nochange_reindex_s", "no-change reindex"),
    ("onechange_reindex_s", "one file changed"),
    ("cold_start_s", "cold start to answer"),
]
COLD_CODE = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from assistant import Assistant, Settings
t1 = time.perf_counter()
found = Assistant(Settings(seeds_dir=Path(sys.argv[1]), vectorstore_dir=Path(sys.argv[2]))).answer(sys.argv[3]).found
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cold_import_s": t1 - t0, "cold_answer_s": t2 - t1, "serve_peak_rss_mb": rss, "cold_found": found}))
"""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _ms_percentiles(name: str, seconds: list[float]) -> dict[str, float]:
    import numpy as np

    ms = np.array(seconds) * 1000
    return {f"{name}_p50_ms": float(np.percentile(ms, 50)), f"{name}_p95_ms": float(np.percentile(ms, 95))}


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _synthetic(encoder: Any) -> None:
    """Make an encoder embed documents as hashed random unit vectors (queries stay real): for corpora too large to
    embed here, to time the store, reindexing and queries; the vectors carry no meaning."""
    import numpy as np

    dim = len(encoder.embed_query("dimension"))

    def embed_documents(texts: list[str]) -> np.ndarray:
        seeds = [int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little") for t in texts]
        rows = np.array([np.random.default_rng(s).standard_normal(dim) for s in seeds], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True) if len(rows) else rows.reshape(0, dim)

    encoder.embed_documents = embed_documents


def worker(root: Path, queries: int, seed: int, synthetic: bool = False) -> dict[str, Any]:
    """In a fresh process: index the corpus in root/seeds, reindex, and time retrieval and answers."""
    from assistant import Assistant, Settings
    from assistant.signals import dense, encoder

    settings = Settings(seeds_dir=root / "seeds", vectorstore_dir=root / "store")
    out: dict[str, Any] = {}
    started = time.perf_counter()
    for signal in dense(settings):
        encoder(signal, settings).embed_query("load")  # USE reads its weights on first use
    out["model_load_s"] = time.perf_counter() - started
    if synthetic:
        for signal in dense(settings):
            _synthetic(encoder(signal, settings))

    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 30 or done == total:
            last[0] = time.perf_counter()
            _log(f"indexed {done}/{total} chunks")

    started = time.perf_counter()
    report = Assistant(settings).reindex(progress)
    seconds = time.perf_counter() - started
    out["chunks"] = report.chunks_embedded
    if synthetic:
        out["synthetic_index_s"] = seconds
    else:
        out["full_index_s"] = seconds
        out["index_chunks_per_s"] = report.chunks_embedded / max(seconds - report.load_seconds, 1e-9)
    out["index_peak_rss_mb"] = _rss_mb()
    out["skipped"] = len(report.skipped)
    _log(f"full index: {report.added} documents, {report.chunks_embedded} chunks in {seconds:.1f} s")

    started = time.perf_counter()  # a new Assistant opens the store as a fresh `assistant index` would
    report = Assistant(settings).reindex()
    out["nochange_reindex_s"] = time.perf_counter() - started
    out["nochange_unchanged"] = report.unchanged

    rng = random.Random(seed)
    asked = [(lang, q) for lang, questions in QUESTIONS.items() for q in questions]
    drawn = rng.choices(asked, k=queries)
    bot = Assistant(settings)  # the serving side: it has answered before the change
    bot.search(drawn[-1][1], k=5)

    files = sorted((root / "seeds").glob("*.txt"))
    edited = files[len(files) // 2]
    with edited.open("a", encoding="utf-8") as f:
        f.write("\nCe paragraphe a été ajouté par le banc d'essai pour mesurer une réindexation partielle. " * 3 + "\n")
    started = time.perf_counter()
    report = Assistant(settings).reindex()  # another Assistant indexes the change, as `assistant index` would
    out["onechange_reindex_s"] = time.perf_counter() - started
    out["onechange_updated"] = report.updated
    _log(f"reindex: no change {out['nochange_reindex_s']:.2f} s, one file changed {out['onechange_reindex_s']:.2f} s")

    started = time.perf_counter()
    bot.search(drawn[0][1], k=5)  # the server's first question after the change: it reopens the store and index
    out["first_query_s"] = time.perf_counter() - started
    for questions in QUESTIONS.values():  # warm-up: every language's dictionaries load on its first question
        for question in rng.sample(questions, 2):
            bot.answer(question)

    timings: list[float] = []
    for _, question in drawn:
        started = time.perf_counter()
        bot.search(question, k=5)
        timings.append(time.perf_counter() - started)
    out.update(_ms_percentiles("search", timings))
    by_language: dict[str, list[float]] = {}
    for (lang, _), seconds in zip(drawn, timings, strict=True):
        by_language.setdefault(lang, []).append(seconds)
    for lang, times in by_language.items():
        out[f"search_p95_ms_{lang}"] = _ms_percentiles("search", times)["search_p95_ms"]
    timings, found = [], 0
    for _, question in drawn:
        started = time.perf_counter()
        found += bot.answer(question).found
        timings.append(time.perf_counter() - started)
    out.update(_ms_percentiles("answer", timings))
    out["answers_found_pct"] = 100 * found / len(drawn)
    out["peak_rss_mb"] = _rss_mb()
    _log(f"queries: retrieval p95 {out['search_p95_ms']:.0f} ms, answer p95 {out['answer_p95_ms']:.0f} ms")
    return out


def run_size(
    size: int, queries: int, seed: int, tmp: Path | None, synthetic: bool = False, server: bool = False
) -> dict[str, Any]:
    """Build the corpus for one size in a temporary folder, then run the worker and a cold start there (against a
    Chroma server started for the run, with server)."""
    with tempfile.TemporaryDirectory(prefix=f"assistant-bench-{size}-", dir=tmp) as folder, ExitStack() as stack:
        root = Path(folder)
        env = dict(os.environ)
        if server:
            from tests.servers import chroma_server

            port = stack.enter_context(chroma_server(root / "chroma"))
            env |= {"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(port)}
        _log(f"size {size}: building the corpus in {root}")
        paths = copy_seeds(root / "seeds") if size == 5 else build(root / "seeds", size, seed=seed)
        result: dict[str, Any] = {
            "documents": len(paths),
            "corpus_kb": sum(p.stat().st_size for p in paths) / 1024,
            "real_seeds": size == 5,
            "synthetic_vectors": synthetic,
            "chroma_server": server,
            "load_before": os.getloadavg()[0],  # other processes on the machine skew every figure
        }
        command = [sys.executable, "-m", "benchmarks.run", "--worker", str(root), "--queries", str(queries)]
        command += ["--seed", str(seed)] + (["--synthetic-vectors"] if synthetic else [])
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True, env=env)
        result.update(json.loads(done.stdout.strip().splitlines()[-1]))
        started = time.perf_counter()
        cold = [sys.executable, "-c", COLD_CODE, str(root / "seeds"), str(root / "store"), COLD_QUESTION]
        done = subprocess.run(cold, stdout=subprocess.PIPE, text=True, check=True, env=env)
        result["cold_start_s"] = time.perf_counter() - started
        result.update(json.loads(done.stdout.strip().splitlines()[-1]))
        result["load_after"] = os.getloadavg()[0]
        _log(f"size {size}: cold start {result['cold_start_s']:.1f} s")
        return result


def _meets(key: str, value: float) -> bool | None:
    if key not in TARGETS:
        return None
    op, limit, _ = TARGETS[key]
    return value >= limit if op == ">=" else value <= limit


def print_table(runs: dict[str, dict[str, Any]]) -> None:
    """The figures per size, with the targets beside them (green: met, red: missed)."""
    from rich.console import Console
    from rich.table import Table

    sizes = sorted(runs, key=lambda k: (int(k.split("-")[0]), k))
    table = Table(title="assistant benchmarks")
    table.add_column("metric")
    for size in sizes:
        run = runs[size]
        note = " (seeds)" if run.get("real_seeds") else " (synthetic)" if run.get("synthetic_vectors") else ""
        note += " (server)" if run.get("chroma_server") else ""
        table.add_column(f"{size.split('-')[0]} docs{note}", justify="right")
    table.add_column("target")
    for key, label, fmt in ROWS:
        cells = []
        for size in sizes:
            value = runs[size].get(key)
            if value is None:
                cells.append("–")
                continue
            meets = _meets(key, float(value))
            text = fmt.format(value)
            cells.append(text if meets is None else f"[{'green' if meets else 'red'}]{text}[/]")
        table.add_row(label, *cells, TARGETS[key][2] if key in TARGETS else "")
    Console().print(table)


def _series(runs: dict[str, dict[str, Any]], key: str) -> tuple[list[int], list[float]]:
    """(documents, values) of the runs that measured key."""
    local = [run for run in runs.values() if not run.get("chroma_server")]
    real = {run["documents"] for run in local if not run.get("synthetic_vectors")}
    points = sorted(  # one point a size, with the embedded store: real vectors where they were measured
        (run["documents"], run[key])
        for run in local
        if run.get(key) is not None and (not run.get("synthetic_vectors") or run["documents"] not in real)
    )
    return [d for d, _ in points], [v for _, v in points]


def plot(runs: dict[str, dict[str, Any]], path: Path) -> None:
    """Latency and index times against corpus size (log scales)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    for key, label in LATENCY_LINES:
        left.plot(*_series(runs, key), marker="o", label=label)
    left.axhline(100, color="grey", linestyle=":", label="retrieval p95 target")
    left.axhline(300, color="black", linestyle=":", label="answer p95 target")
    left.set(xscale="log", xlabel="documents", ylabel="ms", title="Warm query latency")
    for key, label in TIME_LINES:
        right.plot(*_series(runs, key), marker="o", label=label)
    right.axhline(10, color="grey", linestyle=":", label="no-change target")
    right.set(xscale="log", yscale="log", xlabel="documents", ylabel="s", title="Index and start-up time")
    for ax in (left, right):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="5,1000", help="comma-separated document counts; 5 means the real seeds")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tmp", type=Path, default=None, help="where the temporary corpora and stores go")
    parser.add_argument(
        "--synthetic-vectors", action="store_true", help="hashed random document vectors: no embedding, for 10k+"
    )
    parser.add_argument("--chroma-server", action="store_true", help="against a Chroma server started for each size")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.queries, args.seed, args.synthetic_vectors)))
        return

    args.out.mkdir(parents=True, exist_ok=True)
    saved = args.out / "results.json"
    data: dict[str, Any] = json.loads(saved.read_text()) if saved.exists() else {"runs": {}}
    data["machine"] = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}
    data["targets"] = {k: label for k, (_, _, label) in TARGETS.items()}
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        result = run_size(size, args.queries, args.seed, args.tmp, args.synthetic_vectors, args.chroma_server)
        result["measured"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        key = f"{size}-synthetic" if args.synthetic_vectors else str(size)  # real and synthetic runs side by side
        key += "-server" if args.chroma_server else ""
        data["runs"][key] = result  # earlier sizes stay, so separate runs add up
        saved.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print_table(data["runs"])
    try:
        plot(data["runs"], args.out / "results.png")
    except ImportError:  # the plot is the one part that needs the bench extra
        print(f"saved {saved}; for the plot: .venv/bin/pip install -e '.[bench]'")
        return
    print(f"saved {saved} and {args.out / 'results.png'}")


if __name__ == "__main__":
    main()
