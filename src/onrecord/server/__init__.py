"""The web server: one FastAPI application over one corpus, serving the JSON API
(:mod:`onrecord.api`) and the HTML pages (:mod:`onrecord.web`).

Modules: ``app`` (``create_app(db)``: the application, middleware, error handlers; it is the
one module above both faces) and ``deps`` (what every request needs: the settings, a corpus
per request, the token checks; below both faces). The API and the pages import ``deps`` and
the library, never each other; what they read comes from :mod:`onrecord.analysis`.
"""
