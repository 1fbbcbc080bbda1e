"""An example comes with the settings it teaches with: passfail's descent converges as it
opens (η = 0.1 under the safe bound, up to 100,000 updates), where the default η = 0.01 ended
10,000 updates far from the optimum; flags still win, and the other examples keep the
documented defaults."""

from __future__ import annotations

import json

import pytest

from gdapp.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["run", *argv, "--json"]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_passfail_converges_as_it_opens(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "--example", "passfail")
    settings = out["settings"]
    assert isinstance(settings, dict)
    assert settings["eta"] == 0.1 and settings["max_iterations"] == 100_000
    assert out["status"] == "converged"
    assert float(out["stability_limit"]) > 0.1  # type: ignore[arg-type]


def test_flags_win_over_an_examples_settings(capsys: pytest.CaptureFixture[str]) -> None:
    settings = _run(capsys, "--example", "passfail", "--eta", "0.05",
                    "--iterations", "30")["settings"]
    assert isinstance(settings, dict)
    assert settings["eta"] == 0.05 and settings["max_iterations"] == 30


@pytest.mark.parametrize("example", ["document", "features", "nonconvex", "overfit"])
def test_the_other_examples_keep_the_default_eta(capsys: pytest.CaptureFixture[str],
                                                 example: str) -> None:
    settings = _run(capsys, "--example", example, "--iterations", "5")["settings"]
    assert isinstance(settings, dict)
    assert settings["eta"] == 0.01
