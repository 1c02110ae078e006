"""Language detection and the English-only gate."""

from __future__ import annotations

import pytest

from onrecord.errors import UnsupportedLanguageError
from onrecord.ingest.language import detect_language, ensure_english


def test_english(ferry_body: str) -> None:
    code, confidence = detect_language(ferry_body)
    assert code == "en"
    assert confidence > 0.5
    ensure_english(ferry_body, "ferry.txt")


def test_english_full_of_foreign_names() -> None:
    text = (
        "Chancellor Friedrich Albrecht of Germany, President Élodie Marchand of France and "
        "Prime Minister Joaquín Cortés y Navarro of Spain met in Brussels on Thursday, where "
        "the leaders said they would back the plan drawn up by Commissioner Dağlar Öztürk."
    )
    assert detect_language(text)[0] == "en"
    ensure_english(text, "x")


def test_english_quoting_a_foreign_phrase() -> None:
    text = (
        "Protesters in Madrid chanted “no nos vamos a callar” as they marched to the ministry on "
        "Sunday. Police said about 20,000 people took part, while the organisers put the "
        "figure at twice that. The government has not commented on the march."
    )
    ensure_english(text, "x")


def test_low_prose_english_results_table() -> None:
    text = "\n".join(
        f"Riverside d. Hill Valley {60 + i}-{40 + i}\nRiverside (1-0): Okafor {i + 10} points."
        for i in range(12)
    )
    ensure_english(text, "x")


@pytest.mark.parametrize(
    ("fixture", "code"), [("german_text", "de"), ("spanish_text", "es"), ("russian_text", "ru")]
)
def test_refused(fixture: str, code: str, request: pytest.FixtureRequest) -> None:
    text = request.getfixturevalue(fixture)
    assert detect_language(text)[0] == code
    with pytest.raises(UnsupportedLanguageError) as caught:
        ensure_english(text, "x")
    assert str(caught.value) == f"language detected as {code}, only English is analysed for now"
    assert caught.value.stage == "language"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ο δήμαρχος ανακοίνωσε ότι η γέφυρα θα κλείσει για επισκευές.", "el"),
        ("أعلنت البلدية يوم الثلاثاء أن الجسر سيغلق للإصلاحات.", "ar"),
        ("市政府周二宣布，这座桥将关闭三个月进行维修。", "zh"),
        ("市は火曜日、橋を三か月間閉鎖すると発表した。", "ja"),
        ("העירייה הודיעה כי הגשר ייסגר לתיקונים.", "he"),
        ("नगर निगम ने मंगलवार को घोषणा की कि पुल बंद रहेगा।", "hi"),
        ("Міська рада оголосила, що міст закриють на ремонт і відкриють восени.", "uk"),
    ],
)
def test_other_scripts(text: str, code: str) -> None:
    assert detect_language(text)[0] == code
    with pytest.raises(UnsupportedLanguageError, match=f"detected as {code}"):
        ensure_english(text, "x")


def test_short_latin_text_is_accepted() -> None:
    ensure_english("Der Mann sagte nein.", "x")
    ensure_english("Merkel in Paris", "x")


def test_short_cyrillic_text_is_refused() -> None:
    with pytest.raises(UnsupportedLanguageError, match="ru"):
        ensure_english("Мост закрыт.", "x")


def test_no_words() -> None:
    assert detect_language("12 34 56 -- ++") == ("und", 0.0)
    ensure_english("12 34 56 -- ++", "x")
