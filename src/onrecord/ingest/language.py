"""Telling which language an article is in, without a model: scripts, then stopword profiles.

Text mostly in a non-Latin script is classified by that script (Cyrillic, Greek, Arabic, Hebrew,
Devanagari, CJK ...). Latin-script text is scored against the most frequent function words of
English and nineteen other languages; a word shared by several profiles counts fractionally.
Names, numbers and quotes in another language barely move the score of a news article, since
its function words ("the", "of", "said") dominate.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter

from onrecord.errors import UnsupportedLanguageError

logger = logging.getLogger(__name__)

UNDETERMINED = "und"
SAMPLE_CHARS = 50_000
MIN_WORDS = 10

_STOPWORDS_SOURCE: dict[str, str] = {
    "en": "the of and to in a is that for it was on with as he she his her they at by from "
    "this have has had are were be been not but or an which their said says will would who "
    "its after about more than also there what when all one over into we you our could them "
    "out new up other some can just only told last",
    "de": "der die und das ist nicht ein eine einen einem zu den von mit sich des auf für im "
    "dem auch es an als wird werden sie hat haben nach bei aus noch wie dass oder aber vor zur "
    "zum wurde sind war durch sagte ich wir über unter gegen",
    "fr": "le la les de des du et est un une que qui dans pour pas sur au aux avec ce cette "
    "il elle ils sont ont été par plus se sa son ses mais ou où leur nous vous être a été "
    "selon après avait était lors entre",
    "es": "el la los las de del y que en un una es por con para no se su sus al lo como más "
    "pero fue ha han son está este esta entre sobre también ya hasta desde según dijo muy "
    "porque cuando todo había",
    "it": "il lo la gli le di del della dei delle e che un una per non con sono è si da al "
    "alla nel nella come anche ma ha hanno più questo questa stato dopo secondo tra essere "
    "perché quando",
    "pt": "o a os as de do da dos das e que em um uma para com não por se no na nos nas ao "
    "mais como mas foi ser são está também pelo pela seu sua entre quando após disse já "
    "ainda muito",
    "nl": "de het een en van in is dat op te zijn niet met voor er aan die om ook als bij "
    "door maar naar wordt werd heeft hebben nog dan wel uit over tot zo deze geen zijn ze "
    "volgens",
    "sv": "och att det som en är av för på med till den har inte om ett var jag vi de från "
    "kan men sig så också efter eller vid nu sade enligt hade detta skulle mot under",
    "da": "og at det som en er af for på med til den har ikke om et var jeg vi de fra kan "
    "men sig så også efter eller ved nu sagde ifølge havde dette skulle mod under blev",
    "no": "og at det som en er av for på med til den har ikke om et var jeg vi de fra kan "
    "men seg så også etter eller ved nå sa ifølge hadde dette skulle mot under ble",
    "pl": "i w na z że się nie do to jest jak o co po ale tak za od przez dla jego jej są "
    "był była było przy oraz który która które też tylko już może ich według",
    "tr": "ve bir bu da de için ile olarak çok daha gibi ne ama en o olan kadar sonra ancak "
    "değil her mi şu ise ya veya göre olduğu dedi tarafından karşı yüzde",
    "id": "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga ada oleh "
    "atau karena saat bahwa mereka kami kita sudah telah bisa menjadi lebih kata tersebut",
    "ro": "și în de la a cu pe un o este că nu să din care pentru mai au fost ca sau dar "
    "lui ei prin după sunt acest această fi spus potrivit",
    "cs": "a v se na je že s z do to o k jako by pro ale jsou byl byla bylo také jeho jejich "
    "od po který která které tak už při podle není",
    "fi": "ja on ei se että oli hän mutta tai kun ovat myös joka sen mukaan jo ole kuin "
    "vain niin tämä nyt sitä olla jotka",
    "hu": "a az és hogy nem is egy van volt meg de már csak ki mint el ez azt vagy szerint "
    "még kell pedig amely után között",
    "vi": "của và là có trong được cho không những người này với một các đã để khi từ đến "
    "theo cũng như nhưng sẽ tại về đó năm",
    "tl": "ang ng sa na mga at ay para hindi siya ito kung ni si kay naman din rin pero",
    "sw": "na ya wa kwa katika ni za la hiyo kuwa hii huo yake alisema pia lakini hadi",
}

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in _STOPWORDS_SOURCE.items()
}
_SHARED_BY: Counter[str] = Counter(w for words in _STOPWORDS.values() for w in words)

# Unicode name prefix of a script -> the language it most likely means.
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("DEVANAGARI", "hi"),
    ("BENGALI", "bn"),
    ("TAMIL", "ta"),
    ("TELUGU", "te"),
    ("GUJARATI", "gu"),
    ("GURMUKHI", "pa"),
    ("THAI", "th"),
    ("GEORGIAN", "ka"),
    ("ARMENIAN", "hy"),
    ("ETHIOPIC", "am"),
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_UKRAINIAN = set("їєґі")
_PERSIAN = set("پچژگ")
_URDU = set("ٹڈڑںے")


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` as ``(ISO 639-1 code or "und", confidence in [0, 1])``."""
    sample = text[:SAMPLE_CHARS]
    script, share = _dominant_script(sample)
    if script is not None:
        return _refine_script(script, sample), round(share, 3)
    scores = _stopword_scores(sample)
    total = sum(scores.values())
    if total == 0:
        return UNDETERMINED, 0.0
    best, best_score = max(scores.items(), key=lambda item: item[1])
    return best, round(best_score / total, 3)


