"""Reusable pattern fragments (people, places, harms) shared by the crisis rules."""

from __future__ import annotations

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

SELF = r"(?:myself|herself|himself|themselves|themself|ourselves)"
PILLS = r"(?:pills|tablets|paracetamol|meds|medication|medicine|sleeping pills|painkillers|antidepressants|insulin)"
CHILD = (
    r"(?:child|children|kid|kids|baby|babies|toddler|toddlers|little one|little ones|infant|newborn|"
    r"little boy|little girl|boy|boys|girl|girls|son|daughter|grandson|granddaughter|grandkids|grandchildren|"
    r"niece|nephew|teenager|teenagers|youngster|youngsters|brother|sister|little brother|little sister|"
    r"step ?son|step ?daughter|pupil|kids next door|children next door)"
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
    r"sexual\w*|home alone|on my own for days|left alone)"
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
