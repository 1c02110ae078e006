"""Evaluation against gold annotations: readers, metrics, and the runner behind ``onrecord eval``."""
