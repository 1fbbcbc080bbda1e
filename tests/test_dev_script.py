"""The README's two commands and CI: `./dev`, `.ci/run`, and the promises between them.

The full set-up and test run are exercised by CI itself (`bash .ci/run` calls `./dev test`);
these tests check the parts that can be checked in a second: the README's lines, CI's verdict
on pytest's outcome, and what `./dev` says when it cannot install a missing package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from patience import HANG_S

ROOT = Path(__file__).resolve().parents[1]
BASH = shutil.which("bash") or "/bin/bash"


def _sh(args: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None,
        typed: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=HANG_S,
                          input=typed, check=False)


def test_readme_has_the_two_commands_each_alone_on_an_indented_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("./dev app", "./dev test"):
        assert re.search(rf"^[ \t]+{re.escape(command)}[ \t]*$", readme, re.MULTILINE), command


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    calls = [line.strip() for line in ci.splitlines()
             if "./dev" in line and not line.lstrip().startswith("#")]
    # Literally the README's command, with no extra arguments (a time limit may wrap it).
    assert any(re.search(r"(^|\s)\./dev test(\s*<|\s*$)", c) for c in calls), calls


def test_the_dev_script_is_executable_and_valid_bash() -> None:
    assert os.access(ROOT / "dev", os.X_OK)
    assert _sh([BASH, "-n", "dev"]).returncode == 0
    assert _sh([BASH, "-n", ".ci/run"]).returncode == 0


def test_dev_help_lists_every_command_and_an_unknown_one_fails() -> None:
    shown = _sh([BASH, "dev", "help"])
    assert shown.returncode == 0
    for command in ("app", "test", "bench", "screenshot", "translations", "setup"):
        assert f"./dev {command}" in shown.stdout
    wrong = _sh([BASH, "dev", "tset"])
    assert wrong.returncode != 0
    assert "unknown command: tset" in wrong.stderr


def _fake_checkout(tmp_path: Path, dev_body: str) -> Path:
    """A folder with the real .ci/run and a stand-in ./dev that prints and exits as told."""
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    dev = tmp_path / "dev"
    dev.write_text("#!/usr/bin/env bash\n" + dev_body + "\n", encoding="utf-8")
    dev.chmod(0o755)
    return tmp_path


def test_ci_fails_when_pytest_collects_no_tests(tmp_path: Path) -> None:
    repo = _fake_checkout(tmp_path, 'echo "=== no tests ran in 0.01s ==="; exit 5')
    result = _sh([BASH, ".ci/run"], cwd=repo)
    assert result.returncode == 1
    assert "collected no tests" in result.stdout


def test_ci_fails_when_the_test_command_fails(tmp_path: Path) -> None:
    repo = _fake_checkout(tmp_path, 'echo "=== 1 failed, 3 passed in 2.00s ==="; exit 1')
    result = _sh([BASH, ".ci/run"], cwd=repo)
    assert result.returncode == 1
    assert "exited with code 1" in result.stdout


def test_ci_fails_when_a_test_was_skipped(tmp_path: Path) -> None:
    repo = _fake_checkout(tmp_path, 'echo "=== 3 passed, 1 skipped in 2.00s ==="; exit 0')
    result = _sh([BASH, ".ci/run"], cwd=repo)
    assert result.returncode == 1
    assert "skipped" in result.stdout


def test_ci_stops_a_hung_test_run_with_a_reason(tmp_path: Path) -> None:
    repo = _fake_checkout(tmp_path, "sleep 30")
    ci = repo / ".ci" / "run"
    ci.write_text(ci.read_text(encoding="utf-8").replace("limit_minutes=80", "limit_minutes=0.02"),
                  encoding="utf-8")
    result = _sh([BASH, ".ci/run"], cwd=repo)
    assert result.returncode == 1
    assert "did not finish within" in result.stdout


def test_ci_fails_when_pytest_printed_no_closing_line(tmp_path: Path) -> None:
    repo = _fake_checkout(tmp_path, "echo done; exit 0")
    assert _sh([BASH, ".ci/run"], cwd=repo).returncode == 1


def test_ci_passes_and_ends_on_pytest_closing_line(tmp_path: Path) -> None:
    closing = "=============== 12 passed in 3.21s (0:00:03) ==============="
    repo = _fake_checkout(tmp_path, f'echo "test output"; echo "{closing}"; exit 0')
    result = _sh([BASH, ".ci/run"], cwd=repo)
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == closing


def test_ci_runs_the_test_command_with_ci_set_and_no_stdin(tmp_path: Path) -> None:
    body = 'read -r line && echo "stdin: $line"; echo "CI=$CI"; echo "=== 1 passed in 0.1s ==="'
    repo = _fake_checkout(tmp_path, body)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    result = _sh([BASH, ".ci/run"], cwd=repo, env=env, typed="y\n")
    assert result.returncode == 0, result.stdout
    assert "CI=true" in result.stdout
    assert "stdin:" not in result.stdout


def test_dev_prints_the_install_line_when_it_cannot_install(tmp_path: Path) -> None:
    # A machine where dpkg knows no package, we are not root and there is no sudo.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "grep", "cat", "sed"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    for name, body in {"id": "echo 1000", "dpkg-query": "exit 1"}.items():
        stub = bin_dir / name
        stub.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
        stub.chmod(0o755)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    result = _sh([BASH, str(ROOT / "dev"), "setup"], env=env)
    assert result.returncode == 1
    assert "apt-get install libreoffice-calc-nogui xvfb xauth" in result.stderr
    assert "pip install" not in result.stderr


def test_dev_app_without_a_display_says_nobody_can_see_the_window_and_how_to(
        tmp_path: Path) -> None:
    """Before: "the window opens on a virtual screen (xvfb-run); Ctrl+C ends it", and then
    a wait in silence for a window nobody could see."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for name, body in {"xvfb-run": 'echo "xvfb-run $*"',
                       "dpkg-query": "echo 'install ok installed'"}.items():
        stub = stubs / name
        stub.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
        stub.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PATH"] = f"{stubs}:{env.get('PATH', '')}"
    result = _sh([BASH, str(ROOT / "dev"), "app"], env=env)
    assert result.returncode == 0, result.stderr
    said = " ".join(line.removeprefix("dev: ") for line in result.stderr.splitlines())
    assert "virtual screen (xvfb-run) that nobody can see" in said
    assert "./dev screenshot FILE.png" in said and "sets DISPLAY" in said
    assert result.stdout.startswith("xvfb-run -a ")          # and the window is started there


def test_the_readme_does_not_say_the_window_speaks_english_only() -> None:
    """Before: "The window's own words are English for now", below the README's own section
    on the Korean window."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## The window in Korean" in readme
    assert not re.search(r"window'?s? (own )?(words|texts?) (are|is) (in )?English",
                         " ".join(readme.split())), "a stale sentence says the window is English"
