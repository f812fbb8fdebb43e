"""Index throughput against what the default dense encoder alone reaches on the same chunks, in the same run.

    .venv/bin/python -m benchmarks.index_speed [--seeds seeds] [--out benchmarks/results]

1. The encoders are loaded once (the first use converts or exports them into the models folder; that is set-up, not
   indexing).
2. `assistant index --json` runs in a new process over an empty store, timed from start to exit.
3. The default dense encoder alone embeds the same chunk texts (as the indexer gives them) in this process.

It prints and writes `index_speed.json`: the run's chunks/s with model loading left out
(`chunks_embedded / (seconds - load_seconds)`), the encoder's alone, their ratio, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.api import Assistant
from assistant.config import Settings
from assistant.lexical import context
from assistant.signals import dense, encoder


def measure(seeds: Path) -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(seeds_dir=seeds, vectorstore_dir=Path(tmp) / "store")
        models = [encoder(s, settings) for s in dense(settings)]  # set-up: conversion and export happen here
        load_before = os.getloadavg()[0]
        env = os.environ | {
            "ASSISTANT_SEEDS_DIR": str(seeds),
            "ASSISTANT_VECTORSTORE_DIR": str(settings.vectorstore_dir),
        }
        command = [str(Path(sys.executable).with_name("assistant")), "index", "--json"]
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - started
        report = json.loads(done.stdout.strip().splitlines()[-1])
        texts = [context(text, meta) for _, text, meta in Assistant(settings).store.rows()]
        primary = models[0]
        primary.embed_documents(texts[:8])  # warm, as the index run's first batch was
        started = time.perf_counter()
        primary.embed_documents(texts)
        alone = len(texts) / (time.perf_counter() - started)
    run = report["chunks_embedded"] / (report["seconds"] - report["load_seconds"])
    return {
        "chunks": report["chunks_embedded"],
        "wall_seconds": round(wall, 2),
        "seconds": report["seconds"],
        "load_seconds": report["load_seconds"],
        "index_chunks_per_s": round(run, 1),
        "dense_alone_chunks_per_s": round(alone, 1),
        "ratio": round(run / alone, 3),
        "dense_encoder": f"{settings.embedding_model} ({getattr(primary, 'backend', '?')})",
        "signals": ", ".join(s.name for s in dense(settings)),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "measured": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    args = parser.parse_args()
    figures = measure(args.seeds.resolve())
    for key, value in figures.items():
        print(f"{key:26} {value}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "index_speed.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
