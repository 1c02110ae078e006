"""The HTTP API's routes: ``read`` and ``write`` (the ``/api`` routes) and ``schemas`` (typed
response models; those of the records are derived from :mod:`onrecord.models` by ``contract``).
The application that serves them with the web pages is built by
:func:`onrecord.server.app.create_app`; what they read comes from :mod:`onrecord.analysis`
(:mod:`onrecord.analysis.browse` for the plain listings), what every request needs from
:mod:`onrecord.server.deps`.
"""
