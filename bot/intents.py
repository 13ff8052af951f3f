"""The fixed resident intents, their triage routes and ticket priorities (shared/intents.md)."""

from __future__ import annotations

from enum import Enum


class Route(str, Enum):
    """What the assistant does with an opening request."""

    EMERGENCY = "emergency"
    URGENT_ADVISOR = "urgent_advisor"
    ADVISOR = "advisor"
    SELF_SERVICE = "self_service"
    INFORMATION = "information"
    CONVERSATION = "conversation"
    OUT_OF_SCOPE = "out_of_scope"


class Priority(str, Enum):
    """Advisor queue priority, highest first in RANK order."""

    URGENT = "urgent"
    EXTRA_SUPPORT = "extra_support"
    HIGH = "high"
    NORMAL = "normal"


PRIORITY_RANK: dict[Priority, int] = {
    Priority.URGENT: 0,
    Priority.EXTRA_SUPPORT: 1,
    Priority.HIGH: 2,
    Priority.NORMAL: 3,
}

INTENT_ROUTES: dict[str, Route] = {
    "report_missed_bin": Route.SELF_SERVICE,
    "check_bin_day": Route.INFORMATION,
    "book_bulky_waste": Route.SELF_SERVICE,
    "request_bin": Route.SELF_SERVICE,
    "report_fly_tipping": Route.SELF_SERVICE,
    "council_tax_pay": Route.INFORMATION,
    "council_tax_move": Route.SELF_SERVICE,
    "council_tax_discount": Route.SELF_SERVICE,
    "council_tax_bill_query": Route.INFORMATION,
    "council_tax_arrears": Route.ADVISOR,
    "benefits_enquiry": Route.INFORMATION,
    "benefits_change_of_circumstances": Route.SELF_SERVICE,
    "report_housing_repair": Route.SELF_SERVICE,
    "parking_permit": Route.SELF_SERVICE,
    "parking_fine": Route.INFORMATION,
    "school_admissions": Route.INFORMATION,
    "report_street_problem": Route.SELF_SERVICE,
    "register_death": Route.ADVISOR,
    "digital_skills_help": Route.INFORMATION,
    "find_computer_or_wifi": Route.INFORMATION,
    "book_assisted_digital": Route.SELF_SERVICE,
    "check_request_status": Route.SELF_SERVICE,
    "make_complaint": Route.ADVISOR,
    "request_human": Route.ADVISOR,
    "report_antisocial_behaviour": Route.ADVISOR,
    "safeguarding_concern": Route.URGENT_ADVISOR,
    "domestic_abuse": Route.URGENT_ADVISOR,
    "homelessness": Route.URGENT_ADVISOR,
    "suicide_self_harm": Route.EMERGENCY,
    "gas_leak": Route.EMERGENCY,
    "dangerous_structure": Route.URGENT_ADVISOR,
    "need_extra_support": Route.ADVISOR,
    "greet": Route.CONVERSATION,
    "goodbye": Route.CONVERSATION,
    "thank": Route.CONVERSATION,
    "affirm": Route.CONVERSATION,
    "deny": Route.CONVERSATION,
    "bot_challenge": Route.CONVERSATION,
    "out_of_scope": Route.OUT_OF_SCOPE,
}

#: Topics whose advisor tickets jump above ``normal`` without being urgent.
HIGH_PRIORITY_INTENTS: frozenset[str] = frozenset({"register_death", "report_antisocial_behaviour"})

#: Crisis topics in the order they win when one message mentions several.
CRISIS_INTENTS: tuple[str, ...] = (
    "suicide_self_harm",
    "gas_leak",
    "safeguarding_concern",
    "domestic_abuse",
    "dangerous_structure",
    "homelessness",
)

#: Never taken as a repair of a form's answer: a crisis or "talk to a person" goes to its own rule.
NOT_A_REPAIR: frozenset[str] = frozenset(CRISIS_INTENTS) | {"request_human"}
#: Interrupt a form at any confidence: a crisis, "talk to a person" and "no" never depend on a score.
ALWAYS_INTERRUPT: frozenset[str] = NOT_A_REPAIR | {"deny"}
#: Never read as an answer to a form's questions, not even in the message that opened the form:
#: those that always interrupt, and every request that only an advisor handles.
NEVER_AN_ANSWER: frozenset[str] = ALWAYS_INTERRUPT | {
    intent for intent, route in INTENT_ROUTES.items() if route is Route.ADVISOR
}

#: What Rasa's FallbackClassifier predicts when no intent is confident enough.
FALLBACK_INTENT = "nlu_fallback"
#: Parse-data key saying why a message was not understood ("gibberish", "language" or "weak").
NOT_UNDERSTOOD_KEY = "not_understood"


def route_for(intent: str | None) -> Route:
    """The triage route for an intent; anything unknown (incl. fallback) is out of scope."""
    if intent is None:
        return Route.OUT_OF_SCOPE
    return INTENT_ROUTES.get(intent, Route.OUT_OF_SCOPE)


def priority_for(intent: str) -> Priority:
    """The advisor-queue priority a ticket for this intent starts with."""
    route = route_for(intent)
    if route in (Route.EMERGENCY, Route.URGENT_ADVISOR):
        return Priority.URGENT
    if intent in HIGH_PRIORITY_INTENTS:
        return Priority.HIGH
    return Priority.NORMAL
