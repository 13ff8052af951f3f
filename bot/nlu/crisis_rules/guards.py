"""Ordinary phrases masked out before the crisis rules run."""

from __future__ import annotations

from bot.nlu.crisis_rules.fragments import HOMES

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: Ordinary phrases masked out (replaced by " | ") before the rules run. Each one is
#: here because a rule misread a message in tests/data/crisis_negative.txt; most
#: everyday idioms ("dying to know", "the death of me") need no guard, since no
#: rule matches them.
GUARDS: tuple[tuple[str, str], ...] = (
    (
        "pet grooming",
        r"\b(?:dog|pet|cat|puppy|puppies|horse)s? (?:for (?:a )?)?groom\w*\b|\bgroom\w* (?:salon|parlour|business|van|shop|appointment)\b",
    ),
    ("landlord evicting a tenant", r"\bevict(?:ing)? (?:my|a|the|our) (?:tenants?|lodgers?)\b"),
    (
        "helping homeless people",
        r"\b(?:volunteer\w*|donat\w*|fundrais\w*) (?:at|to|for|with) (?:a |the |our |local )?homeless\b",
    ),
    (
        "training course about suicide",
        r"\bsuicide (?:prevention|awareness) (?:training|course|courses|event|week|day|leaflets?|charity|walk)\b",
    ),
    (
        "evicted from somewhere that is not a home",
        rf"\bevict\w* (?:notice )?(?:of|from) (?!(?:my |our |the |his |her |their |a )?(?:\w+ ){{0,2}}?{HOMES}\b)(?:\w+ ){{0,2}}\w+|\b(?:allotment|garage|stall|pitch) evict\w*\b",
    ),
    (
        "beaten at a game",
        r"\bbeat (?:me|us|him|her) (?:at|in) (?:darts|pool|cards|chess|snooker|football|tennis|scrabble|monopoly|a game|the game|the quiz|the race|a race|bingo|golf|running|badminton|squash|arm wrestling)\b",
    ),
    (
        "joke about bins",
        r"\bbins? (?:got |have been |has been |were |was |being )?evicted\b",
    ),
    (
        "a past gas leak elsewhere",
        r"\b(?:closed|shut|evacuated|cancelled|delayed|diverted|disrupted) (?:\w+ ){0,3}?(?:due to|because of|after|following) (?:a |the )?gas leak\b",
    ),
    (
        "a road closed by a fallen tree",
        r"\b(?:closed|shut|blocked|diverted) (?:\w+ ){0,3}?(?:due to|because of|after|following) (?:a |the )?(?:fallen|falling) trees?\b",
    ),
)
