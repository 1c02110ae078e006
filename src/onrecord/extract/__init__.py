"""Extraction: pure functions from a parsed spaCy ``Doc`` to records with character offsets.

Four rooms, one per kind of record, and one room of shared helpers:

- :mod:`onrecord.extract.entities`: people, organisations and places, canonical within the
  document, with actor codes and roles;
- :mod:`onrecord.extract.statements`: who said what (quotes, reported speech, "according to",
  headings, captions), with the speaker, the sourcing, the channel, the date and the stance;
- :mod:`onrecord.extract.times`: time expressions normalised to TIMEX3 values;
- :mod:`onrecord.extract.events`: political events in PLOVER, with source, target, place, time;
- :mod:`onrecord.extract.common`: text and span helpers the rooms share.

Each room's ``extract`` module holds its entry point (``extract_entities``,
``extract_statements``, ``extract_times``, ``extract_events``), which the spaCy components of
:mod:`onrecord.nlp.factories` call; no spaCy object leaves a room.
"""
