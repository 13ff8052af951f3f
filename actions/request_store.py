"""Storing a resident's request once, and the plain apology with the phone number when we can't."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.formatting import TALK_TO_A_PERSON
from bot.records.service_requests import StoredRequest

if TYPE_CHECKING:
    from bot.council import Council

logger = logging.getLogger(__name__)


def channel_of(tracker: Tracker) -> str:
    """The channel the resident wrote from, as stored with their request."""
    return (tracker.get_latest_input_channel() or "unknown")[:20]


def apologise_not_stored(
    dispatcher: CollectingDispatcher,
    council: Council,
    what: str,
    nothing: str = "sent",
    urgent: str = "",
) -> None:
    """ "Sorry, I couldn't <what> ... Nothing has been <nothing>." with the council's phone number."""
    dispatcher.utter_message(
        text=f"Sorry, I couldn't {what} because of a problem on our side. Nothing has been "
        f"{nothing}.{urgent} Please try again in a few minutes, or call us on "
        f"{council.config.contact.phone}.",
        buttons=[TALK_TO_A_PERSON],
    )


def store_request(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    service: Any,
    *,
    postcode: str,
    address: str,
    due_by: date,
    details: dict[str, Any],
    same_job: list[str],
    what: str = "save your report",
    nothing: str = "sent",
    urgent: str = "",
) -> StoredRequest | None:
    """Store the request once (the same job again returns the first), or apologise and return None."""
    try:
        return context.service_requests().create(
            service=service.key,
            reference_prefix=service.reference_prefix,
            channel=channel_of(tracker),
            sender_id=tracker.sender_id,
            postcode=postcode,
            address=address,
            due_by=due_by,
            details=details,
            same_job=same_job,
        )
    except SQLAlchemyError:
        logger.exception("%s: could not store the request", service.key)
        apologise_not_stored(dispatcher, context.council(), what, nothing, urgent)
        return None
