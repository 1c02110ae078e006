"""Speech or narration: a reporter's words around speech are not what was said.

Invented sentences through the whole pipeline; each test checks the near miss that is speech.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def said(record):
    return [(s.speaker_text, s.cue, s.content) for s in record.statements]


def test_a_light_verb_naming_a_speech_act_says_only_that(analyse):
    rec = analyse("Ostrow made this assertion despite remarks from the water board that the "
                  "tests were incomplete.")
    ostrow = [s for s in rec.statements if s.speaker_text == "Ostrow"]
    assert [s.content for s in ostrow] == ["this assertion"]  # not the board's remarks
    s = next(s for s in rec.statements if "the tests were incomplete" in s.content)
    assert "water board" in (s.speaker_text or "")
    rec = analyse("Mayor Okafor made the claim that the pier was unsafe.")
    s = next(s for s in rec.statements if "the pier was unsafe" in s.content)
    assert "Okafor" in (s.speaker_text or "")  # the maker of the claim holds it
    rec = analyse("The harbour ministry issued a denial on Friday.")
    assert [(s.content, s.stance) for s in rec.statements] == [("a denial", "denies")]


def test_remarks_that_follow_reports_do_not_make_the_reports_theirs(analyse):
    rec = analyse("Ostrow's remarks follow reports that the collapse was caused by a gas leak.")
    s = next(s for s in rec.statements if "gas leak" in s.content)
    assert s.speaker_text is None or "Ostrow" not in s.speaker_text
    rec = analyse("Ostrow's claim that the collapse was caused by a gas leak drew criticism.")
    s = next(s for s in rec.statements if "gas leak" in s.content)
    assert "Ostrow" in (s.speaker_text or "")
