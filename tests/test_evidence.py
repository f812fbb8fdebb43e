"""The evidence judge's pure parts: roles a text names, and the fitted logistic model applied by hand."""

import math

import pytest

from assistant.evidence import _named_roles, probability


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Who chairs the Front in Hanoi?", [("chair", False)]),
        ("Le vice-président du Comité et le secrétaire provincial", [("chair", True), ("secretary", False)]),
        ("Vem är viceordförande för kommittén?", [("chair", True)]),
        ("Ai là phó chủ tịch Ủy ban?", [("chair", True)]),
        ("La chef adjointe de la Commission", [("head", False)]),
        ("How many houses were built?", []),
    ],
)  # fmt: skip
def test_roles_are_read_by_family_and_deputy(text: str, roles: list[tuple[str, bool]]) -> None:
    assert _named_roles(text) == roles


def test_the_fitted_model_is_a_standardised_logistic() -> None:
    model = {
        "weights": {"a": 2.0, "b": -1.0},
        "intercept": 0.5,
        "mean": {"a": 1.0, "b": 0.0},
        "scale": {"a": 2.0, "b": 1.0},
    }
    z = 0.5 + 2.0 * (3.0 - 1.0) / 2.0 - 1.0 * (1.0 - 0.0) / 1.0
    assert probability(model, {"a": 3.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-z)))
