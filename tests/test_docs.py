"""The README and the command line stay in step, and CI runs what the README says."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from minutes_graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    return [(name, command) for name, command in cli.commands.items()]


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_command_has_help_and_is_documented(name, command):
    assert command.help, f"{name} has no help text"
    assert f"minutes-graph {name}" in README


@pytest.mark.parametrize(
    "option",
    [
        opt
        for _, command in _commands()
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--")
    ],
)
def test_every_option_is_documented(option):
    assert f"`{option}" in README


def test_ci_runs_the_readme_install_and_test_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[model,test]"' in README
    assert 'pip install -e ".[model,test]"' in ci
    assert "\npytest\n" in README and "\npytest\n" in ci
