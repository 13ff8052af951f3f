"""Crisis rules for abuse by a partner, ex-partner or family member."""

from __future__ import annotations

from bot.nlu.crisis_rules.fragments import HURT_PAST_PRESENT, NOT_HER_THING, PARTNER

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "domestic abuse named",
        r"\bdomestic (?:abuse|violence|abuser|violent)\b|\bcoercive\b|\bcoercion\b|\b(?:non molestation|restraining|occupation|protective) order\b|\bclares law\b|\bmarac\b|\bidva\b|\bforced (?:to )?marr\w*\b|\bforc\w* (?:me|her|him|us|my \w+) (?:to|into) (?:get |getting )?marr\w*\b|\bhonour based\b|\b(?:need|want|find|get|go to|place in|space in|room in|into|looking for|move to|flee to|fleeing to) (?:a |the )?(?:womens |mens )?refuge\b|\bfle(?:e|eing|d) (?:from )?(?:my|an?|the|our) (?:abusive|violent|husband|wife|partner|boyfriend|girlfriend|ex|home)\b",
    ),
    (
        "partner or family hurting me",
        rf"\b(?:(?:my|our) )?{PARTNER} (?:has |have |keeps |keep |always |is |was |has been |just |constantly |still |often |sometimes |regularly |again |and his mates |and her mates )*(?:\w+ (?:\w+ )?(?:\w+ )?and )?{HURT_PAST_PRESENT}\b (?:me|us|at me|my (?:face|head|arms?|legs?|body|back|neck|eye|stomach|kids|children|son|daughter|baby|mum|dad))\b(?! (?:out|off)\b(?! of\b))",
    ),
    (
        "he or she hurt me",
        r"\b(?:he|she) (?:has |keeps |always |just |then |also |has been |is |was |tried to |sometimes |often |does |did |still |really |actually |)?(?:hit|hits|hitting|hurt|hurts|hurting|abused|abuses|attacked|attacks|beat|beats|beating|punched|punches|punching|strangled|strangles|strangling|choked|chokes|choking|throttled|throttles|raped|rapes|slapped|slaps|kicked|kicks|headbutted|battered|batters|assaulted|stabbed|burnt|burned|pushed|shoved|bit|dragged|grabbed) me\b(?! (?:out|off|up at)\b(?! of\b))|\b(?:he|she) (?:has )?(?:strangled|choked|throttled|raped|stabbed) (?:me|her)\b",
    ),
    (
        "has not stopped hurting me",
        rf"\b(?:he|she|they|(?:my |our )?{PARTNER}) (?:has not|have not|will not|would not|does not|do not|never|cannot|can not|just will not) (?:stopped|stop|stops|ever stopped) (?:hitting|hurting|beating|punching|kicking|slapping|strangling|choking|abusing|attacking|threatening|pushing|shoving|battering|smacking|controlling) (?:me|us|my (?:kids|children|son|daughter|baby))\b",
    ),
    (
        "not safe here with someone",
        rf"\b(?:(?:i am|we are) not safe|(?:i|we) do not feel safe|(?:i|we) feel unsafe|(?:i am|we are) unsafe) (?:here|right now|tonight|at the moment|in here)\b(?=[^|]{{0,40}}\b(?:he|she|him|her|they|them|{PARTNER})\b)",
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
        r"\b(?:my|the|our) ex\b.{0,40}\b(?:will not leave (?:me|us) alone|keeps (?:turning up|coming round|following|messaging|calling|texting)|turned up at (?:my|the|our)|stalking|stalks|harass\w*|threat\w* (?:me|us|messages|texts|calls|voicemails|emails)|(?:horrible|nasty|vile|abusive|threatening) (?:messages|texts|calls|voicemails|emails)|(?:says|said|knows) (?:he|she)? ?knows? where (?:i|we) live|sending (?:me )?threats|making threats|abusive (?:messages|texts|calls)|following me|followed me|follows me|follows us|broke in|broke into|broken into|smashed|tracking|keeps (?:driving past|sitting outside|parking outside|watching|waiting outside|banging on|hanging around|coming to))\b",
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
        r"\b(?:will not|does not|do not|never|wont|not) lets? (?:me|us) (?:leave(?: the house| home| him| her|(?= \||$))|go out|out of the house|see (?:my )?(?:friends|friend|mates|pals|family|mum|dad|parents|sister|brother|kids|children|grandchildren|anyone)|have (?:my own|any) (?:money|friends|phone|bank account|account|bank card|car|job|keys|key)|go (?:anywhere|to the (?:doctors|doctor|gp|shops)|on my own)|have money|work|get a job|speak to (?:anyone|my)|talk to (?:anyone|my))\b|\b(?:he|she|partner|husband|wife|boyfriend|girlfriend) (?:checks|reads|goes through|tracks|monitors|smashed|smashes|broke|takes) my (?:phone|messages|texts|emails|location|bank)\b|\b(?:he|she) (?:has|keeps|controls|takes) all (?:the|my|our) money\b|\bno one will believe (?:me|you)\b|\b(?:no one|nobody|noone) (?:else )?(?:would|will|could) (?:ever )?(?:want|love|have) (?:me|her)\b(?= \||$| if| but| and)",
    ),
    (
        "not allowed out without them",
        rf"\b(?:i am|we are|i was|i have never been) not (?:allowed|permitted) (?:to )?(?:leave|go out|out|go anywhere|see|have|speak|talk|use|work|get)\b[^|]{{0,40}}\b(?:without|unless|by) (?:him|her|them|my {PARTNER}|(?:his|her) say so|(?:his|her) permission|(?:he|she) (?:says so|says|is there|is with me|comes with me|lets me))\b|\b(?:he|she|my {PARTNER}) (?:does not|will not|never|would not) (?:allow|allows) me (?:to )?(?:leave|go out|out|go anywhere|see|have|speak|talk|work|get)\b",
    ),
    (
        "sexual coercion",
        r"\b(?:forces|forced|forcing|makes|made|pressures|pressured|pressuring) (?:me|us) (?:to have sex|into (?:having )?sex|to do (?:sexual )?things|to sleep with)\b",
    ),
    (
        "abused by their partner",
        r"\b(?:is|are|was|were|being|been) (?:being )?(?:abused|beaten|hit|hurt|attacked|raped|threatened|controlled|strangled|assaulted|battered) by (?:her|his|their|my) (?:husband|wife|partner|boyfriend|girlfriend|ex|fella|son|daughter|son in law|daughter in law)\b",
    ),
    (
        "knocked about",
        r"\b(?:knock|knocks|knocked|knocking|slap|slaps|slapped|slapping|push|pushes|pushed|pushing|shove|shoves|shoved|shoving|throw|throws|threw|throwing|kick|kicks|kicked|kicking|smack|smacks|smacked|chuck|chucks|chucked) (?:me|her|him|us|them|my \w+|mum|dad) (?:about|around)\b(?! (?:the|a|town|in|on|at|to)\b)|\b(?:rough|roughs|roughed|roughing|bash|bashes|bashed|bashing|beat|beats) (?:me|her|him|us|them) up\b",
    ),
    (
        "gets violent with me",
        r"\b(?:gets?|getting|got|turns?|turned) (?:rough|physical|handy|violent|nasty) with (?:me|her|him|us)\b|\bhandy with (?:his|her|their) (?:fists|hands)\b|\b(?:lay|lays|laid|laying) into (?:me|her|him|us)\b|\b(?:went|goes|go|going|came|comes|come|coming|flew|flies) (?:for|at) (?:me|her|us|him) with (?:a |the |his |her |their )?(?:knife|knives|bottle|hammer|bat|belt|weapon|screwdriver|brick|machete|kitchen knife)\b",
    ),
    (
        "injured by partner",
        rf"\b(?:he|she|{PARTNER}) (?:has |just |then )?(?:gave|given|give|gives|left) (?:me|her) (?:a )?(?:black eyes?|bruises|a bruise|a fat lip|a split lip|a broken (?:nose|arm|rib|ribs|jaw|wrist|finger|tooth))\b|\b(?:he|she|my {PARTNER}) (?:has |just )?(?:broke|broken|fractured|cracked) my (?:arm|nose|ribs?|jaw|wrist|fingers?|cheekbone|eye socket|leg|teeth|tooth)\b|\bhe (?:has )?(?:broke|broken|fractured|cracked) her (?:arm|nose|ribs?|jaw|wrist|fingers?|cheekbone|eye socket|teeth)\b|\b(?:he|she|they|{PARTNER}) (?:\w+ ){{0,2}}?put (?:me|her|him|us) in (?:hospital|a e|a and e|the hospital|intensive care)\b",
    ),
    (
        "turned up with a black eye",
        r"\b(?:she|he|my (?:sister|daughter|mum|mate|friend|cousin|auntie|aunt|niece|colleague|neighbour|best friend|sister in law|daughter in law)|her|the (?:woman|lady|girl) (?:next door|upstairs|downstairs|over the road|across the road))\b(?: \w+){0,4}? (?:turned up|turns up|came (?:round|over|in|to work)|comes (?:round|over|in|to work)|showed up|shows up|keeps turning up|is always covered in|is covered in|always has|always got|has always got|keeps getting) (?:\w+ ){0,3}?(?:a black eye|black eyes|bruises|bruising|a split lip|a fat lip|finger ?marks|marks on (?:her|his) (?:neck|face|arms))\b(?! (?:because|due to|cos|as|easily|with (?:her|his) (?:condition|medication|tablets))\b| (?:from|after) (?!(?:him|her|them|his|my)\b))|\b(?:bruises|bruising|black eyes?|injuries|marks)\b (?:that )?(?:she|he) (?:cannot|can not|will not|would not|does not|never) (?:explain|say|talk about|tell)\b",
    ),
    (
        "assault described",
        rf"\b(?:he|she|{PARTNER}) (?:has |just |then |also |always |keeps )?(?:pinned|pins|pin|threw|throws|throwing|spat at|spat on|spits at|spat in|spits in|dragged|drags|shook|shakes|smashed|smashes|banged|bangs|slammed|slams) (?:me|my (?:head|face))\b(?! (?:a|an|the|some|my|his|her|out|off|awake|over|back|along|round|around|to|into town)\b(?! of\b))",
    ),
    (
        "hearing someone beaten",
        r"\b(?:beating|beats|beat|hitting|hits|hurting|hurts|battering|batters|strangling|strangles|attacking|attacks|punching|punches|kicking|kicks|abusing|abuses) (?:his|her) (?:wife|husband|partner|girlfriend|boyfriend|missus|fella|other half)\b|\b(?:hear|heard|hearing|hears) (?:him|her|them|the man|the woman|the husband|her husband|her boyfriend|his wife) (?:\w+ ){0,2}?(?:hitting|beating|hurting|battering|attacking|strangling|slapping|punching|kicking|throwing|smacking) (?:her|him)\b",
    ),
    (
        "neighbours partner hurting them",
        rf"\b(?:neighbours|next doors|colleagues|cousins|aunties|nieces|womans|ladys|friends|sisters|daughters|mums|nans|mates)\b (?:new )?{PARTNER} (?:\w+ ){{0,3}}?{HURT_PAST_PRESENT} (?:her|him|them)\b{NOT_HER_THING}(?! (?:kids|children|baby|babies|toddler|little|son|daughter|boy|girl)\b)",
    ),
    (
        "walking on eggshells",
        r"\bwalk(?:ing)? on egg ?shells\b(?= (?:at home|around (?:him|her|my \w+)|with (?:him|her)|in my own home|every day|all the time|in (?:the|my|our) (?:house|flat|home))\b)",
    ),
    (
        "emotional abuse",
        rf"\b(?:he|she|{PARTNER}) (?:\w+ ){{0,2}}?(?:tells|told|telling|calls|called|calling|says|said) (?:me|her) (?:that )?(?:i am |she is )?(?:worthless|a waste of space|pathetic|nothing without (?:him|her))\b|\b(?:my|our) {PARTNER} (?:\w+ ){{0,2}}?(?:(?:belittles|belittling|humiliates|humiliating|degrades|degrading|gaslights|gaslighting|insults|insulting|manipulates|manipulating|isolates|isolating|intimidates|intimidating|terrorises|terrorising|terrorizes|bullies|bullying) (?:me|us)|(?:puts|putting) me down(?! (?:as|for|on)\b)|call(?:s|ing)? me names)\b",
    ),
    (
        "tracking device",
        rf"\b(?:he|she|they|{PARTNER}|someone|somebody) (?:has |have |had |just )?(?:put|hid|installed|hidden|fitted|planted) (?:a )?(?:tracker|tracking device|tracking app|airtag|air tag|spyware|gps tracker) (?:on|in|under) (?:my|our)\b|\bfound (?:a )?(?:tracker|tracking device|tracking app|airtag|air tag|spyware|gps tracker) (?:on|in|under) (?:my|our)\b",
    ),
    (
        "kept in or cut off",
        rf"\b(?:he|she|{PARTNER}) (?:\w+ ){{0,2}}?(?:locks|locked|locking) (?:me|us) (?:in|inside|indoors)\b|\b(?:took|takes|taken|hides|hid|hidden|smashed|keeps) (?:away )?(?:my|our) (?:phone|keys|car keys|passport|purse|bank card|money)\b(?: and (?:my |our )?\w+(?: \w+)?)? so (?:i|we) (?:cannot|can not|could not|can t) (?:leave|go|get out|call|ring|phone|contact|escape)\b",
    ),
    (
        "threat to take the children abroad",
        r"\b(?:says|said|saying|threaten\w*) (?:that )?(?:(?:he|she) (?:will|would|is going to) )?(?:take|snatch) (?:them|the kids|the children|my kids|my children|our kids|our children|the baby|my baby) (?:abroad|away from me|out of the country)\b",
    ),
    (
        "threat to burn the home",
        rf"\b(?:burn|set fire to|torch|petrol bomb|firebomb) (?:down )?(?:the|my|our|this) (?:house|flat|home|place|car)\b(?: down)? with (?:me|us|the kids|my kids|the children) (?:in it|inside)\b|\bmy (?:ex|{PARTNER})\b(?: \w+){{0,6}}? (?:burn|set fire to|torch|petrol bomb|firebomb) (?:down )?(?:the|my|our|this) (?:house|flat|home|place|car)\b",
    ),
    (
        "following me everywhere",
        r"\b(?:he|she) (?:keeps |is )?(?:follows|following|followed|stalks|stalking|tracks|tracking) (?:me|us) (?:everywhere|home|to work|around|wherever)\b|\b(?:he|she) (?:keeps|keep) (?:turning up|showing up) at (?:my|our) (?:work|job|house|flat|door|mums|kids school|school)\b",
    ),
    (
        "made to hand over wages",
        r"\b(?:makes|made|forces|forced|making|forcing) (?:me|her) (?:hand over|give (?:him|her|them)|sign over|transfer) (?:all )?(?:of )?(?:my|her|the) (?:money|wages|benefits|pay|pension|salary|bank card|cash)\b",
    ),
    (
        "no money for food",
        rf"\b(?:my )?{PARTNER} (?:will not|does not|never|refuses to|wont) (?:give|let) (?:me|us) (?:any )?(?:money|cash|housekeeping)\b(?: \w+)?(?: for (?:food|the kids|nappies|essentials|the children)| to (?:eat|buy food)| at all)\b",
    ),
    (
        "being knocked about by family",
        rf"\b(?:is|am|are|was|were|been|being|getting|gets) (?:being )?(?:knocked about|knocked around|beaten|battered|beaten up|hit|abused|slapped|punched|hurt|pushed around|bullied|threatened) by (?:his|her|my|their|our) (?:\w+ )?{PARTNER}\b",
    ),
    (
        "scared of what they will do",
        r"\b(?:scared|afraid|frightened|terrified|petrified|worried) (?:of )?what (?:he|she|they) (?:will|would|might|is going to|could) do (?:to (?:me|us|the kids|the children|my kids|my children|the baby)|if i (?:leave|go|tell|report))\b|\b(?:want|need|trying|going) to leave (?:him|her|my (?:husband|wife|partner|boyfriend|girlfriend))\b[^|]{0,30}\b(?:scared|afraid|frightened|terrified|petrified)\b",
    ),
)
