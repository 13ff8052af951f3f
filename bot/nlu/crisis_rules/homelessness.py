"""Crisis rules for homelessness, eviction and rough sleeping."""

from __future__ import annotations

from bot.nlu.crisis_rules.fragments import HOMES, OUT_OF_HOME

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "homeless",
        r"\bhomeless\w*\b|\brough sleep\w*\b|\bsleeping rough\b|\bsleep(?:ing)? rough\b|\bno fixed (?:abode|address)\b",
    ),
    (
        "nowhere to sleep",
        r"\b(?:nowhere|no where|no place|no home|not anywhere|anywhere)(?: for (?:me|us|him|her|them|my \w+|the \w+)(?: and (?:me|my \w+|the \w+|our \w+))?)? to (?:sleep|stay|live|go|lay my head|rest|kip|doss|crash)\b|\bno roof over (?:my|our|his|her|their) heads?\b|\b(?:do not|does not) have (?:a|anywhere to) (?:home|live|sleep|stay)\b|\bno (?:home|house|flat|accommodation) to go (?:to|back to)\b",
    ),
    (
        "sleeping in a car or outside",
        r"\b(?:sleeping|sleep|slept|living|live|stay|staying|kipping|kip) (?:in|on) (?:my |me |a |the |our |his |her |their |this )?(?:shop |church |office )?(?:car|van|tent|bench|benches|doorway|doorways|bus station|train station|station|stairwell|bus shelter|hospital car park)\b|\b(?:sleeping|slept|kipping|staying) in (?:the |a )park\b|\b(?:sleeping|sleep|slept|living|staying|kipping|crashing) on (?:a |my )?(?:friends|mates|someones|different|my \w+s|other peoples) (?:sofa|sofas|floor|floors|couch|couches|settee)\b|\b(?:i am|we are|he is|she is|they are|been|living|sleeping|sleep|slept|kipping|dossing|be|end up|ended up|left|now|stuck) on the streets?\b(?! (?:party|parties|committee|corner|outside|where|near|opposite|cleaning|lights?)\b)|\bout on the streets\b",
    ),
    (
        "sofa surfing",
        r"\b(?:sofa|couch|settee) (?:surf\w*|hopping|hop\w*)\b|\b(?:staying|sleeping|crashing|living) (?:with|at) (?:friends|mates|different friends|whoever|family members) (?:for now|until|because|as|on (?:their|the) (?:sofa|floor|couch))\b",
    ),
    (
        "eviction",
        r"\bevict\w*\b|\bsection (?:21|8|twenty one|eight)\b|\bnotice (?:seeking|of seeking|to seek) possession\b|\b(?:possession|eviction) (?:order|notice|hearing|claim|proceedings|warrant)\b|\bnotice to quit\b|\brepossess\w* (?:my|our|the|his|her|their) (?:home|house|flat|property)\b|\b(?:home|house|flat|property) (?:is |are |was |has been |being |getting )*repossessed\b|\brepossession (?:order|hearing|notice|claim|proceedings)\b|\bbailiffs? .{0,30}\b(?:evict\w*|change the locks|possession|take the (?:house|flat|home))\b|\bwarrant (?:for|of) (?:possession|eviction)\b",
    ),
    (
        "kicked out",
        rf"\b(?:kicked|kicking|kick|thrown|threw|throw|throwing|chucked|chucking|chuck|booted|turfed|turfing|put|putting|forced|forcing) (?:me|us|me and (?:my|the) \w+|us and (?:my|our|the) \w+|my (?:kids|children|son|daughter|family|partner|wife|husband|boyfriend|girlfriend|mum|dad|brother|sister|baby|grandson|granddaughter|nan|grandad)|him|her|them) out{OUT_OF_HOME}|\b(?:(?:i|we|he|she|they|son|daughter|i have|we have|he has|she has|they have|i am|we are|he is|she is|they are)(?: just)? (?:got |been |being |was |were |get |getting |have been |has been )*|(?:got|been|being|get|getting) )(?:kicked|thrown|chucked|booted|turfed) out{OUT_OF_HOME}|\b(?:landlord|letting agent|agent|parents|mum|dad|partner|husband|wife|boyfriend|girlfriend|family|owner) (?:has |have |is |are |wants |want )*(?:told|telling|asked|asking|ordering|ordered|forcing|forced) (?:me|us) (?:to leave\b(?! (?:the|my|it|them|a|an|his|her|their|our|bins?|rubbish|keys|parcels?|this|that|some|any|off|a message|feedback)\b)|to get out|to go (?:now|tonight|today|by|immediately|and not come back)|to move out|to be out|to pack (?:my|our) (?:bags|stuff|things))\b|\b(?:been|being|was|were|got|have been|has been) (?:told|asked|ordered) to (?:leave|get out|move out|go|be out) by (?:the|my|our|her|his|their) (?:landlord|letting agent|agent|council|housing association|owner)\b|\b(?:landlord|letting agent|agent|owner|partner|husband|wife|boyfriend|girlfriend|parents|mum|dad|family) (?:has |have |just )*(?:locked (?:me|us) out|changed the locks)\b(?! for (?:me|us)| after| because| on (?:the )?(?:bin|shed|garage|gate|communal))|\blandlord (?:wants|wanting|says|said|has told|told|is making|made) (?:me|us|her|him|them) (?:out|to leave|to go|to move out|to be out)\b(?! (?:the|my|it|them|a|an|his|her|their|our|bins?|rubbish|keys|parcels?|this|that|some|any|off|a message|feedback|to|and see|and ask|round|through|of (?:the |my |our )?(?:flat|house|home|property|room|place) (?:for|while|during|so))\b)",
    ),
    (
        "losing home",
        r"\b(?:losing|lose|lost|going to lose|about to lose|will lose|could lose) (?:my|our|the|his|her|their) (?:home|house|flat|tenancy|accommodation|room)\b|\b(?:have|has|got|need) to (?:be out|leave|move out|get out) (?:by|on|before|in) .{0,40}\b(?:nowhere|no where|nothing lined up|not found|no place|cannot find|nothing else|do not know where)\b|\bmade (?:me |us )?homeless\b|\b(?:facing|threatened with|at risk of) (?:homelessness|eviction|losing)\b|\btemporary accommodation\b|\b(?:living|staying|sleeping|stay|live) (?:in|at) (?:a|the) (?:hostel|night shelter|shelter|homeless shelter|homeless hostel)\b|\b(?:emergency|tonight|need) (?:housing|accommodation|a bed) (?:for )?(?:tonight|now|urgently|right now|today)\b",
    ),
    (
        "told to leave home",
        rf"\b(?:told|asked|ordered|given notice|forced|made) to (?:leave|get out of|move out of|vacate) (?:my|our|the|this) (?:\w+ )?{HOMES}\b|\b(?:landlord|landlords|letting agent|agent|hostel|refuge|shelter|ymca|council|housing association|owner|b b|hotel|host|sister|brother|mum|dad|parents|friend|mate|family) (?:has |have |is |are |just |now )*(?:says?|said|told|telling|given|giving|served|sent|handed) (?:me|us)? ?(?:that )?(?:i|we)? ?(?:have to|has to|must|need to|got to|to|notice to|a notice to|notice) (?:leave|go|get out|move out|be out|quit)\b(?! (?!(?:the |my |our )?{HOMES}\b)(?:the|my|it|them|a|an|his|her|their|our|bins?|rubbish|keys|parcels?|this|that|some|any|off|to|round|through|for|and see|and ask|a message|feedback)\b)",
    ),
    (
        "landlord notice",
        r"\bnotice (?:to leave |to quit )?from (?:my |the |our )?landlord\b|\blandlords? (?:has |have |just )?(?:given|served|sent|handed) (?:me|us) (?:\w+ ){0,2}?(?:notice|eviction|section)\b|\b(?:two|2|one|1|three|3) months? notice\b.{0,40}\blandlord\b|\blandlord\b.{0,40}\b(?:two|2|one|1|three|3) months? notice\b",
    ),
    (
        "have to leave with nowhere to go",
        r"\b(?:have|has|got|need|needs) to (?:be out|leave|move out|get out|go)\b.{0,50}\b(?:nowhere|no where|nothing lined up|no place|cannot find (?:anywhere|somewhere|a place)|cannot afford anywhere|nothing else|do not know where)\b|\b(?:have|got|with|there is) nowhere (?:else )?(?:lined up|sorted|arranged|to go)\b|\bnowhere else(?: to (?:go|stay|live|sleep))?(?= \||$)|\bnowhere lined up\b",
    ),
    (
        "staying with friends for now",
        r"\b(?:staying|sleeping|living|crashing) (?:with|at) (?:friends|a friends|mates|a mates|family|relatives|someones|my (?:sisters|brothers|mums|dads|nans|friends|mates|cousins|aunties|exs))\b.{0,40}\b(?:have to leave|got to leave|need to leave|must leave|cannot stay|not for long|for now|temporarily|until i find|wants? (?:me|us) out|kicking (?:me|us) out)\b",
    ),
    (
        "asking for a hostel or a roof",
        r"\b(?:get into|get in|need|find|looking for|a place in|a bed in|space in|a room in|go to|move into) (?:a |the )?(?:hostel|night shelter|homeless shelter|homeless hostel|refuge|emergency accommodation|emergency housing)\b|\b(?:need|want|get|find|keep) a roof over (?:my|our|their|his|her) heads?\b|\bliving out of (?:a|my|our) (?:backpack|bag|rucksack|suitcase|car|van)\b",
    ),
    (
        "host wants them out",
        r"\b(?:she|he|they|sister|brother|mum|dad|parents|friend|mate|family|landlord|owner|host) (?:wants|want|wanted|is wanting) (?:me|us) (?:out|gone|to leave|to move out|to find somewhere else)\b(?! of (?:the |my |our )?(?:flat|house|home|property|room|place) (?:for|while|during|so)\b)|\b(?:pay|pay up|pay more) or (?:leave|get out|move out|go)\b|\btold (?:me|us) not to come (?:back|home)\b|\bnot allowed (?:back )?home\b",
    ),
    (
        "bailiffs then nowhere",
        r"\bbailiffs?\b.{0,60}\bwhere (?:do|will|can|should|am|are) (?:i|we) (?:go|live|sleep|stay|going to go)\b",
    ),
    (
        "kicked out of home",
        rf"\b(?:kicked|thrown|chucked|booted|turfed) out (?:of|from) (?:my |our |the |his |her |their )?(?:\w+ )?{HOMES}\b",
    ),
    (
        "sleeping rough somewhere",
        r"\b(?:sleeping|sleep|slept|kipping|kip|kipped|dossing|doss|dossed|bedding down|bed down|bedded down)\b (?:in|on|at|under|behind|outside|by) (?:a |the |my |me |our |his |her |their |this |some |an )?(?:\w+ )?(?:doorway|doorways|bus station|train station|station|stairwell|stairwells|bus shelter|car park|multi storey|underpass|subway|bridge|bridges|beach|garage|garages|shed|park|parks|park bench|park benches|benches|bench|night buses|bin shed|bin store|graveyard|churchyard|cemetery|woods|field|airport|laundrette|car|van|tent|canal|river|seafront|promenade|alley|alleyway|porch)\b(?! (?:party|parties|committee|bins?|lights?|signs?|sale)\b)|\b(?:sleeping|slept|kipping|dossing) (?:outside|outdoors)\b(?! (?:in (?:the|my|our) garden|in a tent in (?:the|my|our) garden)\b)|\b(?:living|staying|sleeping|kipping|dossing|live|stay|sleep) in (?:a |the |an )?squat\b",
    ),
    (
        "no longer welcome on a sofa",
        r"\b(?:cannot|can not|no longer|not allowed to) (?:stay|sleep|crash|kip) (?:on|at|with) (?:her|his|their|my|a|the)? ?(?:\w+ )?(?:sofa|couch|settee|floor|place|house|flat|mums|dads|sisters|brothers|friends|mates|nans|sister|brother|friend|mate|mum|dad|nan) (?:anymore|any longer|any more|much longer|after (?:tonight|today|this week|friday|the weekend))\b",
    ),
    (
        "court says get out",
        r"\b(?:landlord|landlords|letting agent|housing association)\b(?: \w+){0,6}? (?:court|tribunal)\b(?: \w+){0,4}? (?:get (?:me|us) out|evict\w*|possession|throw (?:me|us) out|have (?:me|us) out)\b|\bcourt(?: letter| papers| order| date| hearing| summons)?\b[^|]{0,25}\b(?:saying|says|said|to say|order\w*) (?:that )?(?:we|i) (?:have to|must|need to|got to) (?:be out|leave|move out|get out|vacate)\b|\bpossession (?:hearing|court date|date)\b",
    ),
    (
        "illegal eviction",
        r"\b(?:landlord|letting agent|owner)\b[^|]{0,50}\bchanged the locks\b(?! for (?:me|us)| after| because| on (?:the )?(?:bin|shed|garage|gate|communal))|\blandlord\b[^|]{0,20}\b(?:threw|thrown|throwing|put|putting|chucked|dumped) (?:all )?(?:my|our) (?:stuff|things|belongings|clothes|possessions|bags)\b|\blandlords?\b[^|]{0,40}\b(?:told|telling|tells|ordered|wants) (?:me|us) (?:to go|to leave|to get out|out)\b(?= \||$| now| tonight| today| immediately)",
    ),
    (
        "leaving an institution with nowhere",
        r"\b(?:leaving|left|getting out of|get out of|released from|coming out of|discharged from|discharging me|discharging us|out of) (?:prison|jail|custody|care|hospital|the army|rehab|tomorrow|today)\b[^|]{0,50}\b(?:no (?:fixed )?address|nowhere(?! to (?:park|put|sit|store|keep|leave|charge))|no where(?! to park)|no home|homeless|no accommodation)\b",
    ),
    (
        "cannot afford another night",
        r"\b(?:staying|living|sleeping|stuck) in (?:a |the )?(?:hotel|b b|b and b|bnb|bed and breakfast|hostel|travelodge|premier inn)\b[^|]{0,40}\b(?:cannot|can not|could not) afford (?:another night|to stay|more nights?|it anymore|it any longer)\b",
    ),
    (
        "deadline to get out",
        r"\b(?:got|have|given) (?:until|till|til|to) (?:the end of (?:the )?(?:week|month)|friday|monday|tuesday|wednesday|thursday|saturday|sunday|tomorrow|tonight|\w+ days?|next \w+) to (?:get out|be out|find somewhere)\b(?= \||$| or\b)|\b(?:told|telling|ordered|asked) (?:me|us) to (?:leave|get out|go|move out|be out)\b(?= (?:tomorrow|tonight|today|now|immediately|by (?:tomorrow|tonight|friday|monday|tuesday|wednesday|thursday|saturday|sunday|the end of)|in the morning|first thing)\b)",
    ),
    (
        "staying on other peoples floors",
        r"\b(?:doss\w*|kipping|sleeping|staying|crashing|living|bedding down) (?:on|at|between|round|across) (?:different |various |other |random |a few |some )?(?:mates|friends|pals|peoples|cousins|relatives|family members|strangers) (?:floors?|sofas?|couch(?:es)?|settees?|houses|places|flats)\b|\b(?:sofa|couch|floor) surf\w*\b",
    ),
)
