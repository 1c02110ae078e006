"""Times: every time expression, resolved against the publication date.

In: a parsed ``Doc`` and the publication date. Out: ``TimeExpr`` records (TIMEX3 type and
value, offsets).

Modules: ``extract`` (``extract_times``), ``recognize`` (finding the expressions), ``rules``
(normalising them), ``relative`` ("two days later", "last Tuesday" against an anchor),
``calendar`` (weekdays, months, holidays, date arithmetic). The words are read from ``data/``
(``calendar.txt``, ``modifiers.txt``).
"""
