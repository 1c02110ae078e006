"""The version of onrecord, apart from the package face so that anything may import it without
loading the rest (the user agent of :mod:`onrecord.ingest.urls`, the API's title)."""

__version__ = "0.1.0"
