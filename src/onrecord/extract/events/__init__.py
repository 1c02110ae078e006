"""Events: who did what to whom, when and where, in PLOVER (with CAMEO roots).

In: a parsed ``Doc`` with its entities and times. Out: ``Event`` records: the trigger as
offsets, the type and mode, the status (occurred, denied, called off, threatened), the source
and target participants with actor codes, the place and the time.

Modules: ``extract`` (``extract_events``), ``triggers`` (the trigger and its code, by the
ordered, named rules of ``VERB_RULES`` and the noun rules of ``TRIGGER_RULES``),
``lexicon`` (verb and noun codes, read from ``data/``), ``plover`` (CAMEO -> PLOVER, shared
with the eval), ``participants`` (source and target),
``complements`` (targets in complements), ``context`` (status, time and place from the
sentence around the trigger).
"""