def ensure_english(text: str, origin: str = "-") -> None:
    """Raise UnsupportedLanguageError unless ``text`` is (or may well be) English.

    Text in a non-Latin script is refused whatever its length. Latin-script text under
    ``MIN_WORDS`` words is accepted; longer text is refused when another language's function
    words clearly outnumber English ones, or when it has almost none of them at all.
    """
    sample = text[:SAMPLE_CHARS]
    script, _ = _dominant_script(sample)
    if script is not None:
        _refuse(_refine_script(script, sample), origin)
    words = _WORD_RE.findall(sample)
    if len(words) < MIN_WORDS:
        return
    scores = _stopword_scores(sample)
    english = scores.pop("en")
    other, other_score = max(scores.items(), key=lambda item: item[1])
    if other_score > max(1.5 * english, 2.0):
        _refuse(other, origin)


def _refuse(code: str, origin: str) -> None:
    logger.debug("%s: language detected as %s", origin, code)
    raise UnsupportedLanguageError(f"language detected as {code}, only English is analysed for now")


def _dominant_script(sample: str) -> tuple[str | None, float]:
    """The non-Latin script of most letters, and its share of letters; ``None`` if Latin."""
    counts: Counter[str] = Counter()
    letters = 0
    for char in sample:
        if not char.isalpha():
            continue
        letters += 1
        if char < "\u0250":  # ASCII and Latin-1/Extended: Latin
            continue
        counts[_script_of(char)] += 1
    if not letters:
        return None, 0.0
    non_latin = {script: n for script, n in counts.items() if script != "LATIN"}
    if not non_latin or sum(non_latin.values()) * 2 <= letters:
        return None, 0.0
    script, count = max(non_latin.items(), key=lambda item: item[1])
    if script in ("HIRAGANA", "KATAKANA", "CJK"):  # Japanese mixes kana with kanji
        count = sum(non_latin.get(s, 0) for s in ("HIRAGANA", "KATAKANA", "CJK"))
        kana = non_latin.get("HIRAGANA", 0) + non_latin.get("KATAKANA", 0)
        script = "HIRAGANA" if kana * 10 >= count else "CJK"
    return script, count / letters


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    for script, _ in _SCRIPTS:
        if name.startswith(script):
            return script
    return "LATIN" if name.startswith("LATIN") else "OTHER"


def _refine_script(script: str, sample: str) -> str:
    code = dict(_SCRIPTS).get(script, UNDETERMINED)
    letters = set(sample)
    if code == "ru" and letters & _UKRAINIAN:
        return "uk"
    if code == "ar" and letters & _URDU:
        return "ur"
    if code == "ar" and letters & _PERSIAN:
        return "fa"
    return code


def _stopword_scores(sample: str) -> dict[str, float]:
    """Per language, the number of its function words in ``sample`` (shared words split)."""
    counts = Counter(word.lower() for word in _WORD_RE.findall(sample))
    scores = dict.fromkeys(_STOPWORDS, 0.0)
    for word, n in counts.items():
        shared = _SHARED_BY.get(word)
        if not shared:
            continue
        for lang, words in _STOPWORDS.items():
            if word in words:
                scores[lang] += n / shared
    return scores
