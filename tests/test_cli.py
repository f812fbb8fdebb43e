import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings

runner = CliRunner()


@pytest.mark.parametrize("command", ["index", "ask", "serve", "eval"])
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
    result = runner.invoke(app, ["ask", "How much profit did the sale of fresh turmeric bring?", "--json", "--k", "3"])
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert reply["found"] is True
    assert reply["citations"][0]["doc_id"] == "002_5433d715464fb01d.txt"
    assert "60 millions" in reply["text"]


def test_a_bad_question_is_one_line_not_a_traceback(seeded: Settings) -> None:
    result = runner.invoke(app, ["ask", "   "])
    assert result.exit_code == 1
    assert "Please type a question" in result.output
    assert "Traceback" not in result.output


def test_eval_missing_file_is_a_clear_error(isolated: Settings) -> None:
    result = runner.invoke(app, ["eval", "--questions", "/nonexistent/q.jsonl"])
    assert result.exit_code == 1
    assert "cannot read questions file" in result.output
