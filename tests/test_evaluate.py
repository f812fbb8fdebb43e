"""`assistant eval` on question files: the real retrieval and answer path, with floors a regression would break."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant import Assistant, Settings
from assistant.cli import app
from assistant.evaluate import evaluate, load_questions, normalize
from tests.conftest import REPO

DEV = REPO.parent / "shared" / "eval" / "questions.jsonl"
OWN = Path(__file__).parent / "data" / "questions.jsonl"
SPLIT = REPO / "eval" / "questions.jsonl"
KEYS = {"n", "hit@1", "hit@5", "mrr@10", "answer_accuracy", "no_answer_declined", "answerable_declined", "p50_ms",
        "p95_ms", "per_lang", "failures"}  # fmt: skip


def test_normalize_follows_the_eval_rules() -> None:
    assert normalize("36\u202f392\u00a0Mètres  l’an") == "36 392 mètres l'an"


def test_history_may_be_written_as_chat_messages(tmp_path: Path) -> None:
    # the README's form is a list of earlier questions; the chat form `answer` takes reads the same
    lines = [
        {"id": "a", "lang": "en", "question": "And in Hanoi?", "history": ["How much did Ha Tinh raise?"]},
        {"id": "b", "lang": "en", "question": "And in Hanoi?",
         "history": [{"role": "user", "content": "How much did Ha Tinh raise?"},
                     {"role": "assistant", "content": "104,3 billion VND."}]},
    ]  # fmt: skip
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with path.open("a", encoding="utf-8") as f:  # and the [user, assistant] pairs of a chat page
        f.write("\n" + json.dumps({"id": "c", "lang": "en", "question": "And in Hanoi?",
                                   "history": [["How much did Ha Tinh raise?", "104,3 billion VND."]]}))  # fmt: skip
    plain, chat, pairs = load_questions(path)
    assert plain.turns == chat.turns == pairs.turns == [{"role": "user", "content": "How much did Ha Tinh raise?"}]


def test_own_questions_meet_their_floors(seeded: Settings) -> None:
    report = evaluate(load_questions(OWN), Assistant(seeded))  # measured 1.0, 0.74, 0.71, 0.75, 0.21
    assert KEYS <= set(report)
    assert report["hit@5"] >= 0.85
    assert report["mrr@10"] >= 0.65
    assert report["answer_accuracy"] >= 0.65
    assert report["no_answer_declined"] >= 0.5
    assert report["answerable_declined"] <= 0.25
    assert set(report["per_lang"]) == {"en", "fr", "sv", "vi"}


def test_the_test_split_meets_its_floors_and_reports_tags_and_auroc(seeded: Settings) -> None:
    """The figures the closing notes report, a little under them: parameters are fitted on the train split only."""
    questions = [q for q in load_questions(SPLIT) if q.split == "test"]
    assert len(questions) >= 250
    report = evaluate(questions, Assistant(seeded))  # measured 0.92, 0.83, 0.80, 0.80, 0.05, AUROC 0.91
    assert report["hit@5"] >= 0.85
    assert report["mrr@10"] >= 0.72
    assert report["answer_accuracy"] >= 0.68
    assert report["no_answer_declined"] >= 0.7
    assert report["answerable_declined"] <= 0.12
    assert report["no_answer_auroc"] >= 0.8
    assert {"cross-lingual", "paraphrase", "multi-part", "multi-doc", "follow-up", "perturbed"} <= set(
        report["per_tag"]
    )


@pytest.mark.skipif(not DEV.is_file(), reason="the shared dev questions are not beside this checkout")
def test_dev_questions_meet_their_floors_through_the_cli(seeded: Settings) -> None:
    result = CliRunner().invoke(app, ["eval", "--questions", str(DEV), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert KEYS <= set(report)
    assert report["n"] == len(load_questions(DEV))
    assert report["hit@5"] >= 0.92  # measured 1.0, 0.84, 0.96, 0.67 (2 of 3), 0.04
    assert report["mrr@10"] >= 0.80
    assert report["answer_accuracy"] >= 0.88
    assert report["no_answer_declined"] >= 0.6
    assert report["answerable_declined"] <= 0.12


def test_the_question_set_is_grounded_in_the_documents_and_split_once() -> None:
    from tests.conftest import SEEDS

    questions = load_questions(SPLIT)
    assert len({q.id for q in questions}) == len(questions) >= 200
    assert {q.split for q in questions} == {"train", "valid", "test"}
    assert sum(not q.answerable for q in questions) >= len(questions) / 4
    texts = {p.name: normalize(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    # written later, for finding faults by hand; never fitted
    probe = [
        q
        for name in (
            "probe.jsonl",
            "probe-sv-vi.jsonl",
            "probe-multipart.jsonl",
            "probe-fresh.jsonl",
            "holdout.jsonl",
            "holdout-b.jsonl",
            "probe-w.jsonl",
            "probe-x.jsonl",
            "probe-y.jsonl",
            "probe-z.jsonl",
            "probe-k.jsonl",
            "probe-v.jsonl",
            "probe-j.jsonl",
            "probe-o.jsonl",
            "probe-q.jsonl",
            "probe-l.jsonl",
            "probe-s.jsonl",
            "probe-vb.jsonl",
            "probe-n.jsonl",
            "probe-m.jsonl",
            "probe-r.jsonl",
            "probe-mq.jsonl",
            "probe-t.jsonl",
            "probe-u.jsonl",
            "probe-v6.jsonl",
            "probe-w7.jsonl",
            "probe-x8.jsonl",
            "probe-y9.jsonl",
            "probe-pp.jsonl",
            "probe-z10.jsonl",
            "probe-a11.jsonl",
            "probe-c13.jsonl",
            "probe-b12.jsonl",
            "probe-d14.jsonl",
            "probe-e15.jsonl",
            "probe-f16.jsonl",
            "probe-g17.jsonl",
            "probe-h18.jsonl",
            "probe-i19.jsonl",
            "probe-j20.jsonl",
            "probe-k21.jsonl",
            "probe-l22.jsonl",
            "probe-m23.jsonl",
            "probe-n24.jsonl",
            "probe-o25.jsonl",
            "probe-p26.jsonl",
            "probe-q27.jsonl",
            "probe-r28.jsonl",
            "probe-s29.jsonl",
            "probe-t30.jsonl",
            "probe-u31.jsonl",
            "probe-v32.jsonl",
            "probe-w33.jsonl",
            "probe-x34.jsonl",
            "probe-y35.jsonl",
        )
        for q in load_questions(SPLIT.with_name(name))
    ]
    assert len({q.id for q in questions + probe}) == len(questions) + len(probe) and not {q.split for q in probe} - {
        None
    }
    for q in questions + probe:
        if not q.answerable:
            assert not q.docs and not q.answer, q.id
            continue
        assert q.docs and set(q.docs) <= set(texts), q.id
        for needed in q.evidence + q.answer:
            assert any(normalize(needed) in texts[d] for d in q.docs), (q.id, needed)
