"""Where accounts diverge: contradictions between speakers and shifts in one speaker's account.

A *contradiction* is a pair of statements by different speakers on the same matter that say
opposite things (a minister's "the ship rammed us on purpose" and the coast guard's "no evidence
it was deliberate"). A *shift* is one speaker saying different things about the same matter on
different days ("an accident" on Monday, "rammed on purpose" that night, "not some plan" on
Saturday).

How pairs are found, cheaply enough for a large corpus:

1. *Matter*: each statement is reduced to content terms (its words without stopwords, crudely
   stemmed) plus, at half weight, the terms of the sentence around it. Pairs that share a term
   rare enough to be informative are candidates; their IDF-weighted cosine is the matter score.
2. *Opposition* (:mod:`onrecord.analysis.opposition`): a negation on one side only, a denial
   cue, antonyms, conflicting numbers; or an anaphoric rebuttal ("no such evidence") answering
   the statement just before it.
3. *Shift*: the same resolved speaker, or one side (:mod:`onrecord.analysis.sides`: the Saudi
   foreign minister and the Saudi consul speak for one government) more than
   :data:`INTERNAL_DAYS` apart, on two different days, and either opposition or a change
   marker in the later sentence ("later", "acknowledged", "yet another version"). Two people
   of one side at odds within a few days contradict each other ("one official contradicting
   another"); different sides always do.

Each finding carries both statements, their dates and outlets, a score in [0, 1] and the
evidence, so a reader can judge it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations

from onrecord.analysis import opposition as op
from onrecord.analysis.claim import Finding, Side
from onrecord.analysis.echoes import first_of_repeats, repeated
from onrecord.analysis.queries import date_bounds
from onrecord.analysis.series import count_steps, one_step_per_admission
from onrecord.analysis.sides import side_of
from onrecord.extract.statements.lexicon import PERSONAL_PRONOUNS
from onrecord.store import Corpus

MATTER_MIN = 0.18  # cosine of IDF-weighted terms above which two statements share a matter
CONTEXT_WEIGHT = 0.3  # a term of the surrounding sentence counts this much of a content term
MAX_DF_SHARE = 0.08  # terms in more statements than this share do not generate candidates
MAX_POSTING = 60  # nor do terms in more statements than this (a large corpus's common words)
EMBEDDING_OFFSET = 0.25  # an embedding cosine minus this is comparable to the lexical score
_CONTEXT_BEFORE, _CONTEXT_AFTER = 600, 120
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘A-Z0-9])|\n")
INTERNAL_DAYS = 3
"""Two people of one side who disagree within this many days contradict each other ("one
official contradicting another"); further apart, the side's account has shifted."""
SAME_ARTICLE_MATTER = 0.3  # an article is about one matter: its statements share at least this
MIN_SHARED_ENTITIES = 2  # statements of two articles are compared when these share 2 entities
CHANGE_OF_ACCOUNT = re.compile(
    r"\b(changed|shifted|revised|reversed|backed away|walked back|backtracked|acknowledged|"
    r"conceded|admitted|yet another|another version|new version|no longer)\b", re.IGNORECASE)
RECALLED = re.compile(r"\b(initially|originally|previously|at first|repeatedly said|"
                      r"had insisted)\b", re.IGNORECASE)
"""A reporter recalling the account given before ("Saudi officials initially said ...")."""
RETOLD = re.compile(rf"\b(dropped|abandoned)\b|{RECALLED.pattern}", re.IGNORECASE)
"""A reporter recalling an account given before, beside the one given now."""
AT_ODDS = re.compile(
    r"\b(contradict\w*|at odds|disput\w*|differ\w*|undercut\w*|rebuff\w*|in contrast|"
    r"disagree\w*|broke with|breaking with)\b", re.IGNORECASE)
"""A reporter's words that two people of one side disagree."""
CHANGE_MARKERS = re.compile(
    r"\b(later|now|insisted|instead|by (?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))\b", re.IGNORECASE)


def sentence_around(window: str, offset: int, start: int, end: int) -> tuple[str, str]:
    """The sentence of ``window`` (which begins at ``offset``) around ``start..end``, and the
    sentence before it (where reporters often frame a statement: "He offered yet another
    version.")."""
    lo, hi = start - offset, end - offset
    ends = [m.end() for m in _SENTENCE_END.finditer(window, 0, max(lo, 0))]
    begin = ends[-1] if ends else 0
    lead = window[ends[-2] if len(ends) > 1 else 0:begin].strip() if ends else ""
    after = _SENTENCE_END.search(window, max(hi, 0))
    return window[begin: after.start() + 1 if after else len(window)].strip(), lead


def load_sides(corpus: Corpus, since: str | None = None,
               until: str | None = None) -> list[Side]:
    """Every top-level statement of each story, with its sentence as context."""
    bounds, params = date_bounds("s.date", since, until)
    first = ("CASE WHEN s.speaker_start < s.content_start THEN s.speaker_start"
             " ELSE s.content_start END")
    rows = corpus.query(
        "SELECT s.article_id, s.id, COALESCE(ce.name, s.speaker_text), s.corpus_speaker,"
        " ce.actor, s.speaker_text,"
        " s.sourcing, s.cue, s.content, s.date, s.time_defaulted, t.value, a.source, a.title,"
        f" s.content_start, s.content_end, {first},"
        f" substr(a.text, CASE WHEN {first} > ? THEN {first} - ? + 1 ELSE 1 END,"
        f" s.content_end - {first} + ?),"
        f" CASE WHEN {first} > ? THEN {first} - ? ELSE 0 END, s.stance, s.proposition"
        " FROM statements s JOIN articles a ON a.id = s.article_id AND a.story_id = a.id"
        " LEFT JOIN corpus_entities ce ON ce.id = s.corpus_speaker"
        " LEFT JOIN times t ON t.article_id = s.article_id AND t.id = s.time"
        f" WHERE s.nested_in IS NULL AND s.continues IS NULL{bounds}"
        " ORDER BY s.date IS NULL, s.date, s.article_id, s.content_start, s.id",
        [_CONTEXT_BEFORE, _CONTEXT_BEFORE, _CONTEXT_BEFORE + _CONTEXT_AFTER, _CONTEXT_BEFORE,
         _CONTEXT_BEFORE, *params])
    titles: dict[str, list[str]] = defaultdict(list)
    for entity, title in corpus.query(
            "SELECT DISTINCT corpus_entity_id, title FROM entity_titles ORDER BY 1, 2"):
        titles[entity].append(title)
    sides = []
    for (article, sid, speaker, speaker_id, actor, speaker_text, sourcing, cue, content, date,
         defaulted, when, outlet, title, start, end, begin, window, offset, stance,
         proposition) in rows:
        context, lead = sentence_around(window or "", int(offset), int(begin), int(end))
        # an excerpt that stops mid-sentence cuts the statement running to its end (the window
        # is shorter than asked for only where the text ends)
        window = window or ""
        text_ended = len(window) < int(end) - int(begin) + _CONTEXT_BEFORE + _CONTEXT_AFTER
        cut = text_ended and int(end) >= int(offset) + len(window) - 2 and \
            not window.rstrip().endswith(_ENDINGS)
        side = side_of(speaker, speaker_text, titles.get(speaker_id or "", ()), actor)
        sides.append(Side(article, sid, speaker, speaker_id, sourcing, cue, content, date,
                          bool(defaulted), when, outlet, title, int(start), int(end), context,
                          lead, side=side, stance=stance or "asserts",
                          proposition=proposition, cut=cut))
    return _one_side_per_person(_definite_antecedents(sides))


_ENDINGS = (".", "!", "?", '"', "”", "’", "'", ")")


_DEFINITE = re.compile(
    r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z][\w-]*?)(?:'s?)?$", re.IGNORECASE)
"""A speaker named by a definite description: "the ministry", "the news agency"."""


def _definite_antecedents(sides: list[Side]) -> list[Side]:
    """A speaker named by a definite description ("the ministry", "the agency") that the
    record left without a side speaks for the side of the nearest earlier speaker of the same
    article whose name ends in that noun ("Russia's Defence Ministry", "Saudi Press Agency")."""
    out = list(sides)
    latest: dict[tuple[str, str], str] = {}  # (article, last word of a name) -> its side
    for i in sorted(range(len(sides)), key=lambda i: (sides[i].article_id, sides[i].start)):
        claim = sides[i]
        name = (claim.speaker or "").lower().replace("’", "'").strip()
        definite = _DEFINITE.match(name)
        if definite and claim.side is None:
            found = latest.get((claim.article_id, definite.group("head")))
            if found:
                out[i] = claim = replace(claim, side=found)
        if claim.side is not None and name:
            latest[(claim.article_id, name.split()[-1].removesuffix("'s"))] = claim.side
    return out


def _one_side_per_person(sides: list[Side]) -> list[Side]:
    """A person speaks for one side in every article: the side most of their statements give
    ("Greece's defence minister" in one article names the side of "Theodorou" in all)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sides:
        if s.speaker_id and s.side:
            votes[s.speaker_id][s.side] += 1
    return [replace(s, side=votes[s.speaker_id].most_common(1)[0][0])
            if s.speaker_id and votes.get(s.speaker_id) else s for s in sides]


class _Index:
    """Term weights and candidate pairs over a set of statements."""

    def __init__(self, sides: list[Side]) -> None:
        self.sides = sides
        self.content = [op.terms(s.content) for s in sides]
        self.context = [op.terms(s.context) - c for s, c in zip(sides, self.content, strict=True)]
        df: dict[str, int] = defaultdict(int)
        for c, x in zip(self.content, self.context, strict=True):
            for t in c | x:
                df[t] += 1
        n = max(len(sides), 1)
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        self.max_df = min(MAX_POSTING, max(3, int(MAX_DF_SHARE * n)))
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, (c, x) in enumerate(zip(self.content, self.context, strict=True)):
            for t in c | x:
                if df[t] <= self.max_df:
                    self.postings[t].append(i)
        self.norms = [math.sqrt(sum(self._w(i, t) ** 2 for t in c | x))
                      for i, (c, x) in enumerate(zip(self.content, self.context, strict=True))]

    def _w(self, i: int, term: str) -> float:
        return self.idf.get(term, 0.0) * (1.0 if term in self.content[i] else CONTEXT_WEIGHT)

    def candidates(self, focus: set[int] | None = None) -> set[tuple[int, int]]:
        """Pairs sharing an informative term, and pairs of one speaker in one article; only
        pairs with a member in ``focus`` when it is given."""
        pairs: set[tuple[int, int]] = set()
        for items in self.postings.values():
            if focus is None:
                pairs.update(combinations(items, 2))
            else:
                pairs.update((min(i, j), max(i, j)) for i in items if i in focus
                             for j in items if j != i)
        by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, side in enumerate(self.sides):
            if side.speaker_id:
                by_speaker[(side.article_id, side.speaker_id)].append(i)
        for items in by_speaker.values():
            pairs.update(p for p in combinations(items, 2)
                         if focus is None or p[0] in focus or p[1] in focus)
        return pairs

    def similarity(self, i: int, j: int) -> tuple[float, tuple[str, ...]]:
        shared = (self.content[i] | self.context[i]) & (self.content[j] | self.context[j])
        if not shared or not self.norms[i] or not self.norms[j]:
            return 0.0, ()
        dot = sum(self._w(i, t) * self._w(j, t) for t in shared)
        top = sorted(shared, key=lambda t: (-self.idf[t], t))[:5]
        return dot / (self.norms[i] * self.norms[j]), tuple(top)


def _same_speaker(a: Side, b: Side) -> bool:
    return a.speaker_id is not None and a.speaker_id == b.speaker_id


def _same_side(a: Side, b: Side) -> bool:
    """Two people who speak for one side ("SAU": the foreign minister and the consul)."""
    return a.side is not None and a.side == b.side


def _only_counts(evidence: list[str]) -> bool:
    """Evidence that is only a count that differs (a revision, when one side gives both)."""
    return bool(evidence) and all(e.startswith("different numbers") for e in evidence)


def _days_apart(a: Side, b: Side) -> int:
    """Days between two statements' dates (0 when either has none)."""
    try:
        return abs((dt.date.fromisoformat(a.date or "") - dt.date.fromisoformat(b.date or "")).days)
    except ValueError:
        return 0


def _different_speakers(a: Side, b: Side) -> bool:
    if a.speaker_id and b.speaker_id:
        return a.speaker_id != b.speaker_id
    return (a.speaker or "").lower() != (b.speaker or "").lower()


def _relayed(a: Side, b: Side) -> bool:
    """Two people of one side quoted in two different articles, neither of which says they
    are at odds: two outlets' versions of one government's line, not "one official
    contradicting another" (a reporter who sees that says so: "contradicting the minister")."""
    return _same_side(a, b) and a.article_id != b.article_id and not any(
        AT_ODDS.search(text) for text in (a.context, a.lead, b.context, b.lead))


def _different_days(a: Side, b: Side) -> bool:
    if a.date and b.date and a.date != b.date and not (a.date_defaulted and b.date_defaulted):
        return True
    return bool(a.when and b.when and a.when != b.when)


def _ordered(a: Side, b: Side) -> tuple[Side, Side]:
    key_a = (a.date or "", a.article_id, a.start)
    key_b = (b.date or "", b.article_id, b.start)
    return (a, b) if key_a <= key_b else (b, a)


def _score(similarity: float, evidence: list[str]) -> float:
    return round(0.4 * min(1.0, similarity / 0.4) + 0.6 * op.strength(evidence), 3)


def is_claim(side: Side) -> bool:
    """A statement that can take part in a finding: it has a source a reader can name (not a
    bare "he" or "it" the record could not resolve), at least two content terms ("another
    version" has none), all its words (not cut off by the end of an excerpt), and it is not
    itself a report of what others said."""
    return (bool(side.speaker) and side.sourcing != "unattributed" and not side.cut
            and not (side.speaker_id is None
                     and (side.speaker or "").strip().lower() in PERSONAL_PRONOUNS)
            and len(op.terms(side.content)) >= 2 and not op.reports_others(side.content))


def _comparable(a: Side, b: Side) -> bool:
    """Both are claims, and they are not one group of unnamed sources in one article."""
    if not is_claim(a) or not is_claim(b):
        return False
    named = {"named", "organization"}
    return not (a.article_id == b.article_id and a.sourcing not in named
                and b.sourcing not in named)


REBUTTAL_REACH = 1500
"""How far back in its article (characters) a rebuttal's target is looked for."""
NEAREST_REACH = 400
"""Within this, a rebuttal whose framing names nothing answers the nearest statement."""


def _anaphoric_denial(side: Side) -> str | None:
    """A denial of an account named only by a noun ("dismissed the allegations as baseless",
    "denied Russia's claims"): the noun phrase, which refers to a claim made before it."""
    if side.stance != "denies":
        return None
    denied = op.words(side.proposition or side.content)
    if 1 <= len(denied) <= 4 and denied[-1] in op.PROPOSITION_NOUNS:
        return f"denies {' '.join(denied)}"
    return None


def _rebuttals(sides: list[Side], index: _Index) -> list[tuple[int, int, str]]:
    """(claim, rebuttal, phrase): a short statement like "he had seen no such evidence", or a
    denial of "the allegations", answers an earlier statement of another speaker in its
    article: the one whose words the reporter's framing (the rebuttal's sentence and the one
    before it) repeats most, by IDF weight, else the nearest."""
    found = []
    for j, side in enumerate(sides):
        phrase = op.rebuttal(side.content) or _anaphoric_denial(side)
        if not phrase or len(op.words(side.content)) > 14:
            continue
        framing = op.terms(f"{side.lead} {side.context}") - op.terms(side.content)
        best: tuple[float, int] | None = None
        for i in range(j - 1, -1, -1):
            prev = sides[i]
            if prev.article_id != side.article_id or side.start - prev.end > REBUTTAL_REACH:
                break
            if prev.end <= side.start and _different_speakers(prev, side) and _comparable(
                    prev, side):
                named = sum(index.idf.get(t, 0.0) for t in framing & index.content[i])
                nearest = side.start - prev.end <= NEAREST_REACH and best is None
                if named > (best[0] if best else 0.0) or (nearest and named == 0.0):
                    best = (named, i)
        if best is not None:
            found.append((best[1], j, phrase))
    return found


def article_entities(corpus: Corpus) -> dict[str, set[str]]:
    """The corpus entities (people, organisations, places, groups) each article mentions."""
    found: dict[str, set[str]] = defaultdict(set)
    for article, entity in corpus.query(
            "SELECT l.article_id, l.corpus_entity_id FROM entity_links l JOIN articles a"
            " ON a.id = l.article_id AND a.story_id = a.id"):
        found[article].add(entity)
    return found


def _recalled_first(a: Side, b: Side) -> tuple[Side, Side]:
    """Two statements of one article, dated alike, in the order they were made: the one the
    reporter recalls ("previously said") first, else the one told later in the article (a
    report leads with the news and recalls the background after it)."""
    in_a, in_b = RECALLED.search(a.context), RECALLED.search(b.context)
    if in_a and in_b and a.context == b.context:  # one sentence: the one the marker governs
        after = [(at, side) for side in (a, b)
                 if (at := a.context.find(side.content[:30])) >= in_a.end()]
        if after:
            first = min(after, key=lambda pair: pair[0])[1]
            return (a, b) if first is a else (b, a)
    elif in_a or in_b:
        return (a, b) if in_a else (b, a)
    return (b, a) if b.start > a.start else (a, b)


def _retold(a: Side, b: Side) -> list[str]:
    """The reporter's words telling one of two statements as an account that changed."""
    for text in (b.context, b.lead, a.context, a.lead):
        found = CHANGE_OF_ACCOUNT.search(text) or RETOLD.search(text)
        if found:
            return [f"change of account: '{found.group(0)}'"]
    return []


def _change_evidence(later: Side) -> list[str]:
    strong = CHANGE_OF_ACCOUNT.search(later.context) or CHANGE_OF_ACCOUNT.search(later.lead)
    if strong:
        return [f"change of account: '{strong.group(0)}'"]
    weak = CHANGE_MARKERS.search(later.context)
    return [f"change marker: '{weak.group(0)}'"] if weak else []


def find_findings(sides: list[Side], min_score: float = 0.5,
                  entities: dict[str, set[str]] | None = None,
                  embedded: dict[tuple[int, int], float] | None = None,
                  focus: set[int] | None = None) -> list[Finding]:
    """Contradictions and shifts among ``sides``, best first.

    With ``entities`` (from :func:`article_entities`), statements of two different articles
    are compared only when the articles share :data:`MIN_SHARED_ENTITIES` entities. With
    ``embedded`` (nearest neighbours by sentence embedding, :mod:`onrecord.analysis.embeddings`)
    those pairs are candidates too, and their matter score is the higher of the two measures.
    With ``focus`` (indexes into ``sides``), only pairs involving those statements are tried.
    """
    sides, focus, embedded = first_of_repeats(sides, focus, embedded or {})
    index = _Index(sides)
    findings: dict[tuple[int, int], Finding] = {}
    for i, j, phrase in _rebuttals(sides, index):
        if focus is not None and i not in focus and j not in focus:
            continue
        a, b = _ordered(sides[i], sides[j])
        evidence = [f"rebuttal: '{phrase}' answers the statement before it"]
        evidence += op.opposition(a.content, a.cue, b.content, b.cue)
        findings[(i, j)] = Finding("contradiction", _score(0.4, evidence),
                                   index.similarity(i, j)[1], tuple(dict.fromkeys(evidence)),
                                   a, b)
    for i, j in index.candidates(focus) | set(embedded):
        if focus is not None and i not in focus and j not in focus:
            continue
        if (i, j) in findings or (j, i) in findings:
            continue
        x, y = sides[i], sides[j]
        if not _comparable(x, y) or repeated(x.content, y.content):
            continue  # the same words again: a repetition, not a disagreement
        same_article = x.article_id == y.article_id
        if not same_article and entities is not None and len(
                entities.get(x.article_id, set()) & entities.get(y.article_id, set())
        ) < MIN_SHARED_ENTITIES:
            continue
        sim, matter = index.similarity(i, j)
        sim = max(sim, embedded.get((min(i, j), max(i, j)), 0.0) - EMBEDDING_OFFSET)
        if same_article:
            sim = max(sim, SAME_ARTICLE_MATTER)
        if sim < MATTER_MIN:
            continue
        a, b = _ordered(x, y)
        evidence = op.opposition(a.content, a.cue, b.content, b.cue)
        retold = _retold(a, b) if evidence and same_article and (
            _same_side(a, b) or _same_speaker(a, b)) else []
        if retold:
            # one side's earlier account recalled beside its new one ("It later dropped that
            # account for a new one"): a shift, though the article dates both to its own day
            evidence += retold
            kind = "shift"
            a, b = _recalled_first(a, b)
        elif _same_speaker(a, b) or _same_side(a, b) and (
                _days_apart(a, b) > INTERNAL_DAYS or _only_counts(evidence)):
            # one speaker, or one government through several people over weeks (or revising
            # a count): a shift (publication dates days apart are different occasions too)
            if not _different_days(a, b) and _days_apart(a, b) <= INTERNAL_DAYS:
                continue
            # a reporter's "yet another version" speaks of its own speaker's account: alone, it
            # makes a shift of that speaker, or of the side when the side itself speaks
            # ("Saudi officials", "Riyadh"), not of every named person on the side
            change = _change_evidence(b) if _same_speaker(a, b) or b.sourcing != "named" else []
            if not evidence and not (change and change[0].startswith("change of account")):
                continue  # saying more, or the same again, on a later day is not a shift
            evidence += change
            kind = "shift"
        elif _different_speakers(a, b) and not _relayed(a, b):
            kind = "contradiction"
        else:
            continue
        if not evidence:
            continue
        finding = Finding(kind, _score(sim, evidence), matter, tuple(evidence), a, b)
        if finding.score >= min_score:
            findings[(i, j)] = finding
    return sorted(one_step_per_admission(count_steps(list(findings.values()))),
                  key=lambda f: (-f.score, f.a.date or "", f.a.start))


def embedded_pairs(sides: list[Side]) -> dict[tuple[int, int], float]:
    """Nearest-neighbour pairs by sentence embedding (needs ``onrecord[embeddings]``)."""
    from onrecord.analysis.embeddings import encode, neighbours

    if len(sides) < 2:
        return {}
    return neighbours(encode([f"{s.content} {s.context}" for s in sides]))
