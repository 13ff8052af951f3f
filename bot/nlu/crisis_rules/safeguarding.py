"""Crisis rules for children and vulnerable adults at risk of harm, abuse or neglect."""

from __future__ import annotations

from bot.nlu.crisis_rules.fragments import (
    ADULT,
    CARER,
    CHILD,
    CHILD_HARM,
    HARMS_CHILD,
    I_AM_A_CHILD,
    MINOR_AGE,
    MINOR_IS,
    MINOR_REF,
    NOT_AN_AGE,
    PARENT,
    POSS_HOME,
    VULN_CONTEXT,
    VULNERABLE,
    WHERE,
    in_one_sentence,
)

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: Who might be taking an older or vulnerable person's money.
MONEY_TAKER = (
    r"(?:son|daughter|grandson|granddaughter|nephew|niece|brother|sister|family|relatives?|carer|carers|cleaner|"
    r"lodger|neighbour|friend|friends|boyfriend|girlfriend|partner|someone|somebody|man|woman|lads|people|uncle|"
    r"aunt|auntie|cousin)\b"
)
TAKING_VERBS = (
    r"taking|takes|took|taken|take|withdrawing|withdrew|withdrawn|spending|spends|spent|taken over|took over|"
    r"taking over"
)
#: Cheap first check: a sentence about someone's money names one of these.
MONEY_WORDS = (
    r"money|pension|savings|account|bank|card|cards|benefits|cash|purse|wallet|finances|pin"
)
#: Money that belongs to someone else ("my nans pension", "her bank card"), never the writer's own.
SOMEONES_MONEY = (
    r"(?:all )?(?:of )?(?:the )?(?:money |cash |\d+ )?(?:(?:out of|from|off) )?(?:(?:my |our |the )?(?:\w+ ){0,2}?"
    r"(?:mums|dads|nans|grandads|aunts|aunties|uncles|neighbours|parents|grandparents)|her|his|their) (?:\w+ )?"
    r"(?:money|pension|savings|account|bank account|bank card|card|cards|benefits|cash|purse|wallet|finances|pin|"
    r"bank details)"
)
#: Signs that money is being taken against someone's will.
EXPLOITATION_SIGNS = (
    r"without (?:her|his|their) (?:permission|knowledge|consent|knowing|say so)|behind (?:her|his|their) back|"
    r"(?:she|he|they) (?:does|do) not know|scared|frightened|terrified|afraid|no money (?:left|for food|to eat)|"
    r"nothing (?:left|to eat|for food)|with nothing|not allowed|will not let|bully\w*|bullie\w*|threaten\w*|"
    r"pressur\w*|keeps asking|all (?:her|his|their) (?:money|pension|benefits|savings)|for (?:himself|herself|themselves)|"
    r"abus\w*|exploit\w*|taking advantage|bank details"
)
#: Signs of a family member or carer handling money on someone's behalf, as many do.
ADVOCATE_SIGNS = (
    r"to pay (?:her|his|their|the) \w+|pays? (?:her|his|their) (?:bills|rent|council tax|fees)|on (?:her|his|their) behalf|"
    r"power of attorney|appointee|(?:safe|safely) for (?:her|him|them)"
)

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "child being harmed",
        rf"\b{CHILD}{WHERE}? (?:is |are |was |were |has been |have been |keeps getting |keep getting |always |often |not |being |getting |gets |get )+(?:hit|beaten|abused|neglected|hurt|starved|smacked|slapped|punched|kicked|shaken|burned|burnt|locked in|locked out|touched|groomed|exploited|battered|thrown|not fed|not being fed|never fed|covered in bruises|covered in marks|crying for hours|screaming for hours|going hungry|always hungry|starving all the time|unsupervised all day)\b(?! by (?:her|his|their) (?:husband|wife|partner|boyfriend|girlfriend|ex|fella))(?! by (?:a|an|the) (?:ball|football|car|bus|bike|bicycle|cyclist|van|lorry|vehicle|scooter|swing|branch|door|stone|rock|snowball|frisbee|cricket ball|golf ball|bin|wheelie bin)\b)",
    ),
    (
        "someone harming a child",
        rf"\b(?<!nearly )(?<!almost )(?<!narrowly )(?<!husband )(?<!partner )(?<!boyfriend )(?<! in law )(?<!husband is )(?<!partner is )(?<!boyfriend is )(?<! in law is ){HARMS_CHILD} (?:the |her |his |their |my |our |a |them |those )?(?:little |young |poor |own |tiny |baby )?{CHILD}\b|\b(?<!nearly )(?<!almost )(?<!narrowly ){HARMS_CHILD} (?:the |her |his |their |my |our |a |them |those )?(?:little |young |poor |own |tiny )?(?:kids|children|baby|babies|toddler|toddlers|little ones?|infant|newborn)\b",
    ),
    (
        "child being hurt (passive)",
        rf"\b{CHILD}\b.{{0,80}}\b(?:is|are) (?:being|getting) (?:hit|beaten|abused|hurt|neglected|smacked|starved|slapped|punched|battered|touched)\b(?! by (?:her|his|their) (?:husband|wife|partner|boyfriend|girlfriend|ex|fella))|\b(?:hit|beaten|hurt|abused|smacked|punched|kicked|slapped|touched|starved|battered|locked in|locked up|thrown out) by (?:my|our|her|his|their) {PARENT}\b",
    ),
    (
        "someones parent hurting them",
        rf"\b(?:my friends|her|his|their|a friends|my mates) {PARENT} (?:keeps |always |still |has |often |sometimes |has been )*(?:hits|hit|hitting|beats|beat|beating|hurts|hurting|kicks|punches|punched|slaps|slapped|smacks|smacked|abuses|abused|touches|touched|starves|locks|batters|battered) (?:her|him|them)\b",
    ),
    (
        "made to sell drugs",
        r"\b(?:made|forced|forcing|making|used|being used|pressured|groomed|getting|gets|get|using|uses|paying|pays|recruiting) (?:(?:kids|children|teenagers|young people|youngsters|him|her|them|my son|my daughter|boys|girls|lads) )?to (?:sell|deal|deliver|carry|run|hold|move|stash) (?:drugs|packages|parcels|weed|gear)\b",
    ),
    (
        "child left alone",
        rf"\b(?:left|leaves|leaving|leave) (?:the |her |his |their |my |our |a |them |those )?(?:little |young |tiny )?{CHILD} (?:alone|home alone|on (?:their|his|her) own|in the car|unattended|outside all night|crying|outside|out in the cold|on the balcony|locked out)\b|\b{CHILD}{WHERE}? (?:are |is |were |was |been |being |keeps being |keep being |always |often |has |have )*(?:left (?:home )?alone|left on (?:their|his|her|its) own|left unattended|(?:home )?alone (?:all|for days|for hours|again|every|overnight|at night|a lot|most)|on (?:their|his|her) own (?:all|for days|for hours|every|overnight|at night))\b",
    ),
    (
        "child neglect",
        rf"\b(?:child|self|elder|elderly) (?:neglect|abuse|cruelty|exploitation|protection)\b|\bneglect\w* (?:the |her |his |their |my |our |of (?:a |the |their |her |his |my )?)?(?:elderly |disabled |vulnerable |old )?(?:kids|children|child|baby|babies|nan|grandad|elderly|toddler|mum|dad|son|daughter|brother|sister|residents|patients|\w+ with dementia)\b|\b{CHILD}\b.{{0,60}}\b(?:neglect\w*|underfed|malnourished|half starved|filthy and hungry|dirty and hungry|never (?:go|goes|at|in) (?:to )?school)\b",
    ),
    (
        "parent or carer hurting me",
        rf"\b(?:my|our) {PARENT} (?:keeps |always |still |has |just |often |sometimes |is |has been )*(?:hits|hit|hitting|beats|beat|beating|hurts|hurt|hurting|kicks|kicked|kicking|punches|punched|punching|slaps|slapped|slapping|smacks|smacked|burns|burnt|touches|touched|touching|abuses|abused|abusing|starves|locks|locked|chokes|choked|strangles|strangled|shakes|shook|throws things at|threw things at|batters|battered) (?:me|us|my (?:little |baby |big )?(?:brother|sister|brothers|sisters)|me and my \w+)\b(?! out\b(?! of\b))",
    ),
    (
        "child scared of parent",
        rf"\b(?:i am|we are|she is|he is) (?:so |really |very )?(?:scared|frightened|afraid|terrified) of (?:my|our|her|his) {PARENT}\b",
    ),
    (
        "child not fed or left",
        r"\b(?:mum|dad|stepdad|stepmum|parents|carer|foster \w+)s? (?:do not |does not |did not |never |will not |has not |have not |is not |are not )?(?:feed|feeds|fed|feeding|come home|came home|been home|looked after|look after|looking after) (?:me|us)?\b.{0,25}\b(?:for (?:days|ages|two days|three days|a week|\d+ days)|properly|at all|any food|anything to eat)\b|\b(?:there is |we have |i have |have )no food (?:in the house|at home|for (?:days|ages|me|us))\b|\bhas not (?:been|come) home (?:for|in) (?:days|ages|two days|three days|a week|\d+ days)\b",
    ),
    (
        "a child writing about harm",
        rf"\b{I_AM_A_CHILD}\b.{{0,100}}\b{CHILD_HARM}\b|\b{CHILD_HARM}\b.{{0,80}}\bi am (?:only )?{MINOR_AGE}{NOT_AN_AGE}(?: years old| year old| yrs old| yrs| yo)?\b",
    ),
    (
        "carer harming someone",
        rf"\b{CARER} (?:is |are |was |has been |keeps |keep |has |have |has not stopped |have not stopped |will not stop |does not stop |never stops )*(?:(?:steals|stealing|stole|takes|taking|took|has taken|keeps) (?:all )?(?:of )?(?:my |her |his |their |the )?(?:\w+ )?(?:money|pension|savings|bank card|cards|cash|jewellery|medication|meds)|steals|stealing|stole|stolen|hits|hitting|hit|hurts|hurting|hurt|shouts at|shouting at|swears at|abuses|abusing|abused|neglects|neglecting|neglected|slaps|slapping|slapped|pushes|pushing|pushed|rough with|locks|locking|locked|ignores|ignoring|scares|frightening|bullies|bullying|pinches|pinching|leaves? (?:her|him|them) (?:alone|in|without)|left (?:her|him|them) (?:alone|in|without))\b",
    ),
    (
        "carer not turning up",
        rf"\b{CARER} (?:does not|doesnt|do not|often does not|keeps not|never) (?:turn up|come|show up)\b|\b{CARER} (?:has|have)? ?(?:not|never) (?:turned up|come|came|been|visited|shown up)\b.{{0,40}}\b(?:days|week|weeks|cannot get out of bed|no food|not eaten|on the floor)\b",
    ),
    (
        "vulnerable adult abused or exploited",
        rf"\b{VULNERABLE} (?:is |are |was |has been |being |keeps |keep |getting |gets )+(?:abused|neglected|exploited|hit|beaten|scammed|robbed|stolen from|taken advantage of|financially abused|cuckooed|locked in|left alone for days|not fed|starved)\b|\b(?:taking|taken|takes|took) advantage of (?:my |an? |the |our )?(?:nan|grandad|elderly|old|vulnerable|disabled|neighbour|uncle|aunt|brother|sister)\b|\b(?:financial|financially|elder|sexual|sexually|physical) abus\w*\b.{{0,40}}\b(?:nan|grandad|elderly|old|vulnerable|disabled|dementia|child|kids|children|carer)\b",
    ),
    (
        "worried about a neighbours children",
        rf"\b(?:worried|concerned|scared|frightened|worry|concern|concerns) (?:about|for) (?:the |my |our |a |those |these )?(?:\w+ )?(?:{CHILD}|neighbours kids|neighbours children|kids|children|baby|old lady|old man|elderly \w+|neighbour)\b (?:next door|upstairs|downstairs|across the (?:road|street|landing|hall)|over the road|opposite|in the flat|in flat \w+|on (?:my|our|the) (?:street|road|landing|estate)|in (?:my|our|the) (?:street|road|block|building|close|estate|flats)|who live|who lives|that live|that lives|at number \w+|in number \w+)\b",
    ),
    (
        "neighbour not seen",
        r"\b(?:have not|not|has not|no one has|nobody has) (?:seen|heard from|heard) (?:my |the |our )?(?:elderly |old |vulnerable |disabled )?(?:neighbour|lady next door|man next door|old lady|old man)\b.{0,40}\b(?:days|week|weeks|ages)\b",
    ),
    (
        "grooming or exploitation",
        rf"\b(?:groomed|grooming)\b|\bgroom(?:s|ing)? (?:him|her|them|my \w+|kids|children|young \w+|girls|boys|a child|the kids)\b|\bcounty lines\b|\bcuckoo(?:ing|ed)\b|\bmodern slavery\b|\btraffick\w*\b|\b(?:criminal|sexual|sexually|child) exploit\w*\b|\b{CHILD}\b.{{0,25}}\bexploit\w*\b|\bexploit\w* (?:the |my |our |a |young |local )?(?:{CHILD}|young people|teenagers|vulnerable \w+)\b|\b(?:older|grown|adult|\d\d year old) (?:man|men|woman|women|adult|adults|lad|lads) .{{0,50}}\b(?:messag\w*|texting|texts|talking to|giving|picking up|gifts?|money|snapchat|dms|following)\b.{{0,30}}\b(?:(?:my|her|his|their|a|our|the|local|young) )?(?:\d+ year old |young |little )?(?:daughter|son|child|children|kid|kids|girl|girls|boy|boys|teenagers?|niece|nephew|granddaughter|grandson)\b|\b(?:asked|asking|asks|made|making|makes|forcing|forced) (?:me|her|him|my \w+) (?:for|to send|to take|to carry|to sell|to deliver|to hold) (?:nudes|naked|pics|pictures|photos|drugs|packages|parcels)\b|\b(?:sending|sent|sends) (?:me|her|him|my \w+) (?:nudes|naked pictures|naked photos|dirty pictures|sexual \w+)\b|\b(?:drug dealers|dealers|gang|gangs) .{{0,30}}\b(?:using|recruiting|grooming|targeting) (?:the |local )?(?:kids|children|teenagers|young people|youngsters)\b",
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
        rf"\b{CHILD}\b.{{0,60}}\b(?:never|not|rarely|hardly ever|barely) (?:seems to be |seem to be |gets? |getting |being |been |is |are )?(?:fed|feed|given food|given anything to eat|washed|clean|looked after|supervised)\b",
    ),
    (
        "child with bruises",
        rf"\b(?<!my )(?<!our ){CHILD}{WHERE}? (?:always |often |keeps |has |have |had |turned up with |came to school with |comes to school with |with |got |has got |always has |is covered in |are covered in )+(?:bruises|bruising|marks on (?:his|her|their) (?:face|arms|body|neck)|burns|black eyes?|a black eye|cigarette burns|injuries)\b",
    ),
    (
        "vulnerable person not cared for",
        rf"\b(?:elderly|old|disabled|vulnerable|frail|dementia|{CHILD}|nan|grandad|pensioner)\b.{{0,50}}\b(?:not|never|nobody|no one|noone|is not|isnt)\b.{{0,20}}\b(?:looked after|cared for|checks on|checking on|looking after|looks after|feeding|fed|washed|visits)\b|\b(?:no one|nobody|noone) (?:checks on|looks after|visits|cares for|feeds) (?:him|her|them)\b",
    ),
    (
        "nobody caring for a child or vulnerable adult",
        rf"\b(?:no one|nobody|noone|no body|no adult|no grown up) (?:is |has been |was |ever |seems to be |seems to )?(?:feeding|feeds|fed|looking after|looks after|caring for|cares for|watching|minding|supervising|washing|changing) (?:the |those |these |my |her |his |their |our )?(?:little |young |poor |tiny )?(?:{CHILD}|kids|children|little ones?)\b"
        rf"|\b(?:no one|nobody|noone|no body) (?:is |has been |was |seems to be )?(?:feeding|looking after|caring for|checking on|washing) (?:my |our |the |her |his |their )?{VULNERABLE}\b",
    ),
    (
        "child with bruises nearby",
        rf"\b(?<!my )(?<!our ){CHILD}\b.{{0,40}}\b(?:has|have|had|with|got|covered in|turned up with|came in with|comes in with)\b (?:\w+ ){{0,2}}?(?:bruises|bruising|black eyes?|a black eye|cigarette burns|injuries)\b(?! (?:from|after|at|playing) (?:a |the |his |her )?(?:netball|football|rugby|hockey|pe|sports?|training|park|fall|falling|playing|cricket|judo|karate|boxing|trampoline|trampolining|swings?|slide|climbing frame)\b)|\b(?:comes|came|coming|come) (?:home|back) (?:from \w+ (?:\w+ )?)?(?:with|covered in) (?:\w+ )?(?:bruises|bruising|black eyes?|a black eye|burns|injuries|marks)\b(?! (?:from|after|at|playing) (?:a |the |his |her )?(?:netball|football|rugby|hockey|pe|sports?|training|park|fall|falling|playing|cricket|judo|karate|boxing|trampoline|trampolining|swings?|slide|climbing frame)\b)",
    ),
    (
        "parent not feeding a child",
        r"\b(?:mum|dad|stepdad|stepmum|parents|mother|father|carer|son|daughter)\b.{0,20}\b(?:does not|doesnt|do not|never|will not|wont|is not|not) (?:give|giving|feed|feeding) (?:her|him|them|me|us)\b(?: any)?(?: (?:food|anything to eat|dinner|meals|breakfast|tea))?\b",
    ),
    (
        "cuckooing by dealers",
        r"\b(?:drug dealers|dealers|gang|gangs|druggies|junkies)\b.{0,20}\b(?:taken over|took over|taking over)\b.{0,30}\b(?:flat|house|home|place)\b",
    ),
    (
        "child left alone (window)",
        rf"\b{CHILD}\b.{{0,60}}\b(?:left (?:alone|on (?:its|their|his|her) own|unattended|outside)|out alone at night|alone at night|outside until late|out until late|out at midnight|alone at midnight|wandering the streets)\b|\b(?:leaves|leaving|left) (?:her|him|them) (?:alone|on (?:her|his|their) own) (?:at night|all night|overnight|for hours|for days|every night)\b",
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
        rf"\b(?:made a disclosure|has disclosed|disclosed (?:abuse|that))\b|\b{CHILD}\b.{{0,25}}\b(?:told|tells|said|has told) (?:me )?something (?:worrying|concerning|upsetting|about (?:home|what happens at home))\b|\b(?:child|childs|children|childrens|kids|babys|baby)s? (?:safety|welfare|wellbeing|well being) (?:at home|in the home|in that house|with (?:her|his|their) (?:mum|dad|parents|stepdad|mums boyfriend))\b",
    ),
    (
        "stranger wants to meet a child",
        rf"\b(?:man|men|stranger|strangers|adult|adults|older \w+|guy|bloke|someone|somebody)\b.{{0,60}}\b{CHILD}\b.{{0,40}}\b(?:asking to meet|wants to meet|arrange to meet|arranged to meet|meet up|meet him|meet her|keep it (?:a )?secret|sends? (?:him|her|them) gifts|pictures of (?:him|her|them)|photos of (?:him|her|them)|nudes)\b",
    ),
    (
        "home taken over by dealers",
        r"\b(?<!empty )(?<!derelict )(?<!vacant )(?<!abandoned )(?<!disused )(?:flat|house|home|place|bedsit)s? (?:\w+ ){0,2}?(?:taken over|took over) by (?:\w+ ){0,2}?(?:dealers|drug dealers|druggies|junkies|a gang|gangs|gang members|county lines|criminals|addicts|drug users)\b",
    ),
    (
        "someone's home taken over",
        rf"\b(?:they|dealers|drug dealers|druggies|junkies|a gang|gangs|lads|men|people|strangers|criminals|addicts)\b (?:\w+ ){{0,2}}?(?:taken over|took over|are taking over|taking over)\b {POSS_HOME}\b|\b(?:dealers|drug dealers|druggies|junkies|a gang|gangs|gang members)\b (?:\w+ ){{0,2}}?(?:moved in with|living with|staying with) (?:him|her|them)\b",
    ),
    (
        "used by dealers",
        r"\b(?:man|woman|lady|boy|girl|lad|neighbour|brother|sister|son|daughter|uncle|aunt|auntie|nan|grandad|mum|dad|cousin|friend|person|adult|tenant|resident|him|her)\b (?:(?!empty|derelict|abandoned|vacant|boarded)\w+ ){0,5}?(?<!the flat )(?<!the flats )(?<!the house )(?<!the stairwell )(?<!the garage )(?<!the building )(?<!the block )(?<!the shop )(?<!the park )(?<!the alley )(?<!the property )(?:is|are|being|been|getting|gets) (?:being )?(?:used|exploited|controlled|taken advantage of|targeted) by (?:the |some |local )?(?:drug dealers|dealers|druggies|junkies|a gang|gangs|gang members|people who|criminals|county lines)\b",
    ),
    (
        "cuckooing a vulnerable person",
        in_one_sentence(
            VULN_CONTEXT,
            rf"(?:using|use|used|uses|moved into|moved in to|staying at|staying in|living in|taken over|took over) {POSS_HOME}(?: \w+){{0,5}}? (?:to deal|dealing|to sell|selling|and deal|and sell|deal from|sell from|as a (?:drugs? den|crack den|trap house|base))"
            rf"|(?:dealers|drug dealers|druggies|junkies|a gang|gangs|gang members|county lines)(?: \w+){{0,3}}? (?:using|use|used|running|operating|living|staying)(?: \w+){{0,4}}? (?:{POSS_HOME}|him|her)"
            r"|(?:dealers|drug dealers|druggies|junkies|a gang|gangs|gang members|county lines)(?: \w+){0,3}? (?:moved in|move in|moving in|taken over|took over)"
            rf"|{POSS_HOME}s? (?:is |was |has been |being |been )*used (?:as a (?:drugs? den|crack den|trap house|base)|to (?:deal|sell|store|stash))",
        ),
    ),
    (
        "relative or carer draining an older persons money",
        r"\b(?:son|daughter|grandson|granddaughter|nephew|niece|brother|sister|family|relatives?|carer|carers|cleaner|lodger|neighbour|friend|friends|boyfriend|girlfriend|partner|wife|husband|someone|somebody|man|woman|lads|youths|people|uncle|aunt|auntie|cousin)\b (?:\w+ ){0,4}?(?:stealing|steals|stole|stolen|nicking|nicks|nicked|pinching|draining|drains|drained|emptying|empties|emptied|helping (?:himself|herself|themselves) to|fleecing|fleeced|swindling|swindled|conning|conned|scamming|scammed|bleeding dry) (?:all )?(?:of )?(?:the money (?:from|in|out of) )?(?:(?:my |our |the )?(?:elderly |old |disabled |vulnerable |frail )?(?:\w+ )?(?:mums|dads|nans|grandads|aunts|aunties|uncles|neighbours|parents|grandparents)|her|his|their) (?:\w+ )?(?:money|pension|savings|account|bank account|bank card|cards?|benefits|cash|purse|wallet|finances|pin|bank details|house|jewellery)\b|\b(?:son|daughter|grandson|granddaughter|nephew|niece|brother|sister|family|carer|carers|cleaner|lodger|neighbour|friend|boyfriend|girlfriend|someone|somebody)\b (?:\w+ ){0,3}?(?:taking|takes|took|taken) (?:money|cash|\d+) (?:from|out of) (?:her|his|their|my \w+s) (?:purse|wallet|handbag|handbags)\b",
    ),
    (
        "relative or carer taking money with warning signs",
        in_one_sentence(
            MONEY_WORDS,
            EXPLOITATION_SIGNS,
            rf"{MONEY_TAKER}(?: \w+){{0,8}}? (?:{TAKING_VERBS}|using|uses|used|in charge of|controls|controlling) {SOMEONES_MONEY}",
            unless=ADVOCATE_SIGNS,
        )
        + "|"
        + in_one_sentence(
            MONEY_WORDS,
            r"dementia|alzheimers|vulnerable|confused|learning (?:disabilit\w*|difficult\w*)|autis\w*",
            rf"{MONEY_TAKER}(?: \w+){{0,8}}? (?:{TAKING_VERBS}) {SOMEONES_MONEY}",
            unless=ADVOCATE_SIGNS,
        ),
    ),
    (
        "left with nothing",
        r"\b(?:take|takes|took|taking|spend|spends|spent|spending|steal\w*|stole|drain\w*)\b[^|]{0,40}\b(?:leave|leaves|leaving|left) (?:her|him|them) (?:with )?(?:nothing|no money|nothing to live on|nothing for food|no food|penniless)\b",
    ),
    (
        "made to hand over money",
        r"\b(?:makes|made|making|forces|forced|forcing|pressures|pressured|pressuring|pressurises|pressurised|bullies|bullied|bullying) (?:her|him|them|my (?:\w+ )?(?:mum|dad|nan|grandad|aunt|auntie|uncle|neighbour|brother|sister)|(?:the |my |our )?(?:elderly|old|disabled|vulnerable) \w+) (?:to |into )?(?:withdraw\w*|take out|taking out|hand over|handing over|give (?:him|her|them)|giving (?:him|her|them)|transfer\w*|lend\w*) (?:\w+ ){0,3}?(?:cash|money|pension|savings|benefits|bank card|pin|account)\b|\b(?:got|gets|getting|made|make|making|persuaded|tricked|conned|pressured|pressurised|forced|bullied) (?:her|him|them|my (?:\w+ )?(?:mum|dad|nan|grandad|aunt|auntie|uncle|neighbour|brother|sister)|(?:the |my |our )?(?:elderly|old|disabled|vulnerable) \w+) (?:in)?to (?:sign|signing) (?:\w+ ){0,4}?(?:over|away)\b",
    ),
    (
        "carer asking for or taking money",
        rf"\b{CARER}\b(?: \w+){{0,3}}? (?:asking|asks|asked|begging|borrowing|borrows|borrowed) (?:him|her|them|my \w+) for (?:money|cash|a loan|loans|his money|her money|his card|her card)\b|\b{CARER}\b(?: \w+){{0,3}}? (?:took|takes|taking|taken|withdrew|withdrawn|withdrawing) (?:\w+ ){{0,2}}?(?:out of|from) (?:her|his|their|my \w+s) (?:\w+ )?(?:account|bank|purse|wallet|savings|pension|handbag)\b|\b{CARER}\b(?: \w+){{0,3}}? (?:using|uses|used|spending|spends|spent) (?:my |her |his |their |the )?(?:\w+ ){{0,2}}?(?:bank card|card|cards|money|pension|savings|cash|account)\b[^|]{{0,30}}\b(?:(?:her|his|their) own|for (?:herself|himself|themselves)|without (?:asking|permission))\b",
    ),
    (
        "taking money off an older person",
        r"\b(?:taking|takes|took|stealing|steals|stole|nicking|nicks|nicked|robbing|robs|robbed|demanding|demand|demands) (?:money|cash|things|stuff|his money|her money|his pension|her pension|his shopping|her shopping) (?:off|from) (?:the |an |a |my |our |this )?(?:old|elderly|disabled|vulnerable|blind|frail|autistic|deaf) \w+\b",
    ),
    (
        "adult in a relationship with a child",
        in_one_sentence(
            ADULT,
            rf"{MINOR_REF}|{MINOR_IS}",
            r"seeing|dating|going out|relationship|sleeping with|boyfriend|girlfriend|cars? with|messag\w*|texting|talking to|chatting|snapchat|instagram|tiktok|online|meet\w*|hanging around|hanging out|staying (?:with|at)|picking|picks|picked|buying|gifts?|lifts?|xbox|playstation|game|games",
        ),
    ),
    (
        "adult contacting a child",
        rf"\b{ADULT}\b[^|]{{0,50}}\b(?:seeing|dating|going out with|relationship with|sleeping with|messag\w*|texting|talking to|chatting (?:to|with)|snapchat\w*|meet\w*|picking|picks|picked|collecting|buying|bought|giving|gives|gave|taking|driving|following|hanging around with)\b[^|]{{0,30}}\b(?:{MINOR_REF}|{CHILD})\b",
    ),
    (
        "boyfriend much older than a child",
        rf"\b(?:boyfriend|girlfriend|fella|man|guy|bloke) (?:who is|whos|is|aged|of) (?:1[89]|[2-9]\d|twenty\w*|thirty\w*|forty\w*)\b[^|]{{0,40}}\b(?:she|he) is (?:only |just )?{MINOR_AGE}{NOT_AN_AGE}\b",
    ),
    (
        "child asked to undress",
        in_one_sentence(
            r"no clothes on|without (?:any |her |his |their )?clothes|take (?:her|his|their) clothes off|topless|undress\w*|naked",
            r"video|call|calls|camera|cam|webcam|photos?|pics?|pictures?|send|sent|online|snapchat|facetime|app|game|messag\w*|phone",
            rf"{CHILD}|{MINOR_REF}",
        ),
    ),
    (
        "child asked for photos",
        rf"\b(?:asked|asking|asks|wants|wanted) (?:{MINOR_REF}|my (?:\w+ )?(?:son|daughter|kid|child|niece|nephew|grandson|granddaughter)) (?:for|to send|to share) (?:nudes|naked|pics|pictures|photos|videos|selfies)\b",
    ),
    (
        "child going missing",
        in_one_sentence(
            r"missing",
            rf"(?:{CHILD}|{MINOR_REF})\b (?:has |have |keeps |keep |is |are |was |were |often |always |been |going |constantly )*(?:gone|going|went|goes|go) missing",
        ),
    ),
    (
        "worried about one of the children",
        r"\b(?:worried|concerned|worry|concerns) (?:about|for) (?:one of (?:the|my|our) (?:kids|children|pupils|students|young people|lads|girls|boys)|a (?:child|pupil|student|young person) (?:in|at|from) (?:my|our|the) (?:class|school|club|group|team))\b(?= \||$)",
    ),
    (
        "someone taking advantage",
        r"\b(?:he|she|someone|somebody) (?:is|are) (?:taking|taken) advantage\b(?= \||$| of (?:her|him|them)\b)",
    ),
    (
        "pupil with injuries",
        r"\b(?:pupils?|students?|a (?:child|kid|boy|girl) in (?:my|our|the) class|one of (?:my|our|the) (?:pupils|students|kids|children))\b[^|]{0,40}\b(?:bruis\w*|black eyes?|burns|burn marks|marks on (?:his|her|their) (?:face|arms|neck|body|legs)|injuries|finger ?marks?)\b",
    ),
    (
        "cigarette burns",
        rf"\b(?:looks? like|looked like|what looks like) (?:a )?cigarette burns?\b|\b{CHILD}\b[^|]{{0,60}}\bcigarette burns?\b",
    ),
    (
        "care home neglect",
        r"\bcare home\b[^|]{0,30}\b(?:not|is not|are not|never|isnt|arent) (?:feeding|washing|changing|turning|caring for|looking after|giving (?:her|him|them) (?:food|drinks|water|meds|medication))\b",
    ),
    (
        "child out in the cold",
        rf"\b{CHILD}\b[^|]{{0,40}}\b(?:in (?:just )?(?:a |their |his |her |only )?(?:nappy|nappies)|no coat|no shoes|barefoot)\b[^|]{{0,30}}\b(?:cold|snow|rain|freezing|winter|frost)\b|\b{CHILD}\b[^|]{{0,50}}\blocked out\b[^|]{{0,30}}\b(?:for hours|all night|overnight|in the cold|in the rain|in the garden|at night|till late|until late|all day)\b",
    ),
    (
        "parents screaming at children",
        rf"\b{CHILD}\b[^|]{{0,80}}\b(?:parents?|mum|dad|stepdad|stepmum|mother|father)\b (?:is |are |always |keep |keeps |constantly |just )*(?:screaming|screams|screamed|shouting|shouts|swearing|swears) at (?:them|the kids|the children|her|him)\b",
    ),
    (
        "afraid of the men who come round",
        r"\b(?:terrified|scared|frightened|afraid|petrified) (?:of )?(?:the |some |these |those |all the )?(?:older )?(?:men|blokes|lads|guys|gang|dealers|people|adults|man|bloke) (?:who|that) (?:visit|come|keep coming|hang|stay|are staying|use|turn up|call round)\b",
    ),
    (
        "people moved into a vulnerable persons home",
        r"\b(?:blokes|men|lads|people|guys|gang|dealers|strangers|they)\b[^|]{0,30}\b(?:moved in(?:to)?|taken over|took over|taking over|living in|staying in|using)\b[^|]{0,40}\b(?:disabled|vulnerable|elderly|old|frail|learning disabilit\w*|blind|deaf)\b|\b(?:disabled|vulnerable|elderly|old|frail|blind|deaf) (?:man|woman|person|lady|neighbour|bloke|gentleman|chap|fella|tenant|resident)\b[^|]{0,60}\b(?:scared|terrified|frightened|afraid) of (?:them|these|those|the (?:men|blokes|lads|people|guys))\b",
    ),
    (
        "carer keeps the family away",
        r"\b(?:carer|carers|care worker|support worker|lodger)\b[^|]{0,30}\b(?:will not|won t|does not|doesn t|do not|never|refuses to) (?:let|allow) (?:me|us|anyone|the family|her family|his family|family) (?:to )?(?:see|visit|speak to|talk to|in)\b",
    ),
    (
        "child picked up by older men",
        r"\b(?:teenage|teen|teenager|teenagers|teens|young|little|school ?girl|school ?boy|daughter|son|girl|boy|kid|child|niece|nephew|granddaughter|grandson|year \d+|aged? 1[0-7]|1[0-7] year old)\b[^|]{0,60}\b(?:picked up|collected|driven (?:off|around|away)|taken (?:away|off)|given lifts|getting into cars?|got into (?:a )?cars?|meeting)\b[^|]{0,15}\b(?:by |with )?(?:much |a lot |way |far )?older (?:men|man|lads|blokes|guys|males|boys)\b",
    ),
    (
        "children out in the street at night",
        rf"\b{CHILD}\b[^|]{{0,40}}\b(?:out|outside|out on the streets?|in the street|in the road|wandering about)\b(?: \w+){{0,4}}? (?:at|after|past|till|until) (?:midnight|1 ?am|2 ?am|3 ?am|4 ?am|one in the morning|two in the morning|three in the morning)\b|\b{CHILD}\b[^|]{{0,60}}\b(?:outside|out in the street|out in the road|out on the street|in the street|wandering)\b[^|]{{0,40}}\bin (?:just )?(?:their|his|her) (?:pyjamas|pjs|nappy|nappies|pants|underwear)\b",
    ),
    (
        "taking a vulnerable persons money off them",
        r"\b(?:take|takes|took|taking|have taken|steal|steals|stole|stealing|keep|keeps|kept) (?:all )?(?:her|his|their) (?:benefits|benefit money|money|pension|bank card|cards|wages|pip|universal credit)\b[^|]{0,10}\b(?:off|from|away from) (?:her|him|them)\b",
    ),
)
