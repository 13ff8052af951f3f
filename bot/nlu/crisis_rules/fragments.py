"""Reusable pattern fragments (people, places, harms) shared by the crisis rules."""

from __future__ import annotations

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

SELF = r"(?:myself|herself|himself|themselves|themself|ourselves)"
PILLS = r"(?:pills|tablets|paracetamol|meds|medication|medicine|sleeping pills|painkillers|antidepressants|insulin)"
CHILD = (
    r"(?:child|children|kid|kids|baby|babies|toddler|toddlers|little one|little ones|infant|newborn|"
    r"little boy|little girl|boy|boys|girl|girls|son|daughter|grandson|granddaughter|grandkids|grandchildren|"
    r"niece|nephew|teenager|teenagers|youngster|youngsters|brother|sister|little brother|little sister|"
    r"step ?son|step ?daughter|pupil|pupils|kids next door|children next door|little lad|young lad|little lass|"
    r"young lass|bairn|bairns|little un|little uns|schoolboy|schoolgirl)"
)
VULNERABLE = (
    r"(?:nan|nans|grandad|elderly \w+|old (?:man|woman|lady|gentleman|fella|boy|girl|neighbour|couple)|"
    r"disabled \w+|vulnerable \w+|pensioner|neighbour with dementia|mum with dementia|dad with dementia|"
    r"my mum|my dad|aunt|auntie|uncle|brother|sister)"
)
HARMS_CHILD = (
    r"(?:hits|hit|hitting|beats|beat|beating|abuses|abused|abusing|neglects|neglecting|neglected|hurts|hurting|"
    r"starves|starving|smacks|slaps|punches|kicks|kicking|shakes|shaking|shook|locks|locking|burns|burning|"
    r"touches|touched|touching|grooming|exploiting|batters|battering|screams at|throws things at)"
)
WHERE = (
    r"(?: (?:next door|upstairs|downstairs|over the road|across the (?:road|street|landing|hall)|opposite|"
    r"in flat \w+|at number \w+|in number \w+|on (?:my|our|the) (?:street|road|estate|landing)|in (?:my|our|the) (?:street|road|block|building|close|estate|flats)|in the flat (?:above|below|next door)))"
)
CARER = r"(?:carer|carers|care worker|care workers|home help|support worker|care staff|nurse)"
PARENT = (
    r"(?:(?:mums |dads )?(?:dad|stepdad|mum|stepmum)|mums (?:boyfriend|partner|husband|fella)|dads (?:girlfriend|partner|wife)|"
    r"parents|foster (?:mum|dad|carer|parents)|carer|uncle|auntie|aunt|nan|grandad|babysitter|childminder|"
    r"teacher|coach|brother|sister|big brother|big sister|cousin)"
)
PARTNER = (
    r"(?:husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|ex|ex husband|ex wife|ex partner|"
    r"ex boyfriend|ex girlfriend|son in law|daughter in law|other half|spouse|baby dad|baby daddy|babys dad|baby father|babys father|"
    r"baby mum|babys mum|missus|fella|son|daughter|grown up son|adult son|adult daughter|grandson|"
    r"stepson|in laws|father in law|mother in law|brother in law|sister in law|family|relatives|brother|sister|cousin|uncle|"
    r"auntie|aunt|nephew|niece|granddaughter)"
)
HURT_PAST_PRESENT = (
    r"(?:hit|hits|hitting|beat|beats|beating|beaten|punch|punches|punched|punching|kick|kicks|kicked|kicking|"
    r"slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|choke|chokes|choked|choking|strangle|"
    r"strangles|strangled|strangling|throttle|throttles|throttled|push|pushes|pushed|shove|shoves|shoved|"
    r"hurt|hurts|hurting|abuse|abuses|abused|abusing|rape|rapes|raped|attack|attacks|attacked|assault|"
    r"assaults|assaulted|batter|batters|battered|bite|bites|bit|burn|burns|burnt|burned|headbutt|headbutted|"
    r"threaten|threatens|threatened|threatening|stab|stabbed|stalk|stalks|stalking|stalked|spat on|"
    r"throws things at|threw things at|knocks|knocked)"
)
CHILD_HARM = (
    r"(?:(?:hits?|hitting|hurts?|hurting|beats?|beating|kicks?|kicking|punch\w*|slap\w*|smack\w*|touch(?:es|ed|ing)?) "
    r"(?:me|us|my|her|him)|beat me up|abus\w*|not safe|unsafe|(?:do not|never) feel safe|kicked me out|threw me out|"
    r"thrown out|locked (?:me )?in|no food|nothing to eat|(?:does not|do not|never|will not) feed (?:me|us)|(?:always|so|really|very) hungry|(?:i am|we are) (?:so |really |very |always )?(?:hungry|starving)|not (?:been |being )?fed|"
    r"(?:scared|frightened|afraid|terrified) (?:of (?:my|him|her|them|going home|being at home)|to go home|at home|to go back)|"
    r"run away|ran away|running away|nowhere to (?:go|sleep|stay|live)|bruises?|groom\w*|nudes|naked|pictures of me|"
    r"sexual\w*|home alone|on my own for days|left alone|(?:throws?|threw|throwing) (?:stuff|things) at me|"
    r"lock(?:s|ed)? me out|not to come (?:back|home)|(?:has not|have not|did not|not) (?:come|came|been) home|"
    r"(?:always|is always|are always|gets|get|keeps getting) drunk|(?:does|did|do) (?:\w+ )?things to me|makes me do things|"
    r"wants? to meet (?:me|up)|(?:ask\w*|wants?) (?:me )?for (?:pics|pictures|photos|nudes|videos)|pics of me|photos of me|"
    r"not to tell|keep (?:it )?(?:a )?secret|look after my (?:baby |little )?(?:brother|sister|brothers|sisters))"
)
MINOR_AGE = r"(?:[5-9]|1[0-7]|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
NOT_AN_AGE = r"(?! ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|pounds?|quid|p\b|percent|am|pm|o clock|miles?|doors?|houses?|flats?|floors?|bags?|bins?|times?|of|x|people|items?|cars?))"
HOMES = (
    r"(?:home|house|flat|place|room|accommodation|bedsit|digs|hostel|tenancy|family home|parents|parents house|"
    r"mums|mums house|dads|dads house|nans|nans house|partners|boyfriends|girlfriends|property|b b|bnb|b and b|"
    r"bed and breakfast|hotel|temporary accommodation|refuge|shelter|caravan|houseboat|boat|lodgings|supported housing|halls)"
)

