"""minutes-graph: the command line and the wiring of extract -> graph -> exports."""

from .pipeline import BuildError, BuildResult, BuildSettings, build, collect_inputs

__all__ = ["BuildError", "BuildResult", "BuildSettings", "build", "collect_inputs"]
