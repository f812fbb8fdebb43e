"""`assistant eval`: run a questions file through retrieval and answering, and score it (shared/eval README)."""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, field_validator

from .api import Assistant
from .errors import ConfigError


class Question(BaseModel):
    id: str
    lang: str
    question: str
    docs: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    answer: list[str] = Field(default_factory=list)
    answerable: bool = True
    tags: list[str] = Field(default_factory=list)
    history: list[str] = Field(default_factory=list, description="Earlier user turns, oldest first.")
    split: str | None = Field(None, description="'train' or 'test' in the repository's own question set.")

    @field_validator("history", mode="before")
    @classmethod
    def _user_turns(cls, value: Any) -> Any:
        """Turns written as `answer` takes them are read as the user's text: chat messages (`{"role": "user",
        "content": …}`; other roles are left out, as `answer` leaves them out) or `[user, assistant]` pairs."""
        if not isinstance(value, list):
            return value
        out = []
        for turn in value:
            if isinstance(turn, dict):
                if turn.get("role") == "user":
                    out.append(turn.get("content"))
            elif isinstance(turn, (list, tuple)):
                out.extend(turn[:1])
            else:
                out.append(turn)
        return out

    @property
    def turns(self) -> list[dict[str, str]]:
        return [{"role": "user", "content": turn} for turn in self.history]


def normalize(text: str) -> str:
    """NFKC, all whitespace as one space, ’ as ', lower case: how the eval matches strings."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def load_questions(path: Path) -> list[Question]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read questions file {path}: {exc.strerror or exc}") from exc
    out = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                out.append(Question.model_validate_json(line))
            except ValueError as exc:
                raise ConfigError(f"{path}:{number} is not a question object: {exc}") from exc
    return out


def _relevant(text: str, evidence: list[str]) -> bool:
    norm = normalize(text)
    return any(normalize(e) in norm for e in evidence)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def evaluate(questions: list[Question], assistant: Assistant) -> dict[str, Any]:
    """Score retrieval (hit@k, MRR@10) and answers (accuracy, no-answer rates, latency), overall, per language and
    per tag. Retrieval is judged on the question as the answer layer searches it (with its follow-up context)."""
    from .answering import frame

    assistant.warm_up()
    if questions:
        assistant.answer(questions[0].question)
    rows: list[dict[str, Any]] = []
    for q in questions:
        passages = assistant.retrieve(frame(q.question, q.turns)[0], 10)
        started = time.perf_counter()
        reply = assistant.answer(q.question, history=q.turns)
        ms = (time.perf_counter() - started) * 1000
        first = next((p.rank for p in passages if _relevant(p.text, q.evidence)), None) if q.answerable else None
        cited_docs = {c.doc_id for c in reply.citations}
        correct = (
            q.answerable
            and reply.found
            and all(normalize(a) in normalize(reply.text) for a in q.answer)
            and bool(cited_docs & set(q.docs))
        )
        rows.append({"q": q, "first": first, "found": reply.found, "correct": correct, "ms": ms, "reply": reply})
    report = _summarise(rows)
    report["no_answer_auroc"] = auroc([(r["reply"].confidence or 0.0, r["q"].answerable) for r in rows])
    from .signals import fitted

    report["operating_point"] = fitted().get("decision", {}).get("threshold")
    report["per_lang"] = _groups(rows, sorted({r["q"].lang for r in rows}), lambda r, lang: r["q"].lang == lang)
    report["per_tag"] = _groups(rows, sorted({t for r in rows for t in r["q"].tags}), lambda r, tag: tag in r["q"].tags)
    if report["per_tag"].get("cross-lingual"):
        report["cross_lingual"] = report["per_tag"]["cross-lingual"]
    return report


def auroc(scored: list[tuple[float, bool]]) -> float | None:
    """Area under the ROC curve of the confidence for telling answerable questions from the others (ties count
    half); None when the set lacks either kind."""
    positives = [s for s, answerable in scored if answerable]
    negatives = [s for s, answerable in scored if not answerable]
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return round(wins / (len(positives) * len(negatives)), 4)


def _groups(rows: list[dict[str, Any]], names: list[str], member: Any) -> dict[str, Any]:
    return {
        name: {k: v for k, v in _summarise([r for r in rows if member(r, name)]).items() if k != "failures"}
        for name in names
    }


def _summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in rows if r["q"].answerable]
    unanswerable = [r for r in rows if not r["q"].answerable]

    def share(items: list[dict[str, Any]], test: Any) -> float:
        return round(sum(1 for r in items if test(r)) / len(items), 4) if items else 0.0

    latencies = [r["ms"] for r in rows]
    failures = []
    for r in rows:
        q = r["q"]
        problems = []
        if q.answerable:
            if r["first"] is None or r["first"] > 5:
                problems.append(f"retrieval rank {r['first']}")
            if not r["correct"]:
                problems.append("answer declined" if not r["found"] else "answer wrong")
        elif r["found"]:
            problems.append("answered an unanswerable question")
        if problems:
            failures.append({"id": q.id, "lang": q.lang, "problems": problems, "answer": r["reply"].text[:300]})
    return {
        "n": len(rows),
        "hit@1": share(answerable, lambda r: r["first"] == 1),
        "hit@5": share(answerable, lambda r: r["first"] is not None and r["first"] <= 5),
        "mrr@10": round(sum(1 / r["first"] for r in answerable if r["first"]) / len(answerable), 4)
        if answerable
        else 0.0,
        "answer_accuracy": share(answerable, lambda r: r["correct"]),
        "no_answer_declined": share(unanswerable, lambda r: not r["found"]),
        "answerable_declined": share(answerable, lambda r: not r["found"]),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "p95_ms": round(_percentile(latencies, 0.95), 1),
        "failures": failures,
    }
