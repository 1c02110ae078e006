"""Speech or page furniture: captions, credits, rubrics, datelines and prompts to the reader
are no statements (invented page texts, whole pipeline), and the line tests behind it."""

from __future__ import annotations

import pytest

from onrecord.extract.statements.captions import is_caption, is_dateline, is_prompt, is_rubric

PAGE = """Harbour talks stall as ferry strike enters third week

BEIRUT: The port authority said on Monday that the ferries would not sail until the strike ended.

Mayor Ruth Okafor described the strike as a disgrace on Sunday. (Getty)
FILE PHOTO: Dockers march past the harbour office in Beirut, March 1, 2021. REUTERS/Jane Roe

The quay Credit: AP/Press Association Images

Union leader Tomas Berg said the owners had refused every offer.

Disclaimer: No staff journalist was involved in the creation of this content.

Your email address will not be published. Required fields are marked *

We want your thoughts
"""


@pytest.mark.model
def test_only_the_reported_speech_of_a_page_is_statements(analyse):
    rec = analyse(PAGE)
    said = sorted((s.content, s.speaker_text or "") for s in rec.statements)
    assert [content for content, _ in said] == [
        "that the ferries would not sail until the strike ended",
        "the owners had refused every offer",
    ]
    assert "port authority" in said[0][1] and "Berg" in said[1][1]


@pytest.mark.model
def test_a_transcript_speaker_in_capitals_is_still_a_speaker(analyse):
    rec = analyse("OKAFOR: We will reopen the port before the summer season.")
    assert [s.speaker_text for s in rec.statements] == ["OKAFOR"]


@pytest.mark.parametrize("line, caption", [
    ("The mayor at the quay on Monday. (AP Photo/Jane Roe)", True),
    ("Dockers march past the office, March 1, 2021. REUTERS/Jane Roe/File Photo", True),
    ("Image: Ruth Okafor", True),
    ("Credit: Jane Roe-Pool/Getty Images", True),
    ("Police said the suspect, 34, was arrested (AP)", False),  # a wire story's signature
    ("The minister said the talks (in Geneva) would resume.", False),
    ("The mayor said the ratio was 3/4 of the total.", False),
    ("Source: the ministry said the ferry sank.", False),
])
def test_caption_lines(line, caption):
    assert is_caption(line) is caption


def test_rubrics_datelines_and_prompts():
    assert is_rubric(["FILE", "PHOTO"]) and is_rubric(["In", "Other", "News"])
    assert is_rubric(["The", "quay", "Credit"]) and not is_rubric(["Ruth", "Okafor"])
    assert is_dateline(["BEIRUT"]) and is_dateline(["THE", "HAGUE"])
    assert not is_dateline(["OKAFOR"]) and not is_dateline(["Beirut"])
    assert is_prompt("Sign up for your free newsletter")
    assert not is_prompt('"Are you ready?" she asked the crowd.')


def test_a_long_line_of_glued_words_is_read_in_linear_time():
    """A paragraph of dotted, glued words ("ab.cd.ab.cd...") sent the credit pattern into
    exponential backtracking (minutes for 200 characters); it is no credit, and a credit at the
    end of a long line is still found."""
    glued = " " + "ab.cd" * 2000 + " end"
    assert is_caption(glued) is False
    assert is_caption(glued + ". Photo by Jane Roe/Getty Images") is True
