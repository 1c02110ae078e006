"""Evaluation against gold annotations: readers, metrics, the runner of ``onrecord eval``."""
