"""Crisis rules for gas leaks and carbon monoxide."""

from __future__ import annotations

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "smell of gas",
        r"\b(?:smel\w*|whiff|wiff|stink\w*|reek\w*|stench) (?:of |like |strongly of |a bit of |bit of |a strong |really strong |faint |a faint |from the |from |)?(?:gas|gass|gassy)\b|\bgas(?:s|sy)? (?:smel\w*|odour|stench|whiff)\b",
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
        r"\b(?:hit|hitting|damaged|damaging|broke|broken|burst|cut|cutting|struck|ruptured|fractured|smashed|dug through|drilled through|snapped) (?:through |into )?(?:a |the |our |my )?gas (?:pipe|pipes|main|mains|supply|line|meter)\b|\bgas (?:pipe|pipes|main|mains|line|meter) (?:is |has been |was |got )?(?:damaged|broken|burst|hit|cut|struck|ruptured|fractured|snapped|cracked|severed)\b",
    ),
    (
        "CO alarm reading or sounding",
        r"\b(?:co|carbon monoxide|carbon|monoxide|co2) (?:alarm|detector|monitor|sensor|meter|tester|box|alert|thing)s?\b(?: \w+){0,6}? (?:showing|shows|showed|reading|reads|says|said|displaying|displays|detected|detecting|registering|registers|making (?:a|that|this|an|funny|weird) (?:\w+ )?(?:noise|sound|racket)|chirping|chirps|beeping|bleeping|bleeps|beeps|beeped|going off|gone off|went off|goes off|keeps going|screeching|wailing|shrieking|blaring|sounding off|sounds|sounded|gone red|turned red|is red|red light|lit up|flashing red|alarming|ringing|buzzing|number on (?:the|its) (?:screen|display))\b|\b(?:co|carbon monoxide|monoxide|alarm|detector|monitor)\b.{0,40}\b\d+ ?ppm\b|\b\d+ ?ppm\b.{0,40}\b(?:co|carbon monoxide|monoxide|alarm|detector|monitor)\b",
    ),
    (
        "alarm by the boiler",
        r"\balarm (?:next to|by|near|above|beside|on top of|under) (?:the |my |our )?(?:boiler|gas fire|gas heater|gas meter|meter|flue)\b(?: \w+){0,3}? (?:going off|gone off|went off|goes off|beeping|bleeping|sounding|ringing|screaming|flashing)\b",
    ),
    (
        "CO symptoms when appliance is on",
        r"\b(?:headaches?|dizzy|dizziness|drowsy|sleepy|nausea|nauseous|sick|light ?headed|faint)\b.{0,40}\b(?:when|whenever|every time|only when|once|as soon as|while) (?:the |my |our )?(?:boiler|gas fire|heater|gas heater|heating|fire|cooker)s? (?:is |are )?(?:on|running|going|lit|comes on|come on|switched on|turned on)\b",
    ),
    (
        "sulphur smell",
        r"\b(?:sulphur|sulfur|sulpher|eggy) (?:smell|smells|odour|stink|whiff)\b|\b(?:smel\w*|stink\w*|reek\w*) (?:of |like )(?:sulphur|sulfur|sulpher)\b",
    ),
    (
        "gas left on or unlit",
        r"\b(?:gas|hob|cooker|oven|rings?|gas fire)\b(?: \w+){0,3}? (?:left |turned |is |was )?on (?:but )?(?:unlit|not lit|without (?:a )?flame)\b|\bunlit gas\b|\bgas (?:\w+ ){0,2}?(?:left )?on\b.{0,40}\b(?:stinks|smells|reeks|smell|stench)\b",
    ),
    (
        "gas fitting leaking",
        r"\bgas (?:meter|pipe|pipes|tap|taps|valve|supply|bottle|bottles|cylinder|canister|tank|main|mains|line|hose|pipework|connection|hob|cooker|oven|fire)s? (?:\w+ ){0,6}?(?:leaking|leaks|leaked)\b(?! (?:water|oil|a bit of water))",
    ),
    (
        "can smell it after mentioning gas",
        r"\bgas (?!bills?\b|prices?\b|compan\w*|suppliers?\b|tariffs?\b|works?\b|board\b|engineers?\b|man\b|men\b|safety\b|certificate\b)(?:\w+ ){0,8}?(?:(?:i|we) (?:can |could )?(?:still )?smell it|(?:whole|the) (?:flat|house|place|kitchen|room|hall|landing) (?:smells|stinks|reeks)(?= \||$| of gas| strongly| bad| awful| funny| horrible| really))",
    ),
)
