"""Helpers the extraction rooms share: ``doctext`` (the text of a Doc, character spans of
tokens, paragraph and sentence boundaries).

In: a parsed ``Doc``. Out: offsets and strings, never spaCy objects.
"""
