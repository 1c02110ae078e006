"""Running the pipeline over many articles: in this process or in worker processes."""

from onrecord.engine.local import analyze_in_workers, default_workers

__all__ = ["analyze_in_workers", "default_workers"]
