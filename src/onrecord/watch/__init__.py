"""Watch: poll feeds, pages and files on a schedule, ingest what is new, say what changed.

``schedule`` (intervals, backoff, politeness per host), ``poll`` (one conditional check of one
source), ``follow`` (a summary entry's linked page), ``changes`` (new articles per storyline,
new disputes), ``watcher`` (the loop); the state of each source is kept in the corpus
(:mod:`onrecord.store.watched`), so a restart resumes. ``onrecord watch`` is the command.
"""

from onrecord.watch.schedule import parse_every
from onrecord.watch.watcher import RoundReport, Watcher

__all__ = ["RoundReport", "Watcher", "parse_every"]
