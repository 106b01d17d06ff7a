"""The README's two commands are the ones CI runs and the ones that work."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands() -> list[str]:
    return [line for block in re.findall(r"```(?:bash|sh)\n(.*?)```", README, re.S) for line in block.splitlines()
            if line.strip() and not line.startswith("#")]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(c for c in fenced_commands() if "pytest" in c)
    assert test_command in ci.splitlines()


def test_readme_has_exactly_two_commands_both_using_the_system_script():
    commands = [c for c in fenced_commands() if "install-system-deps.sh" in c]
    assert len(commands) == 2
    assert any("council-prep" in c and "pytest" not in c for c in commands)
    assert (ROOT / "scripts" / "install-system-deps.sh").exists()
