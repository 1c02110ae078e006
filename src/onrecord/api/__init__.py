"""The HTTP API and the web UI's server: ``create_app(db)`` builds the FastAPI application.

Modules: ``app`` (the application, middleware, error handlers), ``deps`` (the per-request
corpus and the bearer-token checks), ``schemas`` (typed response models), ``queries`` (the few
corpus listings :mod:`onrecord.analysis` has no function for), ``read`` and ``write`` (the
``/api`` routes). The HTML pages live in :mod:`onrecord.web`.
"""

from onrecord.api.app import create_app

__all__ = ["create_app"]
