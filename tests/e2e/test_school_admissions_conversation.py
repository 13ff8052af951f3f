"""End to end: a school admissions question through webchat gets a choice of topics and the dated answer."""

from __future__ import annotations

import pytest

from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def test_a_school_admissions_question_gets_the_next_date_and_a_choice_of_topics(live_servers):
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("apply for a school place")
    titles = [b["title"] for b in asked[-1]["buttons"]]
    assert "Moving to secondary school" in titles, texts(asked)
    reply = texts(chat.press("secondary", "Moving to secondary school"))
    assert "secondary school" in reply and "2027" in reply, reply
    assert "https://www.example-borough.gov.uk/schools/admissions/secondary" in reply
