"""The rows derived from stored records: what the corpus queries need across articles.

Storing an article's record (:meth:`onrecord.store.Corpus.add`) writes its own rows; deriving
links it to the rest of the corpus: its entities resolved to corpus entities (created, or
merged when a bare surname turns out to be a person's, :mod:`onrecord.store.identities`), the
roles its statements' speakers hold, its near-duplicate story (:mod:`onrecord.store.stories`),
its storyline (:mod:`onrecord.store.storylines`; a republished copy joins its original's),
its sourcing counts and its speakers' counts, and (SQLite) full-text index rows.

What a derivation writes depends on what was derived before it (the first article of a story
is its head; a person is shown as first written), so articles are derived in the order they
were stored: inside the storing transaction by the local engine, or after the distributed
analysis, in input order, when workers stored the records themselves
(:meth:`onrecord.store.Corpus.derive_stored`). Every value reaches SQL as a bound parameter.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from onrecord.extract.entities.person_names import accents, display_name, fold, richer_spelling
from onrecord.extract.entities.roles import credit_role, role_of_text
from onrecord.models import ArticleRecord, Entity, content_id
from onrecord.store import identities, stories, storylines
from onrecord.store.backends import Backend

_ADD_TO_PROFILE = (
    "INSERT INTO storyline_features (storyline_id, feature, weight, articles) VALUES (?,?,?,?)"
    " ON CONFLICT (storyline_id, feature) DO UPDATE SET"
    " weight = storyline_features.weight + excluded.weight,"
    " articles = storyline_features.articles + excluded.articles")
"""Add (storyline, feature, weight, articles) rows to storylines' profiles."""