#: After "kicked me out": anything but "of/from" a place that is not a home ("out of school").
OUT_OF_HOME = (
    rf"\b(?! (?:of|from) (?!(?:my |our |the |his |her |their |a )?(?:\w+ ){{0,2}}?{HOMES}\b))"
)

#: A child writing about themself: "i am 12", "im only 9", "i am in year 8", "i am a kid".
I_AM_A_CHILD = (
    rf"(?:i am|i am only) (?:{MINOR_AGE}{NOT_AN_AGE}(?: years old| year old| yrs old| yrs| yo)?|"
    r"in year (?:[3-9]|1[01]|three|four|five|six|seven|eight|nine|ten|eleven)|a (?:kid|child))"
)
#: Someone else's child by age: "my 12 year old", "a 15 yo girl".
MINOR_REF = (
    rf"(?:(?:my|our|her|his|their|a|the) )?{MINOR_AGE} ?(?:year old|years old|yr old|yrs old|yo)"
    r"(?: (?:son|daughter|boy|girl|kid|child|niece|nephew|grandson|granddaughter|brother|sister|stepson|"
    r"stepdaughter|lad|lass))?"
)
#: A child named with an age: "my daughter is 13", "she is only 14".
MINOR_IS = rf"(?:{CHILD}|she|he) is (?:only |just )?{MINOR_AGE}{NOT_AN_AGE}"
#: An adult who has no business with a child: "a 25 year old man", "a man in his 30s", "an older bloke".
ADULT = (
    r"(?:(?:1[89]|[2-9]\d|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)(?: \w+)? ?"
    r"(?:year old|years old|yr old|yrs old|yo) (?:man|men|guy|guys|bloke|blokes|lad|lads|woman|women|boyfriend|"
    r"girlfriend|stranger)|(?:man|men|guy|guys|bloke|blokes|woman) in (?:his|her|their) (?:20s|30s|40s|50s|60s|"
    r"twenties|thirties|forties|fifties|sixties)|(?:older|grown|grown up|adult) (?:man|men|guy|guys|bloke|blokes|"
    r"woman|women|boyfriend|girlfriend|stranger))"
)
#: Where an injury came from an accident, not a person ("cut his leg on the broken glass").
ACCIDENT = (
    r"(?: (?:open )?(?:on|against|off) (?:the |a |an |some |my |our |his |her )?"
    r"(?:broken |sharp |rusty |smashed |jagged |metal |old |loose )*(?:glass|fence|fencing|railings?|bin|bins|bin lid|"
    r"swing|swings|slide|gate|nails?|wire|metal|edge|tin|can|paper|bottle|bush|brambles?|thorns?|"
    r"climbing frame|play equipment|pavement|kerb|slab|paving|post|sign|goalpost|trampoline|bike|scooter)\b|"
    r" (?:when|while|whilst|playing|in the park|at (?:school|work|the park|football|rugby)))"
)
#: A thing, not a person, after "her" ("he hit her car").
NOT_HER_THING = (
    r"(?! (?:car|van|bike|bin|bins|fence|wall|gate|door|house|drive|driveway|garden|window|windows|post|parcel|"
    r"plants?|hedge|tree|dog|cat|ball|phone|bag|up the)\b)"
)

#: Someone's home, with an owner who is not the writer's own household: "my brothers flat", "the old mans place", "his flat".
POSS_HOME = r"(?:(?:my|his|her|their|our) (?:\w+ ){0,2}?|(?:the |a |an )?(?:\w+ ){0,2}?\w+s )(?:flat|house|home|place|bedsit)"
#: Words that show the person at the centre is vulnerable or afraid.
VULN_CONTEXT = (
    r"(?:vulnerable|learning (?:disabilit\w*|difficult\w*)|dementia|alzheimers|autis\w*|disabled|disability|"
    r"mental health|elderly|old (?:man|lady|boy|fella|woman|gentleman|girl|couple)|pensioner|frail|confused|blind|deaf|"
    r"scared|terrified|frightened|afraid|too scared|intimidat\w*|bullied|threaten\w*|addict\w*|"
    r"(?:cannot|can not|could not) get (?:them|rid of them|these people|the dealers) out)"
)


def in_one_sentence(*parts: str, unless: str | None = None) -> str:
    """A pattern matching at a sentence start when every part, and not ``unless``, occurs in that sentence."""
    pattern = r"(?:^|\|)" + "".join(rf"(?=[^|]*\b(?:{part})\b)" for part in parts)
    return pattern if unless is None else pattern + rf"(?![^|]*\b(?:{unless})\b)"
