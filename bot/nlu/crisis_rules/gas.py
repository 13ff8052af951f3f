"""Crisis rules for gas leaks and carbon monoxide."""

from __future__ import annotations

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "smell of gas",
        r"\b(?:smel\w*|whiff|stink\w*|reek\w*|stench) (?:of |like |strongly of |a bit of |bit of |a strong |really strong |faint |a faint |from the |from |)?(?:gas|gass|gassy)\b|\bgas(?:s|sy)? (?:smel\w*|odour|stench|whiff)\b",
    ),
    (
        "gas leak",
        r"\bgas(?:s)? (?:is |was |keeps )?(?:leak\w*|leek\w*|escap\w*|coming out|pouring out|pouring|hissing)\b|\bleak\w* (?:of )?gas\b|\bgas is (?:on|coming) .{0,20}\b(?:not lit|unlit|will not light)\b",
    ),
    (
        "hissing near gas",
        r"\bhiss\w*\b.{0,40}\bgas\b|\bgas (?:pipe|meter|cooker|hob|boiler|fire|valve|supply)\b.{0,30}\bhiss\w*\b",
    ),
    (
        "carbon monoxide",
        r"\b(?:carbon )?monoxide\b(?! (?:alarm|detector|monitor|sensor)s?\b)|\bcarbon mon\w*\b(?! (?:alarm|detector|monitor|sensor)s?\b)",
    ),
    (
        "CO or gas alarm",
        r"\b(?:co|carbon monoxide|carbon|monoxide|gas|co2) (?:alarm|detector|monitor|sensor)s? (?:\w+ ){0,5}?(?:going off|gone off|went off|go off|goes off|beeping|bleeping|sounding|ringing|activated|triggered|flashing|alerting|alarming|screaming|keeps going|will not stop|going mad|going crazy)\b|\b(?:co|carbon monoxide|gas) (?:alert|warning)\b",
    ),
    (
        "rotten eggs smell",
        r"\b(?:rotten|bad|off) eggs?\b.{0,30}\b(?:smell\w*|stink\w*|odour)\b|\b(?:smell\w*|stink\w*|odour|reek\w*) (?:of |like )?(?:bad |rotten |off )eggs?\b",
    ),
    (
        "CO symptoms near appliance",
        r"\b(?:headaches?|dizzy|dizziness|drowsy|light ?headed|feel faint|feeling faint|passed out|fainted)\b (?:when|whenever|every time|after|once|as soon as) (?:the |my |i put the |we put the |i turn the |we turn the )?(?:boiler|gas fire|heater|heating|fire|cooker|gas)\b",
    ),
    (
        "bad flame or soot",
        r"\b(?:yellow|orange|lazy|floppy) flames? (?:on|in|from|coming from) (?:the |my )?(?:boiler|cooker|hob|gas fire|fire|heater)\b|\b(?:boiler|cooker|hob|gas fire|fire) flames? (?:is |are |has gone |have gone |turned |burning |burns )?(?:yellow|orange|lazy)\b|\b(?:black|soot|sooty|brown) (?:marks|stains|staining) (?:on|around|above|near) (?:the |my )?(?:boiler|gas fire|fire|heater|flue)\b",
    ),
    (
        "yellow flame",
        r"\bflames? (?:on|in|of|from) (?:the |my )?(?:boiler|cooker|hob|gas fire|fire|heater) (?:is |are |has |have |gone |turned |burning |burns )*(?:yellow|orange|lazy|floppy)\b",
    ),
    (
        "fumes from appliance",
        r"\bfumes (?:from|coming from|coming out of|out of|off) (?:the |my )?(?:boiler|gas fire|flue|heater|cooker|hob|gas)\b",
    ),
    (
        "fumes and dizziness",
        r"\b(?:boiler|gas fire|heater|cooker|flue|gas)\b.{0,30}\bfumes\b|\bfumes\b.{0,40}\b(?:dizzy|headaches?|drowsy|light ?headed|faint|sleepy)\b",
    ),
    (
        "just the word gas",
        r"^ ?gas(?: leak| smell| emergency)?$",
    ),
    (
        "damaged gas pipe",
        r"\b(?:hit|hitting|damaged|damaging|broke|broken|burst|cut|cutting|struck|ruptured|fractured|smashed|dug through|drilled through|snapped) (?:a |the |our |my )?gas (?:pipe|pipes|main|mains|supply|line|meter)\b|\bgas (?:pipe|pipes|main|mains|line|meter) (?:is |has been |was |got )?(?:damaged|broken|burst|hit|cut|struck|ruptured|fractured|snapped|cracked|severed)\b",
    ),
)
