"""Word lists the extractors share: speech and belief cues, titles, anonymous and document sources.

Written for onrecord from ordinary English usage in news reporting; lemmas are lower case.
"""

from __future__ import annotations

import json
from importlib import resources

# Verbs that introduce what someone said, wrote, or believes (lemmas).
SPEECH_CUES: frozenset[str] = frozenset(
    """
    say tell state announce claim insist deny acknowledge add note warn argue explain report
    write tweet post confirm suggest indicate maintain assert contend predict estimate testify
    recall reply respond ask urge allege stress emphasize emphasise declare vow promise
    threaten complain concede admit reiterate repeat caution quip joke remark observe comment
    point disclose reveal mention agree disagree dispute counter assure signal hint charge
    accuse blame praise criticize criticise describe characterize call demand propose recommend
    question wonder conclude find show project forecast inform brief quote echo
    """.split()
)

# Cues of belief and cognition, attributed like speech in news (PolNeAR annotates them too).
BELIEF_CUES: frozenset[str] = frozenset(
    """
    believe think fear worry hope expect doubt suspect feel know understand consider assume
    """.split()
)

ALL_CUES: frozenset[str] = SPEECH_CUES | BELIEF_CUES

# Cues that need a clausal complement to count ("call" without one is a phone call).
WEAK_CUES: frozenset[str] = frozenset(
    """
    call find show know understand consider feel describe characterize point question add
    post agree echo quote praise blame charge accuse criticize criticise demand propose recommend
    """.split()
)

# Verbs whose object (a noun phrase, or a phrase after a preposition) states a position, a
# judgement or an intention of their subject: "criticized the deal", "called for a recount".
OBJECT_CUES: frozenset[str] = frozenset(
    """
    support endorse back oppose criticize criticise praise defend attack blast slam deride condemn
    denounce reject dismiss welcome applaud hail laud tout cite mention discuss describe propose
    recommend announce acknowledge admit deny confirm reveal disclose report predict promise pledge
    vow threaten demand seek request want question dispute challenge blame accuse credit thank
    advocate favor favour champion decry lament bemoan mock ridicule fault recall reiterate repeat
    echo express voice highlight emphasize emphasise stress underscore note show find suggest
    indicate signal estimate project forecast prefer fear expect anticipate call name label
    dub brand ask answer address explain offer urge say claim insist argue warn complain boast
    rail speak talk refer point comment lash push apologize apologise testify vote
    consider see like hate love regret celebrate acknowledge trumpet concede tweet write post
    assail excoriate berate scold rebuke chide castigate lambaste question doubt believe hope
    dislike oppose plead press agree disagree
    """.split()
)

# Prepositions that introduce what such a verb is about: "warned of", "called for".
OBJECT_PREPOSITIONS: frozenset[str] = frozenset("for on to about of against at over".split())

# Verbs whose infinitival complement is the content: "promised to cut taxes", "urged him to go".
INFINITIVE_CUES: frozenset[str] = frozenset(
    """
    want hope plan promise vow pledge threaten agree refuse offer urge ask intend expect seek wish
    aim decide propose demand claim pretend swear tell encourage push press warn persuade
    convince call beg implore prefer like love hate vote resolve determine decline
    refuse
    """.split()
)

# Verbs whose first object is the person addressed, not what is said: "told reporters".
ADDRESSEE_CUES: frozenset[str] = frozenset(
    "tell ask urge inform brief remind warn assure persuade convince encourage press push beg"
    " implore thank".split()
)

# Nouns that take what is said or believed as a clause: "the claim that ...", "his view that".
CLAIM_NOUNS: frozenset[str] = frozenset(
    """
    claim claims belief beliefs view views argument arguments assertion assertions promise
    promises warning warnings fear fears hope hopes suggestion suggestions statement accusation
    accusations allegation allegations charge charges insistence assurance assurances pledge
    prediction predictions notion idea theory contention conviction sense impression complaint
    complaints concern concerns worry worries demand demands call calls threat threats vow
    announcement admission denial report reports message position promise estimate expectation
    expectations
    """.split()
)

# Nouns that carry a statement: "in a statement", "the spokesman's remarks".
STATEMENT_NOUNS: frozenset[str] = frozenset(
    "statement remark remarks comment comments interview tweet post briefing speech".split()
)

# Channels named by a preposition phrase or an object: "in a tweet", "told CNN".
TWEET_WORDS: frozenset[str] = frozenset({"tweet", "retweet", "twitter", "x"})

# Head nouns of anonymous sources.
ANONYMOUS_HEADS: frozenset[str] = frozenset(
    """
    official officials source sources aide aides person people diplomat diplomats officer officers
    insider insiders staffer staffers adviser advisers advisor advisors administrator lawmaker
    lawmakers analyst analysts member members witness witnesses resident residents someone
    """.split()
)