class Derivation:
    """Derives the cross-article rows of stored records over one backend connection (inside
    the caller's transaction)."""

    def __init__(self, backend: Backend) -> None:
        self._b = backend
        self.dialect = backend.dialect
        self._merged: dict[str, str] = {}  # corpus entities folded into others, this article

    def derive(self, record: ArticleRecord, signature: tuple[int, ...] | None = None) -> None:
        """Write the rows derived from a stored record (inside the caller's transaction)."""
        a, b = record.article, self._b
        self._merged = {}
        links = {e.id: self._resolve(e) for e in record.entities}
        for eid, cid in links.items():  # an entity resolved before a merge in this article
            while cid in self._merged:
                cid = self._merged[cid]
            links[eid] = cid
        b.executemany("INSERT INTO entity_links (article_id, entity_id, corpus_entity_id)"
                      " VALUES (?,?,?)", [(a.id, eid, cid) for eid, cid in links.items()])
        record = self._credit_roles(record, links)
        b.executemany("UPDATE corpus_entities SET articles = articles + 1 WHERE id = ?",
                      [(cid,) for cid in sorted(set(links.values()))])
        b.executemany(
            "INSERT INTO entity_titles (corpus_entity_id, title, article_id, date)"
            " VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [(links[e.id], t, a.id, a.published) for e in record.entities for t in e.titles])
        b.executemany("UPDATE statements SET corpus_speaker = ? WHERE article_id = ? AND id = ?",
                      [(links.get(s.speaker or ""), a.id, s.id) for s in record.statements])
        dates = {t.id: t.start for t in record.times}
        b.executemany(
            "UPDATE events SET source_text = ?, target_text = ?, source_entity = ?,"
            " target_entity = ?, location = ?, date = ?, time_defaulted = ?"
            " WHERE article_id = ? AND id = ?",
            [(e.source.text if e.source else None, e.target.text if e.target else None,
              links.get(e.source.entity or "") if e.source else None,
              links.get(e.target.entity or "") if e.target else None,
              e.location, dates.get(e.time or "") or a.published,
              int(not dates.get(e.time or "")), a.id, e.id) for e in record.events])
        story = self._assign_story(a.id, a.text, signature)
        self._assign_storyline(record, links, story)
        self._count_sourcing(record, links, story == a.id)
        if self.dialect == "sqlite":
            b.executemany("INSERT INTO statements_fts (content, speaker_text, article_id,"
                          " statement_id) VALUES (?,?,?,?)",
                          [(s.content, s.speaker_text, a.id, s.id) for s in record.statements])
            b.execute("INSERT INTO articles_fts (title, text, article_id) VALUES (?,?,?)",
                      (a.title, a.text, a.id))

    def _resolve(self, entity: Any) -> str:
        """The corpus entity of an article's entity, created or merged as needed."""
        b, kind = self._b, entity.kind
        target = None
        keys = identities.lookup_keys(entity)
        known = self._aliases(kind, keys)
        for key in keys:  # the most specific key that names one corpus entity
            if key in known and known[key][0] != identities.AMBIGUOUS:
                target = known[key][0]
                break
        if target is None:
            target = self._same_person(entity)
        elif kind == "PERSON":  # shown with its accents once any article writes them
            shown = display_name(entity.name)
            if richer_spelling(str(b.execute("SELECT name FROM corpus_entities WHERE id = ?",
                                             (target,))[0][0]), shown):
                b.execute("UPDATE corpus_entities SET name = ? WHERE id = ?", (shown, target))
        if target is None:
            key = identities.name_key(entity.name, kind) or entity.name.lower()
            target = content_id("entity", kind, key)
            name = display_name(entity.name) if kind == "PERSON" else entity.name
            b.execute("INSERT INTO corpus_entities (id, name, kind, actor, key)"
                      " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                      (target, name, kind, entity.actor, key))
        b.executemany("INSERT INTO corpus_person_names (family, key, corpus_entity_id)"
                      " VALUES (?,?,?) ON CONFLICT DO NOTHING",
                      [(f, p.key, target) for p in identities.person_names(entity)
                       for f in p.families])
        aliases = identities.alias_keys(entity)
        known = self._aliases(kind, aliases)
        for n, key in enumerate(aliases):
            existing, existing_key = known.get(key, (None, None))
            singleton = existing_key is not None and not identities.is_full_name(existing_key)
            new = identities.alias_update(existing, target, key, existing_is_singleton=singleton)
            if new is None:
                continue
            if existing and singleton and new == target:
                self._merge(existing, target)
                known = self._aliases(kind, aliases[n + 1:])  # the merge moved some
            b.execute("INSERT INTO corpus_aliases (kind, key, corpus_entity_id) VALUES (?,?,?)"
                      " ON CONFLICT (kind, key) DO UPDATE SET corpus_entity_id ="
                      " excluded.corpus_entity_id", (kind, key, new))
        if entity.actor:
            b.execute("UPDATE corpus_entities SET actor = ? WHERE id = ? AND actor IS NULL",
                      (entity.actor, target))
        return str(target)

    def _aliases(self, kind: str, keys: list[str]) -> dict[str, tuple[str, str | None]]:
        """key -> (its corpus entity, that entity's own key) for the ``keys`` of ``kind`` that
        are recorded aliases: one query for all of an entity's keys."""
        return {str(key): (str(cid), ekey) for key, cid, ekey in self._rows_in(
            "SELECT a.key, a.corpus_entity_id, e.key FROM corpus_aliases a LEFT JOIN"
            " corpus_entities e ON e.id = a.corpus_entity_id WHERE a.kind = ? AND a.key IN",
            keys, [kind])}

    def _credit_roles(self, record: ArticleRecord, links: dict[str, str]) -> ArticleRecord:
        """The record with each statement whose speaker is a role ("Turkey's chief
        prosecutor", "the crown prince") credited to the one person of the article who holds
        that office anywhere in the corpus (:func:`~onrecord.extract.entities.roles.credit_role`),
        sourced ``named``; the stored statements' sourcing follows."""
        roles = {s.id: office for s in record.statements if s.speaker is None
                 and s.speaker_text and (office := role_of_text(s.speaker_text)) is not None}
        if not roles:
            return record
        people = [e for e in record.entities if e.kind == "PERSON" and e.id in links]
        titles: dict[str, list[str]] = {}
        for e in people:
            titles[e.id] = [t for (t,) in self._b.execute(
                "SELECT DISTINCT title FROM entity_titles WHERE corpus_entity_id = ?",
                (links[e.id],))] + list(e.titles)
        candidates = [(e.id, e.name, titles[e.id]) for e in people]
        statements = []
        for st in record.statements:
            office = roles.get(st.id)
            holder = credit_role(office, candidates) if office is not None else None
            if office is not None:
                self._b.execute("UPDATE statements SET sourcing = ? WHERE article_id = ? AND"
                                " id = ?", ("named" if holder else st.sourcing,
                                            record.article.id, st.id))
            statements.append(replace(st, speaker=holder, sourcing="named") if holder else st)
        return replace(record, statements=tuple(statements))

    def _same_person(self, entity: Any) -> str | None:
        """The one corpus person a full name can be without being written the same way
        ("Tayyip Erdogan" for "Recep Tayyip Erdogan"), or ``None`` (none, or several)."""
        for name in identities.person_names(entity):
            rows = [(k, c) for f in name.families for k, c in self._b.execute(
                "SELECT key, corpus_entity_id FROM corpus_person_names WHERE family = ?", (f,))]
            found = identities.same_person_among(name, rows)
            if found is not None:
                return found
        return None

    def _merge(self, old: str, new: str) -> None:
        """Fold corpus entity ``old`` (a bare surname) into ``new`` (the full-name person)."""
        b = self._b
        self._merged[old] = new
        b.execute("UPDATE entity_links SET corpus_entity_id = ? WHERE corpus_entity_id = ?",
                  (new, old))
        b.execute("UPDATE statements SET corpus_speaker = ? WHERE corpus_speaker = ?", (new, old))
        b.execute("UPDATE events SET source_entity = ? WHERE source_entity = ?", (new, old))
        b.execute("UPDATE events SET target_entity = ? WHERE target_entity = ?", (new, old))
        b.execute("UPDATE corpus_aliases SET corpus_entity_id = ? WHERE corpus_entity_id = ?",
                  (new, old))
        b.execute("UPDATE corpus_person_names SET corpus_entity_id = ? WHERE corpus_entity_id"
                  " = ? AND key NOT IN (SELECT key FROM corpus_person_names WHERE"
                  " corpus_entity_id = ?)", (new, old, new))
        b.execute("DELETE FROM corpus_person_names WHERE corpus_entity_id = ?", (old,))
        b.execute("UPDATE entity_titles SET corpus_entity_id = ? WHERE corpus_entity_id = ?"
                  " AND NOT EXISTS (SELECT 1 FROM entity_titles t2 WHERE t2.corpus_entity_id = ?"
                  " AND t2.title = entity_titles.title"
                  " AND t2.article_id = entity_titles.article_id)",
                  (new, old, new))
        b.execute("DELETE FROM entity_titles WHERE corpus_entity_id = ?", (old,))
        # (``old`` may be gone: merged meanwhile by a concurrent writer, nothing left to add)
        b.execute("UPDATE corpus_entities SET articles = articles + COALESCE((SELECT articles"
                  " FROM corpus_entities WHERE id = ?), 0) WHERE id = ?", (old, new))
        b.execute("DELETE FROM corpus_entities WHERE id = ?", (old,))
        moved = b.execute("SELECT speaker, statements, articles, named, anonymous, first, last"
                          " FROM speaker_stats WHERE key = ?", (old,))
        if moved:
            b.execute("DELETE FROM speaker_stats WHERE key = ?", (old,))
            name, n, arts, named, anon, first, last = moved[0]
            self._add_speaker_stats([(new, name, new, n, arts, named, anon, first, last)])

    def _count_sourcing(self, record: ArticleRecord, links: dict[str, str],
                        story_head: bool) -> None:
        """Per-article sourcing counts, and per-speaker counts for the head of each story."""
        a, b = record.article, self._b
        top = [s for s in record.statements if s.nested_in is None]
        kinds = ("named", "anonymous", "organization", "document", "unattributed")
        b.execute("INSERT INTO article_sourcing (article_id, outlet, title, published,"
                  " statements, named, anonymous, organization, document, unattributed)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?)",
                  (a.id, a.source, a.title, a.published, len(top),
                   *(sum(s.sourcing == k for s in top) for k in kinds)))
        if not story_head:
            return  # a republished copy: its speakers were counted with the story
        by_key: dict[str, list[Any]] = {}
        for st in top:
            cid = links.get(st.speaker or "")
            name = st.speaker_text or "(no source given)"
            key = cid or "text:" + name.lower()
            row = by_key.setdefault(key, [name, cid, 0, 0, 0, st.date, st.date])
            row[2] += 1
            row[3] += st.sourcing == "named"
            row[4] += st.sourcing == "anonymous"
            dates = [d for d in (row[5], row[6], st.date) if d]
            row[5], row[6] = (min(dates), max(dates)) if dates else (None, None)
        self._add_speaker_stats([(k, name, cid, n, 1, named, anon, first, last)
                                 for k, (name, cid, n, named, anon, first, last)
                                 in by_key.items()])

    def _add_speaker_stats(self, rows: list[tuple[Any, ...]]) -> None:
        """Add (key, speaker, speaker_id, statements, articles, named, anonymous, first, last)
        rows to the per-speaker counts."""
        self._b.executemany(
            "INSERT INTO speaker_stats (key, speaker, speaker_id, statements, articles, named,"
            " anonymous, first, last) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET"
            " statements = speaker_stats.statements + excluded.statements,"
            " articles = speaker_stats.articles + excluded.articles,"
            " named = speaker_stats.named + excluded.named,"
            " anonymous = speaker_stats.anonymous + excluded.anonymous,"
            " first = CASE WHEN speaker_stats.first IS NULL OR excluded.first < speaker_stats.first"
            " THEN excluded.first ELSE speaker_stats.first END,"
            " last = CASE WHEN speaker_stats.last IS NULL OR excluded.last > speaker_stats.last"
            " THEN excluded.last ELSE speaker_stats.last END", rows)

    def _assign_story(self, article_id: str, text: str,
                      signature: tuple[int, ...] | None = None) -> str:
        b = self._b
        signature = signature or stories.minhash(text)  # given when a worker computed it
        keys = stories.band_keys(signature)
        story, best = article_id, 0.0
        seen: set[str] = set()
        for band, digest in keys:
            for other, other_story, blob in b.execute(
                "SELECT a.id, a.story_id, a.minhash FROM article_bands k JOIN articles a"
                " ON a.id = k.article_id WHERE k.band = ? AND k.hash = ?", (band, digest)):
                if other in seen or other == article_id:
                    continue
                seen.add(other)
                score = stories.similarity(signature, stories.decode(blob))
                if score >= stories.SAME_STORY and score > best:
                    story, best = other_story or other, score
        b.execute("UPDATE articles SET story_id = ?, minhash = ? WHERE id = ?",
                  (story, stories.encode(signature), article_id))
        b.executemany("INSERT INTO article_bands (band, hash, article_id) VALUES (?,?,?)"
                      " ON CONFLICT DO NOTHING", [(k, h, article_id) for k, h in keys])
        return story

    def _assign_storyline(self, record: ArticleRecord, links: dict[str, str],
                          story: str) -> str:
        """Put the article in the most similar storyline, or start one with its own id
        (:mod:`onrecord.store.storylines`); a republished copy joins its original's."""
        a, b = record.article, self._b
        if story != a.id:
            rows = b.execute("SELECT storyline_id FROM articles WHERE id = ?", (story,))
            if rows and rows[0][0]:
                return self._join_storyline(str(rows[0][0]), a.id, a.published, 0.0,
                                            profiled=False)
        features = storylines.article_features(record, links)
        df = dict(self._rows_in("SELECT feature, articles FROM feature_df WHERE feature IN",
                                [storylines.ARTICLES_KEY, *features]))
        total = int(df.pop(storylines.ARTICLES_KEY, 0))
        vector = storylines.unit_vector({k: s for k, (s, _) in features.items()},
                                        {str(k): int(n) for k, n in df.items()}, total)
        candidates = self._candidates(vector, df)
        matches = [sid for sid, _ in storylines.matching_storylines(vector, a.published,
                                                                    candidates)]
        if not matches:
            sid, centroid = a.id, {}
            b.execute("INSERT INTO storylines (id, articles, profiled, norm2, first, last)"
                      " VALUES (?,0,0,0,?,?) ON CONFLICT DO NOTHING",
                      (a.id, a.published, a.published))
        else:
            sid = storylines.surviving(matches, candidates)
            centroid = dict(candidates[sid].centroid)
            for other in sorted(set(matches) - {sid}):
                self._merge_storyline(other, sid)
                for k, w in candidates[other].centroid.items():
                    centroid[k] = centroid.get(k, 0.0) + w
        # the centroid's squared length grows by 2 c.v + |v|^2 (v is of unit length)
        grown = 2 * sum(w * centroid.get(k, 0.0) for k, w in vector.items()) + (
            1.0 if vector else 0.0)
        sid = self._join_storyline(sid, a.id, a.published, grown, profiled=True)
        b.executemany(_ADD_TO_PROFILE, [(sid, k, w, 1) for k, w in sorted(vector.items())])
        b.executemany(
            "INSERT INTO feature_df (feature, articles, name) VALUES (?,1,?)"
            " ON CONFLICT (feature) DO UPDATE SET articles = feature_df.articles + 1,"
            " name = CASE WHEN length(excluded.name) > length(feature_df.name)"
            " THEN excluded.name ELSE feature_df.name END",
            [(storylines.ARTICLES_KEY, ""), *((k, n) for k, (_, n) in sorted(features.items()))])
        return sid

    def _merge_storyline(self, old: str, into: str) -> None:
        """Merge storyline ``old`` into ``into``: its articles, profile and dates; its id is
        kept as a name of ``into`` (``storyline_merges``)."""
        b = self._b
        gone = b.execute("DELETE FROM storylines WHERE id = ? RETURNING articles, profiled,"
                         " norm2, first, last", (old,))
        if not gone:  # merged meanwhile by a concurrent writer
            return
        n, profiled, norm2, first, last = gone[0]
        moved = b.execute("SELECT feature, weight, articles FROM storyline_features"
                          " WHERE storyline_id = ? ORDER BY feature", (old,))
        kept = dict(self._rows_in("SELECT feature, weight FROM storyline_features WHERE"
                                  " storyline_id = ? AND feature IN",
                                  [str(f) for f, _, _ in moved], [into]))
        dot = sum(float(w) * float(kept.get(f, 0.0)) for f, w, _ in moved)
        b.execute("DELETE FROM storyline_features WHERE storyline_id = ?", (old,))
        b.executemany(_ADD_TO_PROFILE, [(into, f, w, n) for f, w, n in moved])
        b.execute(
            "UPDATE storylines SET articles = articles + ?, profiled = profiled + ?,"
            " norm2 = norm2 + ? + ?,"
            " first = CASE WHEN first IS NULL OR first > ? THEN ? ELSE first END,"
            " last = CASE WHEN last IS NULL OR last < ? THEN ? ELSE last END WHERE id = ?",
            (n, profiled, norm2, 2 * dot, first, first, last, last, into))
        b.execute("UPDATE articles SET storyline_id = ? WHERE storyline_id = ?", (into, old))
        b.execute("UPDATE storyline_merges SET storyline_id = ? WHERE storyline_id = ?",
                  (into, old))
        b.execute("INSERT INTO storyline_merges (id, storyline_id) VALUES (?,?)", (old, into))

    def _join_storyline(self, sid: str, article_id: str, published: str | None, grown: float,
                        profiled: bool) -> str:
        """Count an article into storyline ``sid``: its dates widened, its centroid's squared
        length grown by ``grown``. Returns the storyline joined: the one ``sid`` was merged
        into when a concurrent writer merged it meanwhile."""
        b = self._b
        for _ in range(2):
            if b.execute(
                    "UPDATE storylines SET articles = articles + 1, profiled = profiled + ?,"
                    " norm2 = norm2 + ?,"
                    " first = CASE WHEN first IS NULL OR first > ? THEN ? ELSE first END,"
                    " last = CASE WHEN last IS NULL OR last < ? THEN ? ELSE last END"
                    " WHERE id = ? RETURNING id",
                    (int(profiled), grown, published, published, published, published, sid)):
                break
            into = b.execute("SELECT storyline_id FROM storyline_merges WHERE id = ?", (sid,))
            if not into:
                break
            sid = str(into[0][0])
        b.execute("UPDATE articles SET storyline_id = ? WHERE id = ?", (sid, article_id))
        return sid

    def _candidates(self, vector: dict[str, float],
                    seen: dict[Any, Any]) -> dict[str, storylines.Candidate]:
        """The storylines sharing one of the article's most weighted features that earlier
        articles had (``seen``; an indexed lookup, at most
        :data:`~onrecord.store.storylines.CANDIDATES`)."""
        look = storylines.lookup_features(vector, map(str, seen))
        if not look:
            return {}
        marks = ",".join("?" * len(look))  # one bound parameter per feature
        ids = [str(r[0]) for r in self._b.execute(
            "SELECT storyline_id FROM storyline_features WHERE feature IN"
            f" ({marks}) GROUP BY storyline_id ORDER BY sum(weight) DESC, storyline_id"
            " LIMIT ?", (*look, storylines.CANDIDATES))]
        if not ids:
            return {}
        found = {str(sid): storylines.Candidate({}, float(norm2), first, last, int(n))
                 for sid, norm2, first, last, n in self._rows_in(
                     "SELECT id, norm2, first, last, profiled FROM storylines WHERE id IN", ids)}
        keys = sorted(vector)
        marks = ",".join("?" * len(keys))
        for sid, feature, weight in self._rows_in(
                "SELECT storyline_id, feature, weight FROM storyline_features"
                f" WHERE feature IN ({marks}) AND storyline_id IN", ids, keys):
            found[str(sid)].centroid[str(feature)] = float(weight)
        return found

    def _rows_in(self, sql: str, values: list[str],
                 before: list[str] | None = None) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` ending in ``IN``, completed with one bound parameter per
        value (``before``: parameters of placeholders earlier in ``sql``)."""
        if not values:
            return []
        marks = ",".join("?" * len(values))
        return self._b.execute(f"{sql} ({marks})", (*(before or []), *values))

    def register_people(self) -> None:
        """Create the corpus people of every stored full name, fullest names first, and of
        one fullness the spelling most articles use first (with its accents, "Erdoğan"
        before "Erdogan"), so that each person is shown as most articles write them."""
        people = []
        written: dict[str, int] = {}
        for name, aliases in self._b.execute(
                "SELECT name, aliases FROM entities WHERE kind = 'PERSON'"):
            entity = Entity("", name, "PERSON", (), tuple(json.loads(aliases)))
            names = identities.person_names(entity)
            if names:
                people.append((-len(names[0].given), name, entity))
                for form in {fold(name), name}:  # an unaccented name counts once
                    written[form] = written.get(form, 0) + 1
        self._merged = {}
        for _rank, _name, entity in sorted(people, key=lambda p: (
                p[0], -written[fold(p[1])], -accents(p[1]), -written[p[1]], p[1])):
            self._resolve(entity)

