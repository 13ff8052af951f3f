"""Danger words: what a crisis guess by the classifier alone must find in the message to stand."""

from __future__ import annotations

# Patterns run on normalised, guarded text (see bot/nlu/crisis_rules/__init__.py), so a
# denial masked by a guard ("I'm not homeless") offers no danger word.
#
# The curated rules decide a crisis on their own. DIET may also guess a crisis topic for a
# message no rule matches; that guess stands only when the message names a danger of that
# topic, not just its subject: "gas" is a subject ("gas mark 6", "what gas does my car
# take"), "smell of gas" or "leak" is a danger. These lists are deliberately much wider than
# the rules: a word here does not raise an alarm, it only lets the classifier's guess stand.

#: Words showing someone is being harmed, threatened, neglected or afraid (several topics).
_HARM = (
    r"hit|hits|hitting|hurt|hurts|hurting|beat|beats|beating|beaten|punch\w*|kick|kicks|kicking|kicked|"
    r"slap\w*|smack\w*|push|pushes|pushed|shov\w*|strangl\w*|chok\w*|throttl\w*|abus\w*|violen\w*|"
    r"attack\w*|assault\w*|batter\w*|bruis\w*|black eye|injur\w*|rape|raped|sexual\w*|touch\w*|"
    r"threat\w*|scared|afraid|frightened|terrified|petrified|fear\w*|danger\w*|unsafe|not safe|"
    r"safe|safety|help me|police|999|emergency|urgent\w*|worried|worry|concern\w*|kill|killed|knife"
)

