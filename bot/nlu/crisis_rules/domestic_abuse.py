"""Crisis rules for abuse by a partner, ex-partner or family member."""

from __future__ import annotations

from bot.nlu.crisis_rules.fragments import HURT_PAST_PRESENT, PARTNER

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "domestic abuse named",
        r"\bdomestic (?:abuse|violence|abuser|violent)\b|\bcoercive\b|\bcoercion\b|\b(?:non molestation|restraining|occupation|protective) order\b|\bclares law\b|\bmarac\b|\bidva\b|\bforced (?:to )?marr\w*\b|\bhonour based\b|\b(?:need|want|find|get|go to|place in|space in|room in|into|looking for|move to|flee to|fleeing to) (?:a |the )?(?:womens |mens )?refuge\b|\bfle(?:e|eing|d) (?:from )?(?:my|an?|the|our) (?:abusive|violent|husband|wife|partner|boyfriend|girlfriend|ex|home)\b",
    ),
    (
        "partner or family hurting me",
        rf"\b(?:(?:my|our) )?{PARTNER} (?:has |have |keeps |keep |always |is |was |has been |just |constantly |still |often |sometimes |regularly |again |and his mates |and her mates )*(?:\w+ (?:\w+ )?(?:\w+ )?and )?{HURT_PAST_PRESENT}\b (?:me|us|at me|my (?:face|head|arms?|legs?|body|back|neck|eye|stomach|kids|children|son|daughter|baby|mum|dad))\b(?! (?:out|off)\b(?! of\b))",
    ),
    (
        "he or she hurt me",
        r"\b(?:he|she) (?:has |keeps |always |just |then |also |has been |is |was |tried to |sometimes |often |)?(?:hit|hits|hitting|hurt|hurts|hurting|abused|abuses|attacked|attacks|beat|beats|beating|punched|punches|punching|strangled|strangles|strangling|choked|chokes|choking|throttled|throttles|raped|rapes|slapped|slaps|kicked|kicks|headbutted|battered|batters|assaulted|stabbed|burnt|burned|pushed|shoved|bit|dragged|grabbed) me\b(?! (?:out|off|up at)\b(?! of\b))|\b(?:he|she) (?:has )?(?:strangled|choked|throttled|raped|stabbed) (?:me|her)\b",
    ),
    (
        "threats to kill or hurt",
        rf"\b(?:threaten\w*|says he will|said he will|says she will|said she will|going to|will|wants to|promised to) (?:to )?(?:kill|hurt|stab|burn|beat|batter|get) (?:me|us|my kids|my children|the kids|the children)\b|\b(?:threaten\w*) to (?:take|snatch) (?:the|my|our) (?:kids|children|baby|son|daughter)\b|\bthreatening (?:me|us)\b.{{0,40}}\b{PARTNER}\b|\b{PARTNER} .{{0,20}}\bthreaten\w* (?:me|us)\b",
    ),
    (
        "scared of partner or to go home",
        rf"\b(?:scared|afraid|frightened|terrified|petrified|fear|fearful|too scared) (?:to go|of going|to return|of returning) (?:back )?home\b|\b(?:scared|afraid|frightened|terrified|petrified) of (?:my|our|her|his) {PARTNER}\b|\b(?:scared|afraid|frightened|terrified) (?:he|she|they|my {PARTNER}) (?:will|is going to|might) (?:kill|hurt|find|come for|come after|hit|beat) (?:me|us)\b|\bnot safe (?:at home|in my (?:own )?home|in (?:the|my) house|with (?:him|her|my {PARTNER}))\b",
    ),
    (
        "controlling partner",
        rf"\b(?:my|our) {PARTNER} (?:is |has |keeps |always )*(?:(?:controls|controlled|controlling|tracks|tracking|monitors|monitoring) (?:all (?:of )?)?(?:my |me |the )?|(?:takes|took|has taken|keeps|kept|holds|checks|checking|reads) (?:all (?:of )?)?(?:my |me |the ))(?:money|wages|benefits|bank card|bank cards|bank account|cards|finances|phone|passport|car keys|life|everything|every move|where i go|who i see|messages|what i wear|who i talk to|who i speak to|what i eat|what i spend|my friends|my family)\b|\b(?:my|our) {PARTNER} (?:is |has |keeps |always )*(?:stops me|stopped me|stopping me|will not let me|does not let me|never lets me|won t let me) (?:from )?(?:seeing|see|going|leave|leaving|go out|work|working|going out|have money|have a phone|having)\b|\b(?:he|she) (?:controls|controlled|takes all|took all|keeps all|tracks|monitors) (?:all )?(?:my|of my) (?:money|wages|benefits|bank card|finances|phone|life|location|every move)\b|\b(?:he|she) controls (?:everything|every (?:part|aspect) of my life)\b|\b(?:he|she|they) (?:will not|does not|do not|never) let me (?:leave|go out|see my|have my own|have any|have money|work|speak to|talk to|out of the house)\b|\b(?:my|our) {PARTNER} (?:is |was |has been |can be |gets |getting )?(?:very |really |so |quite |extremely |increasingly )?(?:emotionally |financially |physically |verbally |mentally |psychologically )?(?:controlling|violent|abusive|dangerous)\b|\babusive (?:husband|wife|partner|boyfriend|girlfriend|ex|relationship|marriage|household|home|man)\b",
    ),
    (
        "parent hurting the other parent",
        rf"\b(?:my|our) (?:dad|stepdad|mum|stepmum|mums (?:boyfriend|partner)|dads (?:girlfriend|partner)) (?:keeps |always |still |has |often |sometimes |has been |is )*{HURT_PAST_PRESENT} (?:my|our) (?:mum|dad|stepmum|stepdad)\b",
    ),
    (
        "ex harassing me",
        r"\b(?:my|the|our) ex\b.{0,40}\b(?:will not leave (?:me|us) alone|keeps (?:turning up|coming round|following|messaging|calling|texting)|turned up at (?:my|the|our)|stalking|stalks|harass\w*|threat\w* (?:me|us|messages|texts|calls|voicemails|emails)|(?:horrible|nasty|vile|abusive|threatening) (?:messages|texts|calls|voicemails|emails)|(?:says|said|knows) (?:he|she)? ?knows? where (?:i|we) live|sending (?:me )?threats|making threats|abusive (?:messages|texts|calls)|following me|followed me|follows me|follows us|broke in|broke into|broken into|smashed|tracking)\b",
    ),
    (
        "being abused at home",
        r"\b(?:i am|i have been|i was|i get|we are|we have been) (?:being )?(?:abused|beaten|battered|raped|strangled|hit) (?:at home|by (?:my|our) \w+|every day|every night|again)\b|\bi am (?:being )?(?:abused|beaten|battered)\b",
    ),
    (
        "escaping a partner",
        rf"\b(?:escape|escaping|escaped|get away from|getting away from|got away from|run away from|running away from|ran away from|hide from|hiding from|flee|fleeing|fled) (?:from )?(?:my|our|an?) (?:abusive |violent )?{PARTNER}\b",
    ),
    (
        "safe from a partner",
        rf"\b(?:safe|safety|somewhere safe|protection|protect me|protect us) (?:away )?from (?:my|our|an?) (?:abusive |violent )?{PARTNER}\b",
    ),
    (
        "he or she is violent",
        r"\b(?:he|she|they) (?:is|are|gets|get|can be|has been|have been|was|were|becomes|became) (?:very |really |so |quite |extremely |increasingly )?(?:violent|abusive|aggressive|controlling|threatening) (?:towards|to|with|at) (?:me|us|my (?:kids|children))\b|\b(?:he|she) is (?:violent|abusive|controlling)\b",
    ),
    (
        "violent relationship",
        r"\b(?:violent|controlling|abusive) (?:husband|wife|partner|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|relationship|marriage|home|household)\b",
    ),
    (
        "does not feel safe at home",
        r"\b(?:do not|does not|never|not|no longer) feels? safe (?:at home|in my (?:own )?home|in (?:the|my|our) (?:house|flat)|with (?:him|her|my \w+))\b",
    ),
    (
        "someone elses partner hurting them",
        rf"\b(?:my friends|her|his|my sisters|my daughters|my mums|my sons|a friends|my mates|my nans) (?:new )?{PARTNER} (?:\w+ ){{0,3}}?(?:{HURT_PAST_PRESENT} (?:her|him|them)|is (?:violent|abusive|controlling|dangerous) (?:towards|to|with) (?:her|him|them))\b(?! (?:kids|children|baby|babies|toddler|little|son|daughter|boy|girl)\b)",
    ),
    (
        "control and isolation",
        r"\b(?:will not|does not|do not|never|wont|not) lets? (?:me|us) (?:leave(?: the house| home| him| her|(?= \||$))|go out|out of the house|see (?:my )?(?:friends|family|mum|dad|sister|brother)|have (?:my own|any) (?:money|friends|phone)|have money|work|get a job|speak to (?:anyone|my)|talk to (?:anyone|my))\b|\b(?:he|she|partner|husband|wife|boyfriend|girlfriend) (?:checks|reads|goes through|tracks|monitors|smashed|smashes|broke|takes) my (?:phone|messages|texts|emails|location|bank)\b|\b(?:he|she) (?:has|keeps|controls|takes) all (?:the|my|our) money\b|\bno one will believe (?:me|you)\b",
    ),
    (
        "sexual coercion",
        r"\b(?:forces|forced|forcing|makes|made|pressures|pressured|pressuring) (?:me|us) (?:to have sex|into (?:having )?sex|to do (?:sexual )?things|to sleep with)\b",
    ),
    (
        "abused by their partner",
        r"\b(?:is|are|was|were|being|been) (?:being )?(?:abused|beaten|hit|hurt|attacked|raped|threatened|controlled|strangled|assaulted|battered) by (?:her|his|their|my) (?:husband|wife|partner|boyfriend|girlfriend|ex|fella|son|daughter|son in law|daughter in law)\b",
    ),
)
