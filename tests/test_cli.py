import json

import pytest
from typer.testing import CliRunner

from assistant import Settings
from assistant.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", ["index", "ask", "search", "serve", "eval"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 100


def test_ask_prints_the_answer_and_numbered_sources(seeded: Settings) -> None:
    result = runner.invoke(app, ["ask", "Hur många deltagare hade konferenserna om kulturlivet i bostadsområden?"])
    assert result.exit_code == 0, result.output
    assert "1 529 991" in result.output
    assert "[1]" in result.output and "004_9e1d20c1737fdd19.txt" in result.output


def test_ask_json_prints_the_answer_model(seeded: Settings) -> None:
    result = runner.invoke(app, ["ask", "How many orphans were sponsored in Ha Tinh?", "--json", "--k", "3"])
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert reply["found"] is True
    assert reply["citations"][0]["doc_id"] == "001_cb303f5445b295aa.txt"
    assert "265" in reply["text"]


def test_a_bad_question_is_one_line_not_a_traceback(seeded: Settings) -> None:
    result = runner.invoke(app, ["ask", "   "])
    assert result.exit_code == 1
    assert "Please type a question" in result.output
    assert "Traceback" not in result.output


def test_eval_missing_file_is_a_clear_error(isolated: Settings) -> None:
    result = runner.invoke(app, ["eval", "--questions", "/nonexistent/q.jsonl"])
    assert result.exit_code == 1
    assert "cannot read questions file" in result.output


def test_search_prints_ranked_passages_as_json(seeded: Settings) -> None:
    result = runner.invoke(app, ["search", "Hur många modeller för ekonomisk utveckling fanns i Hanoi?", "--json"])
    assert result.exit_code == 0, result.output
    passages = json.loads(result.stdout)
    assert [p["rank"] for p in passages] == list(range(1, len(passages) + 1))
    assert passages[0]["doc_id"] == "004_9e1d20c1737fdd19.txt" and "600 modeller" in passages[0]["text"]
    plain = runner.invoke(app, ["search", "Hur många modeller för ekonomisk utveckling fanns i Hanoi?", "--k", "2"])
    assert plain.exit_code == 0 and "1." in plain.output and "004_9e1d20c1737fdd19.txt" in plain.output
