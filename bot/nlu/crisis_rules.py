"""Data for the crisis detector: text-speak, fuzzy keywords, guard phrases and per-topic rules."""

from __future__ import annotations

# Every pattern here runs on *normalised* text (see ``crisis.normalise``): lower
# case, ASCII letters and digits, single spaces, no punctuation, contractions and
# text-speak expanded ("im" -> "i am", "dont" -> "do not", "wanna" -> "want to"),
# family words folded ("mam" -> "mum", "step dad" -> "stepdad", "bf" -> "boyfriend").
# Sentence ends (. ! ? ; new line) become " | ", so a phrase cannot run across
# them. A rule that looks past its phrase ("(?!" or "(?=") is also tried on a
# reading where commas and colons are breaks too; "(?= \||$)" means "then the
# clause ends".

# --- Normalisation tables -------------------------------------------------

#: One token (after apostrophes inside words are dropped) -> its replacement.
TEXT_SPEAK: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "cannot",
    "cnt": "cannot",
    "wont": "will not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "aint": "is not",
    "theres": "there is",
    "thats": "that is",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "youre": "you are",
    "whats": "what is",
    "whos": "who is",
    "wheres": "where is",
    "weve": "we have",
    "theyve": "they have",
    "youve": "you have",
    "wanna": "want to",
    "wana": "want to",
    "wannna": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gunna": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "dunno": "do not know",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "cus": "because",
    "bc": "because",
    "bcoz": "because",
    "abt": "about",
    "tho": "though",
    "rn": "right now",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "b4": "before",
    "gr8": "great",
    "h8": "hate",
    "l8r": "later",
    "m8": "mate",
    "m8s": "mates",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "no1": "no one",
    "every1": "everyone",
    "nuffin": "nothing",
    "nothin": "nothing",
    "nuthin": "nothing",
    "wiv": "with",
    "luv": "love",
    "mi": "my",
    "smth": "something",
    "kms": "kill myself",
    "od": "overdose",
    "oding": "overdosing",
    "s21": "section 21",
    "s8": "section 8",
    "nsp": "notice seeking possession",
    "dv": "domestic violence",
    "bf": "boyfriend",
    "bfs": "boyfriends",
    "gf": "girlfriend",
    "gfs": "girlfriends",
    "hubby": "husband",
    "hubbie": "husband",
    "sis": "sister",
    "mam": "mum",
    "mom": "mum",
    "mommy": "mum",
    "mummy": "mum",
    "mother": "mum",
    "mams": "mums",
    "moms": "mums",
    "mummys": "mums",
    "mothers": "mums",
    "daddy": "dad",
    "father": "dad",
    "daddys": "dads",
    "fathers": "dads",
    "stepfather": "stepdad",
    "stepmom": "stepmum",
    "stepmam": "stepmum",
    "stepmother": "stepmum",
    "nana": "nan",
    "nanna": "nan",
    "gran": "nan",
    "granny": "nan",
    "grandma": "nan",
    "grandmother": "nan",
    "nans": "nans",
    "grandpa": "grandad",
    "granddad": "grandad",
    "grandfather": "grandad",
    "gramps": "grandad",
    "kiddies": "kids",
    "kiddos": "kids",
    "bout": "about",
    "goin": "going",
    "doin": "doing",
    "bein": "being",
    "dyin": "dying",
    "oded": "overdosed",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "anymore": "anymore",
}

#: Multi-word folds applied after the token table (regex -> replacement).
PHRASE_SPEAK: tuple[tuple[str, str], ...] = (
    (r"\bstep (?:dad|father)\b", "stepdad"),
    (r"\bstep (?:mum|mother)\b", "stepmum"),
    (r"\bmy self\b", "myself"),
    (r"\bany more\b", "anymore"),
    (r"\bno where\b", "nowhere"),
    (r"\bcan not\b", "cannot"),
    (r"\bi m\b", "i am"),
    (r"\b(want|wants|going|got|need|needs|have|has|like|ready|try|trying) 2\b", r"\1 to"),
)

#: "me mam" is often "my mum"; but "he hit me dad" may not be, so detection tries both readings.
POSSESSIVE_ME = r"\bme(?= (?:mum|mums|dad|dads|stepdad|stepmum|nan|grandad|husband|boyfriend|girlfriend|partner|ex|brother|sister|kids|son|daughter)\b)"

#: Rewrites applied before apostrophes inside words are dropped ("OD'd" would become "odd").
BEFORE_APOSTROPHES: tuple[tuple[str, str], ...] = (
    (r"\bod'(?:d|ed)\b", "overdosed"),
    (r"\b(he|she|i|we|they|you|it|that|who)'ll\b", r"\1 will"),  # "he'll" is not "hell"
)

#: Real words ending in consonant + "in" that must not gain a "g".
G_DROP_EXCEPTIONS: frozenset[str] = frozenset(
    """
admin basin begin cabin cousin raisin satin latin robin margin napkin pumpkin muffin coffin
puffin dolphin goblin violin mandolin javelin gremlin bulletin pangolin origin vitamin insulin
aspirin toxin resin rosin cumin tannin within chagrin catkin gherkin bumpkin bodkin jerkin
firkin berlin dublin kevin martin justin austin colin darwin lenin gavin calvin marvin erwin
edwin merlin bobbin cretin muslin poplin florin griffin bitcoin heroin login plugin checkin
kelvin franklin benjamin
""".split()
)

# --- Fuzzy spelling ---------------------------------------------------------

#: Distinctive crisis words a misspelt token (length >= 5) may be corrected to.
FUZZY_KEYWORDS: frozenset[str] = frozenset(
    """
suicide suicidal myself herself himself themselves overdose overdosed overdosing
paracetamol tablets unalive anymore living wrists harming cutting strangled strangling
strangles choked choking monoxide carbon alarm rotten leaking hissing evicted eviction
evicting homeless homelessness possession surfing sleeping tonight nowhere
landlord abused abusing abusive neglected neglecting neglect groomed grooming exploited
exploitation cuckooing domestic violence violent coercive controlling controls threatening
threatened threatens boyfriend girlfriend husband stepdad partner collapse collapsed
collapsing collapses scaffolding sinkhole masonry exposed crumbling leaning falling fallen
dangling sparking ceiling chimney balcony building punched punches punching kicking slapped
beating starving bruises hungry frightened scared
""".split()
)

#: Real words near a keyword that must never be "corrected" to it.
PROTECTED_WORDS: frozenset[str] = frozenset(
    """
loving lovely lived lives liver liking lining overdone overdue overdues amused amuses
amusing abuse abuses abuser cuttings putting sitting setting bearing beaming belting
heating hearing seating learning leasing leaving lending leading leaping loading loaning
landed landline landlady landlords alarms alarmed carton cartons canon hissed kissing
missing hosing sweeping slipping steeping seeing seeding section sections selection
session suction seeker seekers tonights scarf scarce scares scarred shared scaled sacred
hunger hungary hungrily bruiser founded failing filling felling follow fallow ceilings
chimneys buildings builder builds balconies pouches pinched pinches lunches control
controlled controller patrol partners parties husbands boyfriends girlfriends stepped
exposure exposes expose expos opposed violet violin threaten themself dazzling mangling
sparkling sparring starting starring staring sharing warming charming farming harmony
hamming harking selfie ourself yourself colleague collage college collect collected
cleaning tables tablet swapped possessive possessions exploration cooking cooked coked
choker grooved crumpling rotted writs wrist scored snapped struggling
""".split()
)

# --- Reusable fragments -----------------------------------------------------

