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
    (
        "landlord evicting a tenant",
        r"\bevict(?:ing|ed|s)? (?:my|a|the|our) (?:tenants?|lodgers?)\b",
    ),
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
    (
        "a CO alarm asking for a new battery",
        r"\b(?:(?:co|carbon monoxide|monoxide|co2|smoke|gas|fire) )?(?:alarm|detector|monitor|sensor|tester)s? (?:\w+ ){0,4}?(?:showing|shows|says|said|saying|displaying|displays|flashing|reads|reading) (?:that )?(?:(?:it is |its )?end of (?:its )?life|eol|replace(?: me| the battery| battery| unit| it)?|low battery|battery (?:is )?low|battery (?:is )?(?:flat|dead))\b",
    ),
    ("beaten to something", r"\bbeat (?:me|us|him|her|them) to (?:it|the)\b"),
    (
        "pushed in a wheelchair",
        r"\bpush\w* (?:me|him|her|them|us)\b(?=(?: \w+){0,5} (?:wheelchair|buggy|pushchair|pram|chair)\b)",
    ),
    (
        "asking when scaffolding comes down",
        r"\bwhen (?:is|are|will) (?:it|they|the scaffolding|that|this) (?:be )?(?:coming|come|taken|going to come) down\b",
    ),
    (
        "felling a tree on purpose",
        r"\b(?:take|taking|took|cut|cutting|chop|chopping|bring|bringing|fell|felling) (?:\w+ ){0,2}?trees? down\b",
    ),
    (
        "telephone and broadband cables",
        r"\b(?:broadband|phone|telephone|tv|aerial|satellite|internet|fibre|bt|virgin|sky) (?:cable|cables|wire|wires|line|lines)\b",
    ),
    (
        "homelessness charities",
        r"\bhomeless(?:ness)? (?:charity|charities|charity shop|charity shops|appeal|fundraiser|fundraising|awareness week)\b",
    ),
    (
        "a section of a form",
        r"\bsection (?:21|8|twenty one|eight) (?:of|on|in) (?:the|this|my|your|a) (?:\w+ ){0,3}?(?:form|application|document|leaflet|guide|booklet|questionnaire)\b",
    ),
    (
        "starting a car or a motorbike",
        r"\bjump ?start\w*\b|\bjump (?:leads|cables|pack|starter)\b|\b(?:need|needs|give|gave|get) (?:\w+ ){0,2}?a jump\b(?= (?:start|from|off (?:a|my|your) (?:car|battery))|[^|]{0,30}\b(?:car|van|battery|engine|motorbike)\b)",
    ),
    # Negation and reported speech: the resident says the danger is not there (or long past).
    # Kept narrow: only the denied words are masked, so the rest of the message is still read,
    # and "not safe", "don't want to live", "hasn't stopped hitting me" are never masked.
    (
        "denies being in that situation",
        r"\b(?:(?:i am|we are|he is|she is|they are|i was|we were|am|is|are|was|were|i have|we have|he has|she has|have|has) )?"
        r"(?:not|never|no longer) (?:been |ever been |actually |really |even |about )?(?:homelessness|homeless|suicidal|sleeping rough)\b"
        r"(?! yet\b| for now\b| but (?:i|we|he|she|they) (?:will|might|could|may|am going to|are going to|is going to|soon)\b)",
    ),
    (
        "denies being in danger",
        r"\b(?:i am|we are|he is|she is|they are|am|is|are|i|we) (?:not|no longer) (?:in (?:any )?danger|at risk|being evicted|getting evicted|being abused|being hurt)\b(?! yet\b)",
    ),
    (
        "no gas smell",
        r"\b(?:no|not any|never (?:a|any)|cannot|can not|could not|do not|does not|did not|no longer|not) (?:smell (?:of )?gas|gas smell\w*|smell\w* (?:of )?gas|whiff of gas|gas leak\w*)\b(?! (?:now|anymore) but\b)"
        r"|\b(?:the )?(?:gas )?smell (?:of gas )?(?:has |is |had )?(?:gone|went away|stopped|disappeared|cleared)\b(?! (?:in|into|through|up|upstairs|down|round|everywhere|all)\b)",
    ),
    (
        "homeless long ago",
        r"\b(?:i|we|he|she|they|my \w+) (?:used to be|was|were) (?:homeless|evicted|sleeping rough)\b(?= (?:\w+ ){0,3}?(?:years|decades) ago\b| (?:for|as) a (?:teenager|kid|child|student)\b| (?:back )?in (?:19|20)\d\d\b| in the past\b| a long time ago\b)"
        r"|\b(?:years|decades|a long time) ago (?:i|we|he|she|they) (?:was|were) (?:homeless|evicted|sleeping rough)\b|\bused to be homeless\b",
    ),
    (
        "temporary accommodation as a neighbour",
        r"\b(?:the|that|this) temporary accommodation (?:on|in|at|next to|across|opposite|near) (?:our|my|the) (?:road|street|estate|close|corner)\b",
    ),
)

#: The guards above that mean "the danger is not there": a denial, not an ordinary phrase.
DENIALS: frozenset[str] = frozenset(
    {
        "denies being in that situation",
        "denies being in danger",
        "no gas smell",
        "homeless long ago",
    }
)
