"""Statements: who said what, to whom, when, and what they did with it.

In: a parsed ``Doc`` with its entities and times. Out: ``Statement`` records: the content and
the speaker as offsets, the cue, the sourcing (named, anonymous, organisation, document), the
channel, the date, and the stance (asserts, denies, doubts, qualifies) with the proposition.

Modules: ``extract`` (``extract_statements``: runs the rules in order and resolves speakers),
``rules`` (the ordered registry of named rules: ``according_to``, ``cue_clause``,
``parenthetical_cue``, ...; the first that applies to a word decides), ``quotes``
(quotations, split quotes), ``reported`` (reported speech: "said that", "according to",
clauses after the content), ``attribution`` (the speaker of a cue), ``reporting_clauses``
(a speaker phrase trailing a long sentence), ``framing`` ("made this assertion despite
..."), ``headings`` ("X Denies Y: ..."), ``captions`` (photo captions, never statements),
``narration`` (a reporter's narration, never speech), ``drafts`` (candidates before they are
accepted), ``dates`` (when each was said), ``stance``, ``lexicon`` (cue words), ``cue_model``
(the learned cue model).
"""