_SELF = r"(?:myself|herself|himself|themselves|themself|ourselves)"
_PILLS = r"(?:pills|tablets|paracetamol|meds|medication|medicine|sleeping pills|painkillers|antidepressants|insulin)"
_CHILD = (
    r"(?:child|children|kid|kids|baby|babies|toddler|toddlers|little one|little ones|infant|newborn|"
    r"little boy|little girl|boy|boys|girl|girls|son|daughter|grandson|granddaughter|grandkids|grandchildren|"
    r"niece|nephew|teenager|teenagers|youngster|youngsters|brother|sister|little brother|little sister|"
    r"step ?son|step ?daughter|pupil|kids next door|children next door)"
)
_VULNERABLE = (
    r"(?:nan|nans|grandad|elderly \w+|old (?:man|woman|lady|gentleman|fella|boy|girl|neighbour|couple)|"
    r"disabled \w+|vulnerable \w+|pensioner|neighbour with dementia|mum with dementia|dad with dementia|"
    r"my mum|my dad|aunt|auntie|uncle|brother|sister)"
)
_HARMS_CHILD = (
    r"(?:hits|hit|hitting|beats|beat|beating|abuses|abused|abusing|neglects|neglecting|neglected|hurts|hurting|"
    r"starves|starving|smacks|slaps|punches|kicks|kicking|shakes|shaking|shook|locks|locking|burns|burning|"
    r"touches|touched|touching|grooming|exploiting|batters|battering|screams at|throws things at)"
)
_WHERE = (
    r"(?: (?:next door|upstairs|downstairs|over the road|across the (?:road|street|landing|hall)|opposite|"
    r"in flat \w+|at number \w+|in number \w+|on (?:my|our|the) (?:street|road|estate|landing)|in (?:my|our|the) (?:street|road|block|building|close|estate|flats)|in the flat (?:above|below|next door)))"
)
_CARER = r"(?:carer|carers|care worker|care workers|home help|support worker|care staff|nurse)"
_PARENT = (
    r"(?:(?:mums |dads )?(?:dad|stepdad|mum|stepmum)|mums (?:boyfriend|partner|husband|fella)|dads (?:girlfriend|partner|wife)|"
    r"parents|foster (?:mum|dad|carer|parents)|carer|uncle|auntie|aunt|nan|grandad|babysitter|childminder|"
    r"teacher|coach|brother|sister|big brother|big sister|cousin)"
)
_PARTNER = (
    r"(?:husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|ex|ex husband|ex wife|ex partner|"
    r"ex boyfriend|ex girlfriend|son in law|daughter in law|other half|spouse|baby dad|baby daddy|babys dad|baby father|babys father|"
    r"baby mum|babys mum|missus|fella|son|daughter|grown up son|adult son|adult daughter|grandson|"
    r"stepson|in laws|father in law|mother in law|brother in law|sister in law|family|relatives|brother|sister|cousin|uncle|"
    r"auntie|aunt|nephew|niece|granddaughter)"
)
_HURT_PAST_PRESENT = (
    r"(?:hit|hits|hitting|beat|beats|beating|beaten|punch|punches|punched|punching|kick|kicks|kicked|kicking|"
    r"slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|choke|chokes|choked|choking|strangle|"
    r"strangles|strangled|strangling|throttle|throttles|throttled|push|pushes|pushed|shove|shoves|shoved|"
    r"hurt|hurts|hurting|abuse|abuses|abused|abusing|rape|rapes|raped|attack|attacks|attacked|assault|"
    r"assaults|assaulted|batter|batters|battered|bite|bites|bit|burn|burns|burnt|burned|headbutt|headbutted|"
    r"threaten|threatens|threatened|threatening|stab|stabbed|stalk|stalks|stalking|stalked|spat on|"
    r"throws things at|threw things at|knocks|knocked)"
)
_CHILD_HARM = (
    r"(?:(?:hits?|hitting|hurts?|hurting|beats?|beating|kicks?|kicking|punch\w*|slap\w*|smack\w*|touch(?:es|ed|ing)?) "
    r"(?:me|us|my|her|him)|beat me up|abus\w*|not safe|unsafe|(?:do not|never) feel safe|kicked me out|threw me out|"
    r"thrown out|locked (?:me )?in|no food|nothing to eat|(?:does not|do not|never|will not) feed (?:me|us)|(?:always|so|really|very) hungry|(?:i am|we are) (?:so |really |very |always )?(?:hungry|starving)|not (?:been |being )?fed|"
    r"(?:scared|frightened|afraid|terrified) (?:of (?:my|him|her|them|going home|being at home)|to go home|at home|to go back)|"
    r"run away|ran away|running away|nowhere to (?:go|sleep|stay|live)|bruises?|groom\w*|nudes|naked|pictures of me|"
    r"sexual\w*|home alone|on my own for days|left alone)"
)
_MINOR_AGE = r"(?:[5-9]|1[0-7]|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
_NOT_AN_AGE = r"(?! ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|pounds?|quid|p\b|percent|am|pm|o clock|miles?|doors?|houses?|flats?|floors?|bags?|bins?|times?|of|x|people|items?|cars?))"
_HOMES = (
    r"(?:home|house|flat|place|room|accommodation|bedsit|digs|hostel|tenancy|family home|parents|parents house|"
    r"mums|mums house|dads|dads house|nans|nans house|partners|boyfriends|girlfriends|property|b b|bnb|b and b|"
    r"bed and breakfast|hotel|temporary accommodation|refuge|shelter|caravan|houseboat|boat|lodgings|supported housing|halls)"
)
#: After "kicked me out": anything but "of/from" a place that is not a home ("out of school").
_OUT_OF_HOME = (
    rf"\b(?! (?:of|from) (?!(?:my |our |the |his |her |their |a )?(?:\w+ ){{0,2}}?{_HOMES}\b))"
)

# --- Guards ---------------------------------------------------------------

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
        rf"\bevict\w* (?:notice )?(?:of|from) (?!(?:my |our |the |his |her |their |a )?(?:\w+ ){{0,2}}?{_HOMES}\b)(?:\w+ ){{0,2}}\w+|\b(?:allotment|garage|stall|pitch) evict\w*\b",
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

# --- Rules (name, pattern), per crisis intent ---------------------------------

RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "suicide_self_harm": (
        ("mentions suicide", r"\bsuicid(?:e|es|al|ally|ality)\b"),
        (
            "killing oneself",
            rf"\b(?:kill|kills|killing|killed|kil|top|topping|topped|off|offing) {_SELF}\b",
        ),
        ("unalive", r"\bun ?aliv(?:e|es|ed|ing)\b"),
        (
            "wants to die",
            r"\b(?:want|wants|wanted|wanting|wish|wishes|wishing|ready|desperate|deserve|deserves|long|longing|pray|praying) (?:to )?die\b",
        ),
        (
            "wishes they were dead",
            r"\b(?:wish|wishes|wished) (?:i|she|he|they|that i) (?:was|were|had|could|would|wasnt|was not|were not|had never|never)(?: just)? (?:dead|die|gone for good|never been born|not born|not alive|not here|not wake up|disappear forever|go to sleep and never wake up)\b",
        ),
        (
            "better off dead",
            r"\b(?:better off dead|better off without me|better off if i (?:was|were) (?:dead|gone)|be better if i (?:was|were) (?:dead|gone)|want to be dead|hope i (?:die|do not wake up)|better off not (?:being here|being alive|being around|existing|here|alive|around)|better off gone|better off if i (?:was|were) not (?:here|around|alive))\b",
        ),
        (
            "ending their life",
            r"\b(?:end|ending|ended|take|taking|took) (?:my|his|her|their) (?:own )?(?:life|lives)\b",
        ),
        (
            "end it all",
            r"\b(?:end|ending) it all\b|\b(?:(?:want|wants|going|ready|planning|plan|plans|about|decided|deciding|thinking about how) to end|(?:feel like|feeling like|thinking of|thinking about|think about|considering|contemplating|about) ending) (?:it|things|everything)\b(?! (?:with|for|by|off|early|on good terms)\b)",
        ),
        (
            "does not want to live",
            r"\b(?:do not|does not|did not|not|never|no longer) (?:want|wanting|wish|wishing) to (?:live|be alive|exist|wake up|be on this earth|be in this world)\b|\b(?:want|wants|wish|wishing) to not (?:live|be alive|exist|wake up|be here anymore)\b",
        ),
        (
            "does not want to be here",
            r"\b(?:do not|does not|not|no longer) want to be (?:here|around)(?: (?:anymore|any longer|no more|no longer|now|tomorrow|on this earth|in this world)\b|(?= \||$))",
        ),
        (
            "no point living",
            r"\b(?:no|not see (?:the|any)|see no|lost the|what is the) (?:point|reason|purpose) (?:in |to |of )?(?:living|life|being alive|staying alive|going on|carrying on|existing|anymore|in anything|to anything|to life|to live|of living|in being here|me being here)\b",
        ),
        (
            "nothing to live for",
            r"\b(?:nothing|no one|nobody) (?:left )?to live for\b|\b(?:life|living|lifes|life s) (?:is not|is|isnt|aint|not)? ?(?:not )?worth (?:living|it anymore|it any more)\b|\bnot worth living\b|\bwhat is the point (?:of|in) (?:living|life|being alive|going on|me being here)\b",
        ),
        (
            "tired of living",
            r"\b(?:tired|sick|done|fed up|finished|had enough|had it) (?:of|with) (?:living|life|being alive|existing|it all)\b|\bgiv(?:e|en|ing) up on (?:life|living)\b",
        ),
        (
            "cannot go on",
            r"\bcannot (?:go on|carry on|keep going) (?:anymore|any longer|living|with life)\b",
        ),
        ("overdose", r"\boverdos(?:e|ed|es|ing)\b"),
        (
            "took too many pills",
            rf"\b(?:take|takes|taking|took|taken|swallow|swallowed|swallowing|down|downed|necked|save|saving|saved|stockpile|stockpiling|hoard|hoarding) (?:all |a load of |a bottle of |a handful of |a packet of |a box of |too many |all of |all the |up |up my |every one of |a whole (?:box|packet|bottle) of )(?:(?:my|the|her|his|their) (?:\w+s )?)?{_PILLS}\b",
        ),
        ("self-harm", r"\bself (?:harm|harms|harmed|harming|injury|injuring|injure|injures)\b"),
        (
            "hurting themself",
            rf"\b(?:hurting|harming|cutting|burning|punishing|starving|scratching|stabbing|harm|harms|harmed) {_SELF}\b",
        ),
        (
            "urge to hurt themself",
            rf"\b(?:want|wants|wanted|wanting|going|urge|urges|tempted|trying|try|tried|might|will|start|started|starting|feel like|thinking of|thinking about|about|keep|kept|stop|stopping|not) (?:to )?(?:myself from )?(?:hurt|harm|cut|burn|stab|starve|punish) {_SELF}\b",
        ),
        (
            "cutting",
            rf"\bcut {_SELF} (?:again|on purpose|deliberately|last night|every night|to cope)\b|\b(?:cut|cutting|slit|slitting|slash|slashing) (?:my|her|his|their) (?:wrists?|arms?|thighs?|legs?|skin)\b|\bcuts on (?:my|her|his) (?:wrists?|arms?|thighs?|legs?)\b|\b(?:started|cannot stop|cant stop|can not stop|stop myself) (?:cutting|self harming|hurting myself|harming myself)\b(?! (?:the|my|back|down|hedges?|grass|trees?|it)\b)",
        ),
        (
            "plans to jump",
            r"\b(?:jump|jumping|jumped|throw myself|throwing myself|leap|leaping) (?:off|from) (?:a |the |this |that |my |our |top of the |the top of (?:a |the )?)?(?:bridge|building|roof|cliff|multi ?storey|car park|balcony|tower|block|flats|motorway bridge|viaduct)\b|\b(?:jump|jumping|throw myself|throwing myself|step|stepping|walk|walking|lie|lying) (?:in front of|under) (?:a |the )?(?:train|trains|bus|lorry|car|traffic|truck|van|tram)\b|\b(?:jump|walk|throw myself|drown myself) into (?:the )?(?:river|canal|sea|traffic|lake|reservoir)\b|\b(?:on|at) the edge of (?:a |the )?(?:bridge|roof|cliff|building|car park)\b",
        ),
        (
            "hanging",
            rf"\bhang(?:ing|ed)? {_SELF}\b|\b(?:a|the) (?:rope|noose) (?:ready|for myself|to hang)\b|\btied a noose\b",
        ),
        (
            "suicide note",
            r"\b(?:written|wrote|writing|write|left|leaving) (?:a|my) (?:suicide |goodbye )?(?:note|letter) (?:for|to) (?:my|the|everyone)\b|\b(?:goodbye|suicide|farewell) (?:notes?|letters?)\b(?! (?:from|for) (?:the|a|our) (?:team|office|colleague|manager|staff|boss))",
        ),
        (
            "rope or noose",
            r"\b(?:rope|noose|ligature)\b.{0,60}\b(?:use it|hang|my neck|ready for me|do it)\b",
        ),
        (
            "took a large number of pills",
            rf"\b(?:took|taken|swallowed|downed|necked|had) (?:\d\d+|twenty|thirty|forty|fifty|sixty|a hundred|loads of|lots of|dozens of) (?:of )?(?:my |the )?{_PILLS}\b",
        ),
        (
            "sleep and never wake",
            r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b|\b(?:never|not) (?:to )?wake up again\b",
        ),
        (
            "nobody would miss me",
            r"\b(?:nobody|no one|noone) (?:would|will|is going to) (?:miss me|notice if i (?:was|were|am) gone|care if i (?:died|was dead|was gone|were gone|killed))\b",
        ),
        (
            "on a ledge or bridge",
            r"\b(?:standing|stood|sitting|sat|stand) on (?:the |a )?(?:ledge|edge|bridge|cliff edge|roof of (?:the|a) (?:building|car park|flats)|railway line|train tracks)\b",
        ),
        (
            "wants life to end",
            r"\b(?:want|wish|need) (?:my life|everything|it all|life) to (?:end|be over|stop)\b|\blife\b.{0,30}\bwant it (?:all )?to (?:end|be over|stop)\b",
        ),
        (
            "cutting again",
            r"\b(?:i have been|i am|i started|started|been|i keep|keep|i was|she has been|he has been|she is|he is) cutting (?:again|myself|herself|himself|every day|every night)\b",
        ),
        (
            "wants to stop existing",
            r"\b(?:want|wants|wish|wishing|wanting|need) (?:to|i could) (?:just )?(?:sleep forever|disappear forever|not exist|stop existing|cease to exist|not be alive|be gone forever|never wake up)\b",
        ),
        (
            "means saved to end it",
            rf"\b(?:{_PILLS}|rope|noose|blade|blades|razor|razors) (?:saved|stockpiled|hoarded|ready|put aside)\b|\b(?:{_PILLS}|rope|noose|blade|blades|razor|razors|plan|way)\b.{{0,30}}\bto end (?:it|it all|things|everything|my life)\b",
        ),
        (
            "going to jump",
            r"\b(?:going to|about to|want to|ready to|will|gonna) jump(?: (?:off|from|tonight|now|today|soon|and end)\b|(?= \||$))",
        ),
        (
            "I will end it",
            r"\bi (?:will |am going to |am gonna |shall |should |could |might |just |finally )?end it\b(?! (?:with|for|by|off|early|on good terms|all right)\b)",
        ),
        (
            "will not be around much longer",
            r"\b(?:not going to|will not|not gonna|wont|never going to) be (?:around|here|alive) (?:much longer|for much longer|for long|anymore|by (?:tomorrow|the morning|morning))\b",
        ),
        (
            "self-harm to cope",
            rf"\b(?:burn|cut|hurt|harm|scratch|hit|punch|starve|punish) {_SELF} (?:to cope|on purpose|deliberately|every (?:day|night|time)|when (?:i|she|he) (?:am|is|feel|feels|get|gets)|because|so (?:i|that)|to feel|to stop)\b",
        ),
        (
            "final goodbye",
            r"\b(?:saying|said|says|say|sent|texted|messaged) (?:\w+ ){0,3}?goodbye (?:forever|for good|to everyone|to the world)\b|\b(?:final|last) goodbye\b",
        ),
        (
            "cannot carry on living",
            r"\b(?:cannot|not|no longer|never)\b.{0,25}\b(?:carry on|go on|keep on|keep going|continue) (?:living|with (?:my )?life)\b",
        ),
    ),
    "gas_leak": (
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
    ),
    "safeguarding_concern": (
        (
            "child being harmed",
            rf"\b{_CHILD}{_WHERE}? (?:is |are |was |were |has been |have been |keeps getting |keep getting |always |often |not |being |getting |gets |get )+(?:hit|beaten|abused|neglected|hurt|starved|smacked|slapped|punched|kicked|shaken|burned|burnt|locked in|locked out|touched|groomed|exploited|battered|thrown|not fed|not being fed|never fed|covered in bruises|covered in marks|crying for hours|screaming for hours|going hungry|always hungry|starving all the time|unsupervised all day)\b(?! by (?:her|his|their) (?:husband|wife|partner|boyfriend|girlfriend|ex|fella))(?! by (?:a|an|the) (?:ball|football|car|bus|bike|bicycle|cyclist|van|lorry|vehicle|scooter|swing|branch|door|stone|rock|snowball|frisbee|cricket ball|golf ball|bin|wheelie bin)\b)",
        ),
        (
            "someone harming a child",
            rf"\b(?<!husband )(?<!partner )(?<!boyfriend )(?<! in law )(?<!husband is )(?<!partner is )(?<!boyfriend is )(?<! in law is ){_HARMS_CHILD} (?:the |her |his |their |my |our |a |them |those )?(?:little |young |poor |own |tiny |baby )?{_CHILD}\b|\b{_HARMS_CHILD} (?:the |her |his |their |my |our |a |them |those )?(?:little |young |poor |own |tiny )?(?:kids|children|baby|babies|toddler|toddlers|little ones?|infant|newborn)\b",
        ),
        (
            "child being hurt (passive)",
            rf"\b{_CHILD}\b.{{0,80}}\b(?:is|are) (?:being|getting) (?:hit|beaten|abused|hurt|neglected|smacked|starved|slapped|punched|battered|touched)\b(?! by (?:her|his|their) (?:husband|wife|partner|boyfriend|girlfriend|ex|fella))|\b(?:hit|beaten|hurt|abused|smacked|punched|kicked|slapped|touched|starved|battered|locked in|locked up|thrown out) by (?:my|our|her|his|their) {_PARENT}\b",
        ),
        (
            "someones parent hurting them",
            rf"\b(?:my friends|her|his|their|a friends|my mates) {_PARENT} (?:keeps |always |still |has |often |sometimes |has been )*(?:hits|hit|hitting|beats|beat|beating|hurts|hurting|kicks|punches|punched|slaps|slapped|smacks|smacked|abuses|abused|touches|touched|starves|locks|batters|battered) (?:her|him|them)\b",
        ),
        (
            "made to sell drugs",
            r"\b(?:made|forced|forcing|making|used|being used|pressured|groomed|getting|gets|get|using|uses|paying|pays|recruiting) (?:(?:kids|children|teenagers|young people|youngsters|him|her|them|my son|my daughter|boys|girls|lads) )?to (?:sell|deal|deliver|carry|run|hold|move|stash) (?:drugs|packages|parcels|weed|gear)\b",
        ),
        (
            "child left alone",
            rf"\b(?:left|leaves|leaving|leave) (?:the |her |his |their |my |our |a |them |those )?(?:little |young |tiny )?{_CHILD} (?:alone|home alone|on (?:their|his|her) own|in the car|unattended|outside all night|crying|outside|out in the cold|on the balcony|locked out)\b|\b{_CHILD}{_WHERE}? (?:are |is |were |was |been |being |keeps being |keep being |always |often |has |have )*(?:left (?:home )?alone|left on (?:their|his|her|its) own|left unattended|(?:home )?alone (?:all|for days|for hours|again|every|overnight|at night|a lot|most)|on (?:their|his|her) own (?:all|for days|for hours|every|overnight|at night))\b",
        ),
        (
            "child neglect",
            rf"\b(?:child|self|elder|elderly) (?:neglect|abuse|cruelty|exploitation|protection)\b|\bneglect\w* (?:the |her |his |their |my |our |of (?:a |the |their |her |his |my )?)?(?:elderly |disabled |vulnerable |old )?(?:kids|children|child|baby|babies|nan|grandad|elderly|toddler|mum|dad|son|daughter|brother|sister|residents|patients|\w+ with dementia)\b|\b{_CHILD}\b.{{0,60}}\b(?:neglect\w*|underfed|malnourished|half starved|filthy and hungry|dirty and hungry|never (?:go|goes|at|in) (?:to )?school)\b",
        ),
        (
            "parent or carer hurting me",
            rf"\b(?:my|our) {_PARENT} (?:keeps |always |still |has |just |often |sometimes |is |has been )*(?:hits|hit|hitting|beats|beat|beating|hurts|hurt|hurting|kicks|kicked|kicking|punches|punched|punching|slaps|slapped|slapping|smacks|smacked|burns|burnt|touches|touched|touching|abuses|abused|abusing|starves|locks|locked|chokes|choked|strangles|strangled|shakes|shook|throws things at|threw things at|batters|battered) (?:me|us|my (?:little |baby |big )?(?:brother|sister|brothers|sisters)|me and my \w+)\b(?! out\b(?! of\b))",
        ),
        (
            "child scared of parent",
            rf"\b(?:i am|we are|she is|he is) (?:so |really |very )?(?:scared|frightened|afraid|terrified) of (?:my|our|her|his) {_PARENT}\b",
        ),
        (
            "child not fed or left",
            r"\b(?:mum|dad|stepdad|stepmum|parents|carer|foster \w+)s? (?:do not |does not |did not |never |will not |has not |have not |is not |are not )?(?:feed|feeds|fed|feeding|come home|came home|been home|looked after|look after|looking after) (?:me|us)?\b.{0,25}\b(?:for (?:days|ages|two days|three days|a week|\d+ days)|properly|at all|any food|anything to eat)\b|\b(?:there is |we have |i have |have )no food (?:in the house|at home|for (?:days|ages|me|us))\b|\bhas not (?:been|come) home (?:for|in) (?:days|ages|two days|three days|a week|\d+ days)\b",
        ),
        (
            "a child writing about harm",
            rf"\b(?:i am|i am only) {_MINOR_AGE}{_NOT_AN_AGE}(?: years old| year old| yrs old| yrs| yo)?\b.{{0,100}}\b{_CHILD_HARM}\b|\b{_CHILD_HARM}\b.{{0,80}}\bi am (?:only )?{_MINOR_AGE}{_NOT_AN_AGE}(?: years old| year old| yrs old| yrs| yo)?\b",
        ),
        (
            "carer harming someone",
            rf"\b{_CARER} (?:is |are |was |has been |keeps |keep |has |have )*(?:(?:steals|stealing|stole|takes|taking|took|has taken|keeps) (?:all )?(?:of )?(?:my |her |his |their |the )?(?:\w+ )?(?:money|pension|savings|bank card|cards|cash|jewellery|medication|meds)|steals|stealing|stole|stolen|hits|hitting|hit|hurts|hurting|hurt|shouts at|shouting at|swears at|abuses|abusing|abused|neglects|neglecting|neglected|slaps|slapping|slapped|pushes|pushing|pushed|rough with|locks|locking|locked|ignores|ignoring|scares|frightening|bullies|bullying|pinches|pinching|leaves (?:her|him|them) (?:alone|in|without)|left (?:her|him|them) (?:alone|in|without))\b",
        ),
        (
            "carer not turning up",
            rf"\b{_CARER} (?:does not|doesnt|do not|often does not|keeps not|never) (?:turn up|come|show up)\b|\b{_CARER} (?:has|have)? ?(?:not|never) (?:turned up|come|came|been|visited|shown up)\b.{{0,40}}\b(?:days|week|weeks|cannot get out of bed|no food|not eaten|on the floor)\b",
        ),
        (
            "vulnerable adult abused or exploited",
            rf"\b{_VULNERABLE} (?:is |are |was |has been |being |keeps |keep |getting |gets )+(?:abused|neglected|exploited|hit|beaten|scammed|robbed|stolen from|taken advantage of|financially abused|cuckooed|locked in|left alone for days|not fed|starved)\b|\b(?:taking|taken|takes|took) advantage of (?:my |an? |the |our )?(?:nan|grandad|elderly|old|vulnerable|disabled|neighbour|uncle|aunt|brother|sister)\b|\b(?:financial|financially|elder|sexual|sexually|physical) abus\w*\b.{{0,40}}\b(?:nan|grandad|elderly|old|vulnerable|disabled|dementia|child|kids|children|carer)\b",
        ),
        (
            "worried about a neighbours children",
            rf"\b(?:worried|concerned|scared|frightened|worry|concern|concerns) (?:about|for) (?:the |my |our |a |those |these )?(?:\w+ )?(?:{_CHILD}|neighbours kids|neighbours children|kids|children|baby|old lady|old man|elderly \w+|neighbour)\b (?:next door|upstairs|downstairs|across the (?:road|street|landing|hall)|over the road|opposite|in the flat|in flat \w+|on (?:my|our|the) (?:street|road|landing|estate)|in (?:my|our|the) (?:street|road|block|building|close|estate|flats)|who live|who lives|that live|that lives|at number \w+|in number \w+)\b",
        ),
        (
            "neighbour not seen",
            r"\b(?:have not|not|has not|no one has|nobody has) (?:seen|heard from|heard) (?:my |the |our )?(?:elderly |old |vulnerable |disabled )?(?:neighbour|lady next door|man next door|old lady|old man)\b.{0,40}\b(?:days|week|weeks|ages)\b",
        ),
        (
            "grooming or exploitation",
            rf"\b(?:groomed|grooming|groom)\b|\bcounty lines\b|\bcuckoo(?:ing|ed)\b|\bmodern slavery\b|\btraffick\w*\b|\b(?:criminal|sexual|sexually|child) exploit\w*\b|\b{_CHILD}\b.{{0,25}}\bexploit\w*\b|\bexploit\w* (?:the |my |our |a |young |local )?(?:{_CHILD}|young people|teenagers|vulnerable \w+)\b|\b(?:older|grown|adult|\d\d year old) (?:man|men|woman|women|adult|adults|lad|lads) .{{0,50}}\b(?:messag\w*|texting|texts|talking to|giving|picking up|gifts?|money|snapchat|dms|following)\b.{{0,30}}\b(?:(?:my|her|his|their|a|our|the|local|young) )?(?:\d+ year old |young |little )?(?:daughter|son|child|children|kid|kids|girl|girls|boy|boys|teenagers?|niece|nephew|granddaughter|grandson)\b|\b(?:asked|asking|asks|made|making|makes|forcing|forced) (?:me|her|him|my \w+) (?:for|to send|to take|to carry|to sell|to deliver|to hold) (?:nudes|naked|pics|pictures|photos|drugs|packages|parcels)\b|\b(?:sending|sent|sends) (?:me|her|him|my \w+) (?:nudes|naked pictures|naked photos|dirty pictures|sexual \w+)\b|\b(?:drug dealers|dealers|gang|gangs) .{{0,30}}\b(?:using|recruiting|grooming|targeting) (?:the |local )?(?:kids|children|teenagers|young people|youngsters)\b",
        ),
        (
            "touched inappropriately",
            r"\b(?:touches|touched|touching|feels|felt) (?:me|her|him|my \w+) (?:inappropriately|down there|in my private|where|on my private|under my|under her)\b|\b(?:inappropriate|sexual) touching\b|\b(?:makes|made|making) me keep (?:it )?(?:a )?secrets?\b",
        ),
        (
            "safeguarding named",
            r"\bsafeguard\w*\b|\bchild protection\b|\b(?:vulnerable adult|adult at risk|child at risk|children at risk|child in danger|children in danger)\b",
        ),
        (
            "someone harming a vulnerable person",
            r"\b(?:abusing|abuses|abused|neglecting|neglects|exploiting|exploits|hurting|hurts|hitting|hits|beating|beats|robbing|scamming|stealing from|bullying) (?:my|our|her|his|the|a|an|their) (?:disabled|vulnerable|elderly|old|autistic|frail|blind|deaf|poorly|little|young|learning disabled) \w+\b",
        ),
        (
            "adult giving a child gifts",
            r"\b(?:man|men|woman|women|adult|adults|older \w+|lads|gang|guy|guys|bloke|blokes|stranger|strangers)\b.{0,30}\b(?:giving|gives|gave|buying|buys|bought|offering|offers) (?:my|our|the|her|his|their) (?:\w+ )?(?:son|daughter|kids|child|children|boy|girl|grandson|granddaughter|niece|nephew|teenager|teenagers) (?:money|cash|gifts|presents|lifts|a phone|phones|trainers|drugs|alcohol|drink|cigarettes|weed|vapes|clothes)\b",
        ),
        (
            "child left in a car",
            r"\b(?:(?:a|the|her|his|their) )?(?:baby|toddler|child|children|kids|kid|little one|infant) (?:has been |have been |was |were |is |are |being |been )?left (?:alone |on (?:its|their|his|her) own )?(?:in|inside) (?:a|the) (?:hot )?car\b",
        ),
        (
            "vulnerable person being abused",
            r"\b(?:old|elderly|disabled|vulnerable|frail|dementia|child|kid|baby|boy|girl|toddler|teenager|nan|grandad|pensioner)\b.{0,60}\b(?:is|are) being (?:abused|neglected|exploited|(?:financially|sexually|physically|emotionally|criminally) (?:abused|exploited)|taken advantage of|beaten|hit|hurt|robbed|scammed|controlled|bullied|threatened|kept locked in)\b",
        ),
        (
            "child not fed or cared for",
            rf"\b{_CHILD}\b.{{0,60}}\b(?:never|not|rarely|hardly ever|barely) (?:seems to be |seem to be |gets? |getting |being |been |is |are )?(?:fed|feed|given food|given anything to eat|washed|clean|looked after|supervised)\b",
        ),
        (
            "child with bruises",
            rf"\b(?<!my )(?<!our ){_CHILD}{_WHERE}? (?:always |often |keeps |has |have |had |turned up with |came to school with |comes to school with |with |got |has got |always has |is covered in |are covered in )+(?:bruises|bruising|marks on (?:his|her|their) (?:face|arms|body|neck)|burns|black eyes?|a black eye|cigarette burns|injuries)\b",
        ),
        (
            "vulnerable person not cared for",
            rf"\b(?:elderly|old|disabled|vulnerable|frail|dementia|{_CHILD}|nan|grandad|pensioner)\b.{{0,50}}\b(?:not|never|nobody|no one|noone|is not|isnt)\b.{{0,20}}\b(?:looked after|cared for|checks on|checking on|looking after|looks after|feeding|fed|washed|visits)\b|\b(?:no one|nobody|noone) (?:checks on|looks after|visits|cares for|feeds) (?:him|her|them)\b",
        ),
        (
            "child with bruises nearby",
            rf"\b(?<!my )(?<!our ){_CHILD}\b.{{0,40}}\b(?:has|have|had|with|got|covered in|turned up with|came in with|comes in with)\b (?:\w+ )?(?:bruises|bruising|black eyes?|a black eye|cigarette burns|injuries)\b|\b(?:comes|came|coming|come) (?:home|back) (?:from \w+ (?:\w+ )?)?(?:with|covered in) (?:\w+ )?(?:bruises|bruising|black eyes?|a black eye|burns|injuries|marks)\b",
        ),
        (
            "parent not feeding a child",
            r"\b(?:mum|dad|stepdad|stepmum|parents|mother|father|carer|son|daughter)\b.{0,20}\b(?:does not|doesnt|do not|never|will not|wont|is not|not) (?:give|giving|feed|feeding) (?:her|him|them|me|us)\b(?: any)?(?: (?:food|anything to eat|dinner|meals|breakfast|tea))?\b",
        ),
        (
            "cuckooing by dealers",
            r"\b(?:drug dealers|dealers|gang|gangs|druggies)\b.{0,20}\b(?:taken over|took over|taking over|moved into|moved in to|using|living in)\b.{0,30}\b(?:flat|house|home|place)\b",
        ),
        (
            "child left alone (window)",
            rf"\b{_CHILD}\b.{{0,60}}\b(?:left (?:alone|on (?:its|their|his|her) own|unattended|outside)|out alone at night|alone at night|outside until late|out until late|out at midnight|alone at midnight|wandering the streets)\b|\b(?:leaves|leaving|left) (?:her|him|them) (?:alone|on (?:her|his|their) own) (?:at night|all night|overnight|for hours|for days|every night)\b",
        ),
        (
            "self-neglect or wandering",
            r"\b(?:living|lives) in (?:filth|squalor|terrible conditions|dirt|a filthy)\b|\bself neglect\w*\b|\b(?:dementia|confused|elderly|old)\b.{0,50}\b(?:wandering|wanders|wandered) (?:out|off|about|around|the streets)\b|\bcurtains (?:have been |are |been )?(?:shut|closed|drawn) for (?:days|a week|weeks)\b|\bneighbour\b.{0,30}\b(?:has not|not|have not|nobody has|no one has) (?:been )?(?:seen|heard)\b.{0,30}\b(?:days|week|weeks|ages)\b",
        ),
        (
            "sexual abuse named",
            r"\bsexual(?:ly)? (?:abus\w*|assault\w*|exploit\w*)\b|\b(?<!non )molest\w*\b|\binterfered with\b|\bpaedophile\b|\bpedophile\b|\b(?:messag\w*|texting|touching|photographing|filming|talking to) (?:\w+ ){0,2}?(?:kids|children|girls|boys|teenagers|my \w+) inappropriately\b|\b(?:lots of|loads of|different) (?:young )?(?:girls|boys|kids|children|teenagers)\b.{0,25}\b(?:coming and going|going in and out|in and out|visiting)\b",
        ),
        (
            "financial abuse of an older person",
            r"\b(?:bullied|conned|scammed|cheated|pressured|pressurised|tricked) out of (?:her|his|their) (?:money|savings|pension|home|house)\b|\b(?:taking|took|takes|using|uses|stealing|steals|stole|spending|spends|emptying) (?:all )?(?:of )?(?:my |her |his |their |the )?(?:elderly |old |disabled |vulnerable )(?:\w+ )?(?:bank cards?|money|pension|savings|benefits|cash)\b|\b(?:nans|grandads|aunts|aunties|uncles)\b.{0,20}\b(?:taking|took|takes|using|stealing|steals|stole|spending) (?:her|his|their) (?:bank cards?|money|pension|savings|benefits)\b|\b(?:elderly|old|disabled|vulnerable|dementia)\b.{0,50}\b(?:taking (?:her|his|their) (?:money|pension|bank card)|not feeding (?:her|him|them))\b",
        ),
        (
            "disclosure by a child",
            rf"\b(?:made a disclosure|has disclosed|disclosed (?:abuse|that))\b|\b{_CHILD}\b.{{0,25}}\b(?:told|tells|said|has told) (?:me )?something (?:worrying|concerning|upsetting|about (?:home|what happens at home))\b|\b(?:child|childs|children|childrens|kids|babys|baby)s? (?:safety|welfare|wellbeing|well being) (?:at home|in the home|in that house|with (?:her|his|their) (?:mum|dad|parents|stepdad|mums boyfriend))\b",
        ),
        (
            "stranger wants to meet a child",
            rf"\b(?:man|men|stranger|strangers|adult|adults|older \w+|guy|bloke|someone|somebody)\b.{{0,60}}\b{_CHILD}\b.{{0,40}}\b(?:asking to meet|wants to meet|arrange to meet|arranged to meet|meet up|meet him|meet her|keep it (?:a )?secret|sends? (?:him|her|them) gifts|pictures of (?:him|her|them)|photos of (?:him|her|them)|nudes)\b",
        ),
    ),
    "domestic_abuse": (
        (
            "domestic abuse named",
            r"\bdomestic (?:abuse|violence|abuser|violent)\b|\bcoercive\b|\bcoercion\b|\b(?:non molestation|restraining|occupation|protective) order\b|\bclares law\b|\bmarac\b|\bidva\b|\bforced (?:to )?marr\w*\b|\bhonour based\b|\b(?:need|want|find|get|go to|place in|space in|room in|into|looking for|move to|flee to|fleeing to) (?:a |the )?(?:womens |mens )?refuge\b|\bfle(?:e|eing|d) (?:from )?(?:my|an?|the|our) (?:abusive|violent|husband|wife|partner|boyfriend|girlfriend|ex|home)\b",
        ),
        (
            "partner or family hurting me",
            rf"\b(?:(?:my|our) )?{_PARTNER} (?:has |have |keeps |keep |always |is |was |has been |just |constantly |still |often |sometimes |regularly |again |and his mates |and her mates )*(?:\w+ (?:\w+ )?(?:\w+ )?and )?{_HURT_PAST_PRESENT}\b (?:me|us|at me|my (?:face|head|arms?|legs?|body|back|neck|eye|stomach|kids|children|son|daughter|baby|mum|dad))\b(?! (?:out|off)\b(?! of\b))",
        ),
        (
            "he or she hurt me",
            r"\b(?:he|she) (?:has |keeps |always |just |then |also |has been |is |was |tried to |sometimes |often |)?(?:hit|hits|hitting|hurt|hurts|hurting|abused|abuses|attacked|attacks|beat|beats|beating|punched|punches|punching|strangled|strangles|strangling|choked|chokes|choking|throttled|throttles|raped|rapes|slapped|slaps|kicked|kicks|headbutted|battered|batters|assaulted|stabbed|burnt|burned|pushed|shoved|bit|dragged|grabbed) me\b(?! (?:out|off|up at)\b(?! of\b))|\b(?:he|she) (?:has )?(?:strangled|choked|throttled|raped|stabbed) (?:me|her)\b",
        ),
        (
            "threats to kill or hurt",
            rf"\b(?:threaten\w*|says he will|said he will|says she will|said she will|going to|will|wants to|promised to) (?:to )?(?:kill|hurt|stab|burn|beat|batter|get) (?:me|us|my kids|my children|the kids|the children)\b|\b(?:threaten\w*) to (?:take|snatch) (?:the|my|our) (?:kids|children|baby|son|daughter)\b|\bthreatening (?:me|us)\b.{{0,40}}\b{_PARTNER}\b|\b{_PARTNER} .{{0,20}}\bthreaten\w* (?:me|us)\b",
        ),
        (
            "scared of partner or to go home",
            rf"\b(?:scared|afraid|frightened|terrified|petrified|fear|fearful|too scared) (?:to go|of going|to return|of returning) (?:back )?home\b|\b(?:scared|afraid|frightened|terrified|petrified) of (?:my|our|her|his) {_PARTNER}\b|\b(?:scared|afraid|frightened|terrified) (?:he|she|they|my {_PARTNER}) (?:will|is going to|might) (?:kill|hurt|find|come for|come after|hit|beat) (?:me|us)\b|\bnot safe (?:at home|in my (?:own )?home|in (?:the|my) house|with (?:him|her|my {_PARTNER}))\b",
        ),
        (
            "controlling partner",
            rf"\b(?:my|our) {_PARTNER} (?:is |has |keeps |always )*(?:controls|controlled|controlling|takes|took|has taken|keeps|kept|has|holds|tracks|tracking|monitors|monitoring|checks|checking|reads|stops me|stopped me|will not let me|does not let me|never lets me|won t let me) (?:all (?:of )?)?(?:my |me |the )?(?:money|wages|benefits|bank card|bank cards|bank account|cards|finances|phone|passport|car keys|life|everything|every move|where i go|who i see|messages|seeing|see|from seeing|going|leave|leaving|go out|work|from working|from going out|have money|have a phone|my friends|my family)\b|\b(?:he|she) (?:controls|controlled|takes all|took all|keeps all|tracks|monitors) (?:all )?(?:my|of my) (?:money|wages|benefits|bank card|finances|phone|life|location|every move)\b|\b(?:he|she|they) (?:will not|does not|do not|never) let me (?:leave|go out|see my|have my own|have any|have money|work|speak to|talk to|out of the house)\b|\b(?:my|our) {_PARTNER} (?:is |was |has been |can be |gets |getting )?(?:very |really |so |quite |extremely |increasingly )?(?:emotionally |financially |physically |verbally |mentally |psychologically )?(?:controlling|violent|abusive|dangerous)\b|\babusive (?:husband|wife|partner|boyfriend|girlfriend|ex|relationship|marriage|household|home|man)\b",
        ),
        (
            "parent hurting the other parent",
            rf"\b(?:my|our) (?:dad|stepdad|mum|stepmum|mums (?:boyfriend|partner)|dads (?:girlfriend|partner)) (?:keeps |always |still |has |often |sometimes |has been |is )*{_HURT_PAST_PRESENT} (?:my|our) (?:mum|dad|stepmum|stepdad)\b",
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
            rf"\b(?:escape|escaping|escaped|get away from|getting away from|got away from|run away from|running away from|ran away from|hide from|hiding from|flee|fleeing|fled) (?:from )?(?:my|our|an?) (?:abusive |violent )?{_PARTNER}\b",
        ),
        (
            "safe from a partner",
            rf"\b(?:safe|safety|somewhere safe|protection|protect me|protect us) (?:away )?from (?:my|our|an?) (?:abusive |violent )?{_PARTNER}\b",
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
            rf"\b(?:my friends|her|his|my sisters|my daughters|my mums|my sons|a friends|my mates|my nans) (?:new )?{_PARTNER} (?:\w+ ){{0,3}}?(?:{_HURT_PAST_PRESENT} (?:her|him|them)|is (?:violent|abusive|controlling|dangerous) (?:towards|to|with) (?:her|him|them))\b(?! (?:kids|children|baby|babies|toddler|little|son|daughter|boy|girl)\b)",
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
    ),
    "dangerous_structure": (
        (
            "collapsing structure",
            r"\b(?:front|facade|frontage|pub|factory|warehouse|mill|wall|walls|ceiling|ceilings|roof|building|buildings|house|chimney|chimney stack|chimney pot|balcony|stairs|staircase|stairwell|floor|bridge|footbridge|garage|porch|extension|block|flats|gable end|retaining wall|garden wall|boundary wall|front wall|back wall|bay window|canopy|bus shelter|church|tower|shop front|tree|trees|branch|scaffolding|lamp post|lamppost|street light|telegraph pole)\b(?: (?!fence|fences|gate|shed|window|windows|cupboard|cupboards|guttering|gutter|handle|tiles?|light|lights|panel|garden|hedge|bins?|paint|wallpaper|plaster|curtains?|blinds?|carpet|sink|bath|toilet|shower|radiator|boiler|pipe|pipes|shelf|shelves|units?|aerial|dish)\w+){0,6}? (?:collaps\w*|cav\w* in|fall\w* down|fell down|come down|coming down|came down|crumbl\w* (?:onto|on to|on|into|away|down)|gave way|giving way|give way|bulging|bowing|sagging|leaning (?:badly|dangerously|over|out|into)|subsided|subsiding|sinking|cracked in half|split open|fall\w* (?:onto|on|into|over)|fell (?:onto|on|into|over)|blown down|blew down|structurally unsafe|unsafe to (?:walk|go|use|stand)|looks unsafe|unstable|coming away|pulling away|(?:about|going|likely) to (?:fall|collapse|come down|give way|topple)|(?:looks like|feels like|looks as if|as if) (?:it|its|it is) (?:will |is |going to |could |might |about to )*(?:fall|collapse|come down|give way|topple)|could (?:fall|collapse|come down|give way) (?:any|at any))\b",
        ),
        (
            "road collapse",
            r"\b(?:road|pavement|footpath|path|car park|ground)(?: \w+){0,4}? (?:has |have |is |are |just )*(?:collapsed|collapsing|caved in|caving in|subsided|sunk|sinking|given way|gave way|giving way|opened up|split open)\b",
        ),
        (
            "falling masonry",
            r"\b(?:falling|fallen|dropping) (?:masonry|bricks|brickwork|stones|concrete|debris|render|cladding|coping stones|slates|roof tiles|chunks)\b|\b(?:masonry|bricks|brickwork|stones|concrete|debris|render|cladding|coping stones|chunks|lumps|pieces of (?:concrete|brick|masonry|roof|wall|ceiling)|chimney pot) (?:are |is |keep |keeps |have |has |have been |has been )*(?:falling|fell|fallen|dropping|dropped|coming|came|crashing|crashed|flying|blowing|blown) (?:off|down|from|onto|on|into|out)\b|\b(?:tiles|slates) (?:are |is |keep |keeps )*(?:flying|blowing|falling) off (?:the )?roof\b|\broof tiles? (?:are |is )*(?:flying|blowing|falling|coming)\b|\b(?:lump|chunk|piece|bit|lumps|chunks|pieces) of (?:the )?(?:ceiling|wall|building|concrete|masonry|brick|bricks|roof|balcony|chimney) (?:fell|has fallen|have fallen|came|come|falling|dropped)\b",
        ),
        (
            "roof coming off",
            r"\b(?<!shed )(?<!the shed )roof (?:is |has )?(?:coming off|come off|blown off|blowing off|blew off|ripped off|ripping off|torn off|lifting off|peeling off|flapping|caving)\b|\bwindow (?:frame )?(?:is )?(?:falling|about to fall|going to fall|fell) out\b",
        ),
        (
            "fallen or falling tree",
            r"\b(?:fallen|falling|collapsed|uprooted) (?:trees?|branch|branches|bough)\b|\b(?:trees?) (?:down|are down|is down)\b|\b(?:tree|trees|branch|big branch|huge branch|large branch|massive branch|bough|limb) (?:has |have |is |are |just )*(?:fallen|fell|come down|came down|collapsed|blown down|blew down|blown over|blew over|uprooted|snapped|split|cracked|hanging|about to fall|going to fall|leaning|falling|down)(?: over| down| off)? .{0,25}\b(?:across|on|onto|over|in|into|blocking|against) (?:the |a |my |our |two |some |several |parked )?(?:road|roads|street|pavement|path|footpath|lane|car|cars|house|houses|roof|bus|junction|railway|power lines?|wires|cables|school|playground|bus stop|children|people|someone)\b|\btree (?:is |has )?(?:about to fall|going to fall|leaning dangerously|leaning over the (?:road|house|pavement)|swaying dangerously|cracked (?:down|in half|at the base))\b",
        ),
        (
            "exposed or live wires",
            r"\b(?:exposed|live|bare|dangling|sparking|fallen|downed|snapped|hanging|loose live) (?:electric |electrical |electricity |power )?(?:wires?|wiring|cables?|power lines?|lines|electrics)\b|\belectrics (?:are |is )?(?:exposed|hanging out|sparking)\b|\b(?:wires?|wiring|cables?|power lines?|electricity cables?) (?:are |is |have |has |left )*(?:exposed|hanging (?:down|out|off|loose|low)|dangling|sparking|down|on the (?:ground|road|pavement|floor)|live|arcing|smoking)\b|\b(?:electric|electrical|electricity|junction|street light|streetlight|lamp post|lamppost) (?:box|cabinet|cupboard|panel|door|hatch) (?:is |has been |left )*(?:open|smashed|broken open|exposed|sparking|missing|off)\b|\b(?:box|cabinet|cable|cables|wire|wires|socket|street light|streetlight|lamp post|lamppost|pole|meter|substation)\b(?: \w+){0,6}? sparking\b|\bsparks (?:are )?(?:coming )?(?:from|out of) (?:the )?(?:street light|streetlight|lamp post|lamppost|cable|wires?|pole|substation|electric box|socket)\b|\b(?:electric|electrical) shock (?:from|off) (?:the |a )?(?:lamp post|lamppost|street light|streetlight|railings?|post|fence|metal)\b",
        ),
        (
            "falling post or pole",
            r"\b(?:street light|streetlight|lamp post|lamppost|telegraph pole|telephone pole|pole|crane|scaffold pole) (?:column |pole |post )?(?:is |has |has been |was )*(?:leaning|about to fall|going to fall|hanging|fallen|knocked down|knocked over|swaying|wobbling|falling|collapsing|collapsed)\b",
        ),
        (
            "sinkhole",
            r"\bsink ?hole\b|\b(?:huge |big |massive |large |deep )?hole (?:has )?(?:opened up|appeared|opened) (?:in|on|under) (?:the |our |my )?(?:road|pavement|street|ground|garden|car park|path)\b",
        ),
        (
            "unsafe scaffolding",
            r"\bscaffold\w*\b.{0,40}\b(?:fall\w*|fell|collaps\w*|swaying|unstable|unsafe|coming down|came down|about to go|blowing|blown|loose|wobbl\w*|leaning|come down)\b",
        ),
        (
            "dangerous structure named",
            r"\bdangerous (?:structure|building|wall|tree|chimney|roof)\b|\bstructurally (?:unsafe|unstable|unsound)\b|\b(?:huge|big|massive|large|wide) cracks? .{0,60}\b(?:getting bigger|getting wider|widening|spreading|growing|opening up)\b",
        ),
        (
            "something fell off a building",
            r"\b(?:chimney|chimney pot|chimney stack|balcony|cladding|masonry|coping stones?) (?:has |have |just |keeps |keep )*(?:fell|fallen|falling|blown|blew|came|come|ripped|torn|dropped|dropping) (?:off|down|from|onto|on)\b|\b(?:brick|bricks|stone|stones|slate|slates|tiles?|roof tiles?|guttering|gutter|glass|window) (?:has |have |just |keeps |keep )*(?:fell|fallen|falling|blown|blew|came|come|ripped|torn|dropped|dropping|flying|flew) (?:off|from|out of) (?:the |a |our |my |their )?(?:roof|building|house|chimney|flats|block|tower|church|wall|balcony|top floor|bridge|scaffolding)\b|\b(?:brick|bricks|stone|stones|slate|slates|tiles?|roof tiles?|guttering|glass|debris) (?:has |have |just |keeps |keep )*(?:fell|fallen|falling|dropped|dropping|landed|landing|crashed|crashing) (?:onto|on|into) (?:the |a |our |my |some |someones |a parked |parked )?(?:road|street|pavement|path|footpath|car|cars|people|someone|person|pram|bus stop|playground|head)\b",
        ),
        (
            "falling apart (high risk)",
            r"\b(?:balcony|balconies|staircase|stairs|stairwell|ceiling|chimney|bridge|footbridge|scaffolding|walkway|railings|fire escape)\b.{0,25}\b(?:falling apart|breaking apart|coming apart|breaking away|cracking and falling)\b",
        ),
        (
            "ceiling fallen in",
            r"\b(?:ceiling|ceilings|roof|floor|floors) (?:\w+ ){0,3}?(?:fallen|fell|falling|caved|caving|come|came|coming) in\b",
        ),
        (
            "tree blocking the road",
            r"\b(?:tree|trees|branch|branches|big branch|huge branch) (?:\w+ ){0,3}?(?:blocking|across|lying across|lying in|down across) (?:the |a |our |my )?(?:road|roads|street|lane|junction|footpath|pavement|path|railway|motorway)\b",
        ),
        (
            "swaying or leaning structure",
            r"\b(?:chimney|chimney stack|chimney pot|wall|scaffolding|lamp post|lamppost|street light|streetlight|telegraph pole|crane|tower|building|balcony|roof|sign|shop sign|mast)\b(?: \w+){0,4}? (?:swaying|wobbling|rocking|moving in the wind|shaking in the wind)\b|\b(?:chimney|chimney stack|chimney pot|lamp post|lamppost|street light|telegraph pole|scaffolding|crane|tower|building|balcony)\b(?: \w+){0,4}? (?:is |are |now )?leaning\b",
        ),
        (
            "unsafe building",
            r"\b(?:building|buildings|house|block|flats|wall|bridge|roof|balcony|balconies|stairs|staircase|stairwell|ceiling|derelict \w+|empty \w+)\b(?: \w+){0,3}? (?:is|are|looks|look|seems) (?:structurally )?(?:unsafe|unstable|dangerous to (?:enter|go in)|about to go)\b",
        ),
        (
            "hanging sign or hoarding",
            r"\b(?:sign|signs|shop sign|signage|hoarding|hoardings|canopy|satellite dish|cctv camera|cladding panel|panel|awning)\b(?: \w+){0,2}? (?:is |are )?(?:hanging off|hanging by (?:a|one) \w+|about to fall|dangling|loose and swinging|swinging loose)\b|\b(?:hoarding|hoardings|fence|fencing|barrier|barriers|scaffolding|sign|panel|panels)\b.{0,30}\b(?:blown|blew|fallen|fell|come|came) (?:over |down )?(?:into|onto|across) (?:the )?(?:road|pavement|street|path|footpath|traffic)\b",
        ),
        (
            "structure hanging off",
            r"\b(?:roof|balcony|balconies|canopy|shop sign|sign|street light|lamp post|lamppost|bus shelter roof|cladding|scaffolding|chimney|chimney pot|fire escape|railings)\b(?: \w+){0,4}? (?:is |are |has |now )*(?:hanging off|coming away from)\b",
        ),
    ),
    "homelessness": (
        (
            "homeless",
            r"\bhomeless\w*\b|\brough sleep\w*\b|\bsleeping rough\b|\bsleep(?:ing)? rough\b|\bno fixed (?:abode|address)\b",
        ),
        (
            "nowhere to sleep",
            r"\b(?:nowhere|no where|no place|no home|not anywhere|anywhere)(?: for (?:me|us|him|her|them|my \w+|the \w+)(?: and (?:me|my \w+|the \w+|our \w+))?)? to (?:sleep|stay|live|go|lay my head|rest)\b|\bno roof over (?:my|our|his|her|their) heads?\b|\b(?:do not|does not) have (?:a|anywhere to) (?:home|live|sleep|stay)\b|\bno (?:home|house|flat|accommodation) to go (?:to|back to)\b",
        ),
        (
            "sleeping in a car or outside",
            r"\b(?:sleeping|sleep|slept|living|live|stay|staying|kipping|kip) (?:in|on) (?:my |a |the |our |his |her |their |this )?(?:shop |church |office )?(?:car|van|tent|bench|benches|doorway|doorways|bus station|train station|station|stairwell|bus shelter|hospital car park)\b|\b(?:sleeping|slept|kipping|staying) in (?:the |a )park\b|\b(?:sleeping|sleep|slept|living|staying|kipping|crashing) on (?:a |my )?(?:friends|mates|someones|different|my \w+s|other peoples) (?:sofa|sofas|floor|floors|couch|couches|settee)\b|\b(?:i am|we are|he is|she is|they are|been|living|sleeping|be|end up|ended up|left|now) on the streets?\b",
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
            rf"\b(?:kicked|kicking|kick|thrown|threw|throw|throwing|chucked|chucking|chuck|booted|turfed|turfing|put|putting|forced|forcing) (?:me|us|me and (?:my|the) \w+|us and (?:my|our|the) \w+|my (?:kids|children|son|daughter|family|partner|wife|husband|boyfriend|girlfriend|mum|dad|brother|sister|baby|grandson|granddaughter|nan|grandad)|him|her|them) out{_OUT_OF_HOME}|\b(?:(?:i|we|he|she|they|son|daughter|i have|we have|he has|she has|they have|i am|we are|he is|she is|they are)(?: just)? (?:got |been |being |was |were |get |getting |have been |has been )*|(?:got|been|being|get|getting) )(?:kicked|thrown|chucked|booted|turfed) out{_OUT_OF_HOME}|\b(?:landlord|letting agent|agent|parents|mum|dad|partner|husband|wife|boyfriend|girlfriend|family|owner) (?:has |have |is |are |wants |want )*(?:told|telling|asked|asking|ordering|ordered|forcing|forced) (?:me|us) (?:to leave\b(?! (?:the|my|it|them|a|an|his|her|their|our|bins?|rubbish|keys|parcels?|this|that|some|any|off|a message|feedback)\b)|to get out|to go (?:now|tonight|today|by|immediately|and not come back)|to move out|to be out|to pack (?:my|our) (?:bags|stuff|things))\b|\b(?:been|being|was|were|got|have been|has been) (?:told|asked|ordered) to (?:leave|get out|move out|go|be out) by (?:the|my|our|her|his|their) (?:landlord|letting agent|agent|council|housing association|owner)\b|\b(?:landlord|letting agent|agent|owner|partner|husband|wife|boyfriend|girlfriend|parents|mum|dad|family) (?:has |have |just )*(?:locked (?:me|us) out|changed the locks)\b|\blandlord (?:wants|wanting|says|said|has told|told|is making|made) (?:me|us|her|him|them) (?:out|to leave|to go|to move out|to be out)\b(?! (?:the|my|it|them|a|an|his|her|their|our|bins?|rubbish|keys|parcels?|this|that|some|any|off|a message|feedback|to|and see|and ask|round|through)\b)",
        ),
        (
            "losing home",
            r"\b(?:losing|lose|lost|going to lose|about to lose|will lose|could lose) (?:my|our|the|his|her|their) (?:home|house|flat|tenancy|accommodation|room)\b|\b(?:have|has|got|need) to (?:be out|leave|move out|get out) (?:by|on|before|in) .{0,40}\b(?:nowhere|no where|nothing lined up|not found|no place|cannot find|nothing else|do not know where)\b|\bmade (?:me |us )?homeless\b|\b(?:facing|threatened with|at risk of) (?:homelessness|eviction|losing)\b|\btemporary accommodation\b|\b(?:living|staying|sleeping|stay|live) in a (?:hostel|night shelter|shelter)\b|\b(?:emergency|tonight|need) (?:housing|accommodation|a bed) (?:tonight|now|urgently|right now|today)\b",
        ),
        (
            "told to leave home",
            rf"\b(?:told|asked|ordered|given notice|forced|made) to (?:leave|get out of|move out of|vacate) (?:my|our|the|this) (?:\w+ )?{_HOMES}\b|\b(?:landlord|landlords|letting agent|agent|hostel|refuge|shelter|ymca|council|housing association|owner|b b|hotel|host|sister|brother|mum|dad|parents|friend|mate|family) (?:has |have |is |are |just |now )*(?:says?|said|told|telling|given|giving|served|sent|handed) (?:me|us)? ?(?:that )?(?:i|we)? ?(?:have to|has to|must|need to|got to|to|notice to|a notice to|notice) (?:leave|go|get out|move out|be out|quit)\b(?! (?!(?:the |my |our )?{_HOMES}\b)(?:the|my|it|them|a|an|his|her|their|our|bins?|rubbish|keys|parcels?|this|that|some|any|off|to|round|through|for|and see|and ask|a message|feedback)\b)",
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
            r"\b(?:she|he|they|sister|brother|mum|dad|parents|friend|mate|family|landlord|owner|host) (?:wants|want|wanted|is wanting) (?:me|us) (?:out|gone|to leave|to move out|to find somewhere else)\b|\b(?:pay|pay up|pay more) or (?:leave|get out|move out|go)\b|\btold (?:me|us) not to come (?:back|home)\b|\bnot allowed (?:back )?home\b",
        ),
        (
            "bailiffs then nowhere",
            r"\bbailiffs?\b.{0,60}\bwhere (?:do|will|can|should|am|are) (?:i|we) (?:go|live|sleep|stay|going to go)\b",
        ),
        (
            "kicked out of home",
            rf"\b(?:kicked|thrown|chucked|booted|turfed) out (?:of|from) (?:my |our |the |his |her |their )?(?:\w+ )?{_HOMES}\b",
        ),
    ),
}