# Common nouns for people and groups who can hold or voice a view ("voters", "critics").
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """
    voter critic supporter opponent protester protestor activist expert economist scholar
    candidate leader donor delegate crowd audience fan man woman men women citizen worker
    employee student parent teacher doctor lawyer attorney judge jury investigator prosecutor
    reporter journalist commentator pundit columnist writer author historian scientist
    researcher strategist operative consultant pollster lobbyist advocate rival challenger
    incumbent nominee president senator governor mayor politician lawmaker legislator
    conservative liberal progressive moderate republican democrat independent evangelical
    veteran immigrant owner executive investor trader banker manager chairman friend family
    neighbor neighbour ally colleague partner host anchor guest
    """.split()
)

# Words that mark a source as anonymous when they modify it.
ANONYMITY_MARKERS: frozenset[str] = frozenset(
    """
    anonymity anonymous unnamed unidentified familiar condition authorized authorised
    """.split()
)

# Head nouns of documentary sources.
DOCUMENT_HEADS: frozenset[str] = frozenset(
    """
    report reports document documents memo memorandum letter filing filings indictment complaint
    study survey poll statement statements record records data transcript cable email emails
    assessment analysis review audit order ruling bill resolution communique communiqué release
    """.split()
)

# Head nouns of institutional sources ("the ministry said").
ORGANIZATION_HEADS: frozenset[str] = frozenset(
    """
    ministry department government administration agency office embassy army military police
    navy ministry committee council commission company spokesman spokeswoman spokesperson
    spokespeople campaign party court white house pentagon kremlin team firm group union
    cabinet parliament congress senate house prosecutors prosecutor coalition alliance
    """.split()
)

# Words that make up a person's title ("Secretary of State", "Defense Minister", "Gen.").
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice prime minister secretary general gen. gen attorney director chief deputy
    ambassador envoy senator sen. sen rep. rep representative governor gov. gov mayor chancellor
    king queen prince princess sheikh emir sultan ayatollah pope commander admiral adm. adm
    colonel col. col lieutenant lt. lt major maj. maj captain capt. capt sergeant sgt. sgt
    spokesman spokeswoman spokesperson editor judge justice speaker leader chairman chairwoman
    chair ceo founder premier foreign defense defence interior finance state treasury homeland
    security national advisor adviser press counsel special supreme first lady dr. dr mr. mr
    mrs. mrs ms. ms managing executive commissioner inspector superintendent
    """.split()
)

# Title heads a definite description can refer back with: "the president", "the minister".
TITLE_HEADS: frozenset[str] = frozenset(
    """
    president minister secretary general director ambassador envoy senator governor mayor
    chancellor king queen prince emir sultan ayatollah pope commander admiral spokesman
    spokeswoman spokesperson chairman chairwoman premier judge leader
    """.split()
)

PERSONAL_PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
    "they": "p", "them": "p", "their": "p", "i": "s", "we": "p", "it": "n",
}

# The words a title must contain to be one ("Defence Ministry" is no title: no head word).
TITLE_CORE: frozenset[str] = TITLE_HEADS | frozenset(
    """
    gen. gen col. col capt. capt lt. lt adm. adm sgt. sgt maj. maj dr. dr mr. mr mrs. mrs ms. ms
    sen. sen rep. rep gov. gov cmdr. cmdr attorney editor chief officer captain colonel
    lieutenant major sergeant commissioner inspector superintendent representative lady
    """.split()
)


# Cue words learned from the attribution corpus's dev split (``training/learn_cues.py``): a lemma
# counts when it was seen at least LEARNED_MIN_SEEN times in a cue-like position and was the
# head of a gold cue at least LEARNED_MIN_RATE of those times.
LEARNED_MIN_SEEN = 3
LEARNED_MIN_RATE = 0.4


def learned_counts() -> dict[str, dict[str, list[int]]]:
    """The counts ``training/learn_cues.py`` wrote: group -> lemma -> [cue hits, seen]."""
    try:
        raw = resources.files("onrecord").joinpath("data/learned_cues.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    counts: dict[str, dict[str, list[int]]] = json.loads(raw)
    return counts


def select_learned(counts: dict[str, list[int]], min_seen: int, min_rate: float) -> frozenset[str]:
    """Lemmas seen ``min_seen`` times or more that were a cue at ``min_rate`` or more."""
    return frozenset(lemma for lemma, (hits, seen) in counts.items()
                     if seen >= min_seen and hits / seen >= min_rate)


_COUNTS = learned_counts()
LEARNED_VERBS: frozenset[str] = select_learned(_COUNTS.get("verbs", {}), LEARNED_MIN_SEEN,
                                               LEARNED_MIN_RATE)
LEARNED_NOUNS: frozenset[str] = select_learned(_COUNTS.get("nouns", {}), LEARNED_MIN_SEEN,
                                               LEARNED_MIN_RATE)
