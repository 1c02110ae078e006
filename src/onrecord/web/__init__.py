"""The web UI: server-rendered pages (:mod:`onrecord.web.pages`), templates and a stylesheet."""
