"""minutes-graph: the command line and the wiring of extract -> graph -> exports."""

from .pipeline import BuildError, BuildResult, BuildSettings, DocumentReport, Outcome, build

__all__ = ["BuildError", "BuildResult", "BuildSettings", "DocumentReport", "Outcome", "build"]