CUES: dict[str, str] = {
    "suicide_self_harm": (
        r"\b(?:die|dying|died|dead|death|suicid\w*|kill (?:me|my ?self)|killing (?:me|my ?self)|end it|end my|ending it|ending my|end things|"
        r"end everything|my life|live|living|alive|exist|existing|overdos\w*|pills|tablets|paracetamol|"
        r"cut|cuts|cutting|harm|harming|hurt|hurting|myself|herself|himself|hopeless\w*|pointless|"
        r"no point|cope|coping|give up|giving up|goodbye|worthless|burden|rope|hang|hanging|disappear\w*|"
        r"not be here|be gone|tired of|go on|carry on|keep going|dark thoughts|breaking down|breakdown|"
        r"despair\w*|desperate|nobody cares|no one cares|anymore|any more|unsafe|not safe|bridge|"
        r"jump (?:off|from|in front)|in front of a (?:train|bus|car|lorry)|crisis|samaritans|mental health|"
        r"depress\w*|anxious|anxiety|panic|self|nothing left|had enough|cannot take|can t take|too much|way out|"
        r"no future|without me|pain|suffer\w*|numb|empty|useless|failure|sleep forever|medication|meds|note|"
        r"struggl\w*|cannot do this|can t do this|sorry for everything|forgive me|plan|planned|planning|"
        r"razors?|blades?|bleed\w*|blood|scars?|wrists?|lonely|alone|sad|cry|crying|hate myself|hate my life|"
        # Everyday British ways of saying it without naming it.
        r"something (?:stupid|silly|daft)|(?:make|want|need) (?:it|everything|it all) (?:to )?stop|"
        r"future|way forward|point|hate|hates|i am done|done with|finished|over|gone|sleep|wake up|"
        r"this world|not worth|deserve|nobody|no one|noone|everyone|everybody|exhausted|broken|ready)\b"
    ),
    "gas_leak": (
        r"\b(?:(?:smel\w*|stink\w*|whiff|odour|odor|reek\w*|stench)(?! (?:of |like )?(?:burning|smoke|weed|"
        r"cannabis|sewage|drains|damp|mould|bins|rubbish|food|cooking|paint|petrol|diesel|oil|clutch)\b)|"
        r"leak\w*|escap\w*|hiss\w*|fumes|"
        r"monoxide(?! (?:alarm|detector|monitor|sensor)s?\b)|"
        r"(?:co|carbon monoxide|gas|co2) (?:alarm|detector|monitor|sensor)s? (?:\w+ ){0,3}?(?:going off|gone off|went off|"
        r"goes off|beep\w*|bleep\w*|sound\w*|ring\w*|flash\w*|screaming|alarming|keeps going)|rotten eggs?|eggy|"
        r"sulphur|sulfur|dizzy|dizziness|headaches?|drowsy|nause\w*|faint|passed out|evacuat\w*|explo\w*|"
        r"danger\w*|unsafe|not safe|emergency|urgent\w*|cannot breathe|can t breathe|poison\w*)\b"
    ),
    "safeguarding_concern": (
        rf"\b(?:{_HARM}|neglect\w*|hungry|starv\w*|no food|not fed|never fed|not being fed|dirty|filthy|"
        r"smelly|unwashed|alone|on (?:their|his|her|its) own|by (?:themselves|himself|herself)|unsupervised|"
        r"wander\w*|crying|screaming|screams|locked|left out|out all night|at night|cold|groom\w*|exploit\w*|"
        r"drugs|dealers|older (?:men|man|lads|boys)|missing|runaway|ran away|run away|marks|taking (?:her|his|their) money|"
        r"stealing|steals|stole|scam\w*|cuckoo\w*|no one (?:checks|looks|visits)|nobody (?:checks|looks|visits)|"
        r"not (?:looked after|cared for)|vulnerable|at risk|safeguard\w*|social services|social worker|"
        # The person at risk is named: for this topic DIET's guess rarely lands on unrelated text.
        r"child|children|kid|kids|baby|babies|toddlers?|little ones?|boy|boys|girl|girls|son|daughter|"
        r"teen\w*|youngsters?|pupils?|elderly|pensioners?|dementia|disabled|disability|learning|nan|"
        r"grandad|grandma|granny|neighbour|neighbours|carer|carers|care home)\b"
    ),
    "domestic_abuse": (
        rf"\b(?:{_HARM}|control\w*|coerc\w*|stalk\w*|follow\w*|harass\w*|(?:will|would|does|do) not let|"
        r"never lets?|not allowed|lock\w*|isolat\w*|escap\w*|flee\w*|leave (?:him|her)|refuge|injunction|"
        r"jealous\w*|checks my|tracks|tracking|belittl\w*|worthless|eggshells|temper|rage|aggressive|"
        r"shout\w*|scream\w*|yell\w*|spat|spit\w*|bully\w*|took my|takes my|money|bank card|phone|"
        r"makes me|made me|forces|forced|drunk|drinks|drinking|angry|anger|moods?|cry\w*|tears|calls me|"
        r"names|hid\w*|leave (?:him|her|my|the house)|leaving (?:him|her|my)|go out|my friends|my family|"
        r"keeps me|punish\w*|grab\w*|pinned|smash\w*|broke|throws|threw)\b"
    ),
    # Something failing, and someone or somewhere public it could hurt: "my fence fell down in
    # the wind" is a repair, "the wall fell onto the pavement" is a danger.
    "dangerous_structure": (
        r"(?=.*\b(?:collaps\w*|fall|falls|falling|fell|fallen|crack\w*|lean\w*|sway\w*|wobbl\w*|crumbl\w*|"
        r"unsafe|unstable|danger\w*|loose|hanging|dangling|exposed|live wires?|sparking|sparks|"
        r"blocking|came down|come down|coming down|gave way|giving way|give way|subsid\w*|sink ?hole|"
        r"debris|masonry|blown|blew|trapped|caved|caving|about to|bulg\w*|shak\w*)\b)"
        r"(?=.*\b(?:road|roads|street|pavement|path|footpath|lane|junction|bus stop|school|playground|park|"
        r"people|someone|somebody|anyone|children|kids|pedestrians|cars?|traffic|house|houses|home|flat|"
        r"flats|building|block|roof|balcony|stairs|stairwell|walkway|bridge|wires|cables|power lines?|"
        r"danger\w*|unsafe|emergency|urgent\w*|injur\w*|hurt|kill\w*|hit (?:someone|somebody|a car))\b)"
    ),
    "homelessness": (
        r"\b(?:homeless\w*|evict\w*|notice|section (?:21|8|twenty one|eight)|possession|bailiff\w*|"
        r"kicked (?:me|us) out|thrown out|threw (?:me|us) out|chucked (?:me|us)? ?out|"
        r"told (?:me|us) to (?:leave|go|get out)|have to leave|has to leave|got to leave|"
        r"must leave|need to leave|nowhere (?:else )?to (?:go|stay|live|sleep)|nowhere (?:else|tonight)|"
        r"anywhere to (?:go|stay|live|sleep)|somewhere to (?:go|stay|live|sleep)|place to (?:stay|live|sleep)|"
        r"rough|on the streets?|hostel|shelter|refuge|temporary accommodation|emergency (?:accommodation|housing)|"
        r"no home|lose (?:my|our) (?:home|house|flat)|losing (?:my|our) (?:home|house|flat)|"
        r"roof over|locked (?:me|us) out|changed the locks(?! for)|cannot stay|can t stay|tonight)\b"
    ),
}
