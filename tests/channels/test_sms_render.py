"""Pure rendering of replies for SMS: GSM-7, numbered options, the segment limit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from channels.sms_render import (
    GSM_BASIC,
    GSM_EXTENDED,
    render_plain,
    render_sms,
    segment_count,
    to_gsm,
)


def test_curly_quotes_dashes_and_ellipses_become_plain_characters():
    assert to_gsm("\u201cIt\u2019s due\u201d \u2013 Monday\u2026") == '"It\'s due" - Monday...'


def test_emoji_are_dropped_and_accents_outside_gsm_lose_their_accent():
    assert to_gsm("Thanks \U0001f44d caf\u00e9 \u0101") == "Thanks caf\u00e9 a"


def test_markdown_links_keep_their_address():
    assert (
        to_gsm("See [bin days](https://example.gov.uk/bins)")
        == "See bin days: https://example.gov.uk/bins"
    )


def test_segments_are_counted_like_a_phone_does():
    assert segment_count("a" * 160) == 1
    assert segment_count("a" * 161) == 2
    assert segment_count("a" * 306) == 2
    assert segment_count("a" * 307) == 3
    assert segment_count("\u20ac" * 80) == 1  # the euro sign costs two septets
    assert segment_count("\u20ac" * 81) == 2


def test_buttons_become_numbered_options_whose_payloads_are_remembered():
    reply = render_sms(
        [{"text": "Which bin?", "buttons": [{"title": "Black bin", "payload": "general"},
                                             {"title": "Blue bin", "payload": "/recycling"}]}]
    )  # fmt: skip
    assert reply.body == "Which bin?\n\nReply 1 for Black bin\nReply 2 for Blue bin"
    assert reply.options == ["general", "/recycling"]


def test_a_long_answer_is_shortened_at_a_sentence_but_keeps_its_options():
    prose = " ".join(f"Sentence number {i} says something useful about bins." for i in range(40))
    reply = render_sms(
        [{"text": prose, "buttons": [{"title": "Talk to a person", "payload": "/request_human"}]}],
        3,
    )
    assert segment_count(reply.body) <= 3
    assert reply.body.endswith("Reply 1 for Talk to a person")
    assert "bins.\n\nReply 1" in reply.body


def test_a_single_enormous_word_is_cut_hard():
    assert segment_count(render_plain("x" * 5000, 2)) == 2


@given(
    st.lists(st.text(max_size=600), max_size=5),
    st.lists(st.text(min_size=1, max_size=40), max_size=6),
    st.integers(1, 6),
)
def test_no_reply_is_ever_longer_than_the_segment_limit_or_outside_gsm(texts, titles, limit):
    buttons = [{"title": t, "payload": f"/p{i}"} for i, t in enumerate(titles)]
    messages = [{"text": t} for t in texts] + (
        [{"text": "", "buttons": buttons}] if buttons else []
    )
    reply = render_sms(messages, limit)
    assert segment_count(reply.body) <= limit
    assert set(reply.body) <= GSM_BASIC | GSM_EXTENDED
