"""Entities: who and what an article names.

In: a parsed ``Doc`` (spaCy's entities and dependency parse). Out: ``Entity`` records, one per
person, organisation or place, canonical within the document, with their mentions as offsets.

Modules: ``extract`` (``extract_entities``: spaCy's entities merged, filtered and resolved within
the document), ``person_names`` (one person however written; phantom names refused), ``roles``
("Turkey's president" -> its holder, from the office-holder table), ``actors`` (CAMEO actor
codes of states, organisations, demonyms, capitals, sectors and office holders, read from
``data/``).
"""
