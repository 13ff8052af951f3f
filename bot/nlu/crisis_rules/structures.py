"""Crisis rules for dangerous structures: collapsing walls, fallen trees, exposed wires."""

from __future__ import annotations

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    (
        "collapsing structure",
        # A garden shed's or greenhouse's roof is not a building's ("the shed roof collapsed
        # into the bin"): the lookbehinds keep those out.
        r"(?<!shed )(?<!sheds )(?<!greenhouse )(?<!summerhouse )(?<!gazebo )(?<!carport )(?<!kennel )(?<!hutch )(?<!playhouse )"
        r"\b(?:front|facade|frontage|pub|factory|warehouse|mill|wall|walls|ceiling|ceilings|roof|building|buildings|house|chimney|chimney stack|chimney pot|balcony|stairs|staircase|stairwell|floor|bridge|footbridge|garage|porch|extension|block|flats|gable end|retaining wall|garden wall|boundary wall|front wall|back wall|bay window|canopy|bus shelter|church|tower|shop front|tree|trees|branch|scaffolding|lamp post|lamppost|street light|telegraph pole)\b(?: (?!fence|fences|gate|shed|window|windows|cupboard|cupboards|guttering|gutter|handle|tiles?|light|lights|panel|garden|hedge|bins?|paint|wallpaper|plaster|curtains?|blinds?|carpet|sink|bath|toilet|shower|radiator|boiler|pipe|pipes|shelf|shelves|units?|aerial|dish)\w+){0,6}? (?:collaps\w*|cav\w* in|fall\w* down|fell down|come down|coming down|came down|crumbl\w* (?:onto|on to|on|into|away|down)|gave way|giving way|give way|bulging|bowing|sagging|leaning (?:badly|dangerously|over|out|into)|subsided|subsiding|sinking|cracked in half|split open|fall\w* (?:onto|on|into|over)|fell (?:onto|on|into|over)|blown down|blew down|structurally unsafe|unsafe to (?:walk|go|use|stand)|looks unsafe|unstable|coming away|pulling away|(?:about|going|likely) to (?:fall|collapse|come down|give way|topple)|(?:looks like|feels like|looks as if|as if) (?:it|its|it is) (?:will |is |going to |could |might |about to )*(?:fall|collapse|come down|give way|topple)|could (?:fall|collapse|come down|give way) (?:any|at any))\b",
    ),
    (
        "road collapse",
        r"\b(?:road|pavement|footpath|path|car park|ground)(?: \w+){0,4}? (?:has |have |is |are |just )*(?:collapsed|collapsing|caved in|caving in|subsided|sunk|sinking|given way|gave way|giving way|opened up|split open)\b",
    ),
    (
        "falling masonry",
        r"\b(?:falling|fallen|dropping) (?:masonry|bricks|brickwork|stones|concrete|debris|render|cladding|coping stones|slates|roof tiles|chunks)\b|\b(?:masonry|bricks|brickwork|stones|concrete|debris|render|cladding|coping stones|chunks|lumps|pieces of (?:concrete|brick|masonry|roof|wall|ceiling)|chimney pot) (?:are |is |keep |keeps |have |has |have been |has been |started |start |begun |begin |started to |begun to )*(?:falling|fell|fallen|dropping|dropped|coming|came|crashing|crashed|flying|blowing|blown) (?:off|down|from|onto|on|into|out)\b|\b(?:tiles|slates) (?:are |is |keep |keeps )*(?:flying|blowing|falling) off (?:the )?roof\b|\broof tiles? (?:are |is )*(?:flying|blowing|falling|coming)\b|\b(?:lump|chunk|piece|bit|lumps|chunks|pieces) of (?:the )?(?:ceiling|wall|building|concrete|masonry|brick|bricks|roof|balcony|chimney) (?:fell|has fallen|have fallen|came|come|falling|dropped)\b",
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
        r"\b(?:ceiling|ceilings|roof|roofs|floor|floors) (?:\w+ ){0,3}?(?:fallen|fell|falling|caved|caving|come|came|coming) in\b",
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
        r"\b(?:sign|signs|shop sign|signage|hoarding|hoardings|canopy|satellite dish|cctv camera|cladding panel|panel|awning)\b(?: \w+){0,3}? (?:is |are )?(?:hanging off|hanging by (?:a|one) \w+|about to fall|dangling|loose and swinging|swinging loose)\b|\b(?:hoarding|hoardings|fence|fencing|barrier|barriers|scaffolding|sign|panel|panels)\b.{0,30}\b(?:blown|blew|fallen|fell|come|came) (?:over |down )?(?:into|onto|across) (?:the )?(?:road|pavement|street|path|footpath|traffic)\b",
    ),
    (
        "structure hanging off",
        r"\b(?:roof|balcony|balconies|canopy|shop sign|sign|street light|lamp post|lamppost|bus shelter roof|cladding|scaffolding|chimney|chimney pot|fire escape|railings)\b(?: \w+){0,4}? (?:is |are |has |now )*(?:hanging off|coming away from)\b",
    ),
    (
        "masonry coming loose",
        r"\b(?:bricks?|stones?|masonry|brickwork|coping stones?|render|concrete|slates?|roof tiles?|chunks)\b (?:are |is |keep |keeps |have |has )*(?:coming|come|came|working|worked) (?:loose|away|out)\b[^|]{0,40}\b(?:onto|on to|on|into|over|dropping|falling|landing) (?:the |a |our |my )?(?:path|pavement|road|street|footpath|people|cars?|pram|kids|children|playground|bus stop|heads?)\b|\b(?:bricks?|stones?|masonry|coping stones?|concrete|chunks)\b (?:are |is |keep |keeps )*(?:coming|come|came) loose (?:from|off) (?:the |a )?(?:\w+ )?(?:bridge|chimney|building|wall|roof|flats|block|tower|church|viaduct)\b",
    ),
    (
        "bits falling off a structure",
        r"\b(?:stairwell|stairs|staircase|balcony|balconies|bridge|building|chimney|walkway|block|flats|tower|church|facade)\b[^|]{0,40}\bbits (?:of (?:it|concrete|brick|masonry|stone) )?(?:are |keep |keeps |have |has )*(?:falling|dropping|coming|fell|dropped|came) (?:off|down|away|out)\b",
    ),
    (
        "chimney wobbling",
        r"\b(?:chimneys|chimney stacks|chimney pots|walls|lampposts|lamp posts|telegraph poles)\b (?:wobbling|swaying|rocking|moving in the wind|shaking in the wind)\b",
    ),
    (
        "split tree over the road",
        r"\b(?:tree|trees|oak|ash|sycamore|beech|willow|chestnut|conker tree|elm|pine|poplar|birch|branch|branches|bough|limb)\b(?: (?!roots?\b)\w+){0,3}? (?:has |have |is |are |just )*(?:split|snapped|cracked|dangling|hanging down|hanging off|half down|partly fallen|ripped|torn)\b(?! (?:the|a|my|our) (?:pavement|path|wall|drive|driveway|road|patio|slabs?)\b)[^|]{0,40}\b(?:over|across|onto|on|above|into|blocking) (?:the |a |our |my )?(?:road|roads|street|pavement|path|footpath|lane|cars?|houses?|roof|bus stop|school|playground|power lines?|wires|cables|people|children)\b",
    ),
    (
        "street light knocked over",
        r"\b(?:street light|streetlight|lamp post|lamppost|telegraph pole|telephone pole|street lamp)s?\b(?: \w+){0,8}? (?:hanging over|leaning over|bent over|lying (?:in|across|on)|knocked (?:down|over))(?: (?:the )?(?:road|street|pavement|path|footpath|lane|cars?|junction))?\b|\bknocked (?:down |over )?(?:the |a )?(?:street light|streetlight|lamp post|lamppost|telegraph pole|street lamp)s?(?: (?:down|over))?\b",
    ),
    (
        "open electric box with wires showing",
        r"\b(?:box|cabinet|panel|hatch|cover|door)\b(?: \w+){0,5}? (?:hanging off|missing|open|ripped off|smashed|broken)\b[^|]{0,40}\b(?:see|exposed|touch|reach) (?:the |all the )?(?:wires|wiring|cables|electrics)\b",
    ),
    (
        "balcony railings gone",
        r"\b(?:balcony|balconies|walkway)\b(?: \w+){0,2}? (?:railings?|barriers?|rails?|panels?|glass)\b (?:have |has |are |is )*(?:come away|coming away|came away|come loose|came loose|coming loose|fallen off|fell off|gave way|giving way|given way|collapsed|snapped|broken off|hanging off|missing)\b|\b(?:someone|somebody|a child|people|kids|anyone|children) (?:could|will|might|is going to|are going to) (?:fall (?:off|through|out|from)|be crushed|get crushed)\b",
    ),
    (
        "walkway crumbling",
        r"\b(?:walkway|walkways|footbridge|stairwell|landing|balcony|balconies|bridge)\b(?: \w+){0,3}? (?:is |are )?(?:crumbling|falling) (?:away|apart)\b",
    ),
    (
        "about to blow over",
        r"\b(?:hoarding|hoardings|fence panels?|fencing|barrier|barriers|scaffolding|sign|signs|panel|panels|boards?)\b(?: \w+){0,3}? (?:is |are )?(?:about to|going to|likely to) (?:blow|fall|come|go) (?:over|down)\b[^|]{0,30}\b(?:onto|on|into|across) (?:the )?(?:road|pavement|street|path|footpath|traffic|cars?|people)\b",
    ),
    (
        "cracked and leaning",
        r"\b(?:wall|retaining wall|garden wall|boundary wall|gable|gable end|chimney|building|house|bridge)\b[^|]{0,50}\b(?:crack|cracks|cracked|cracking)\b[^|]{0,25}?\b(?:and |which |that )?(?:it is |its |it has |is |has |are |have )?(?:now |also |really |badly |started |starting )*(?:to )?(?:leaning|bulging|bowing|tilting|lean|bulge)\b(?! (?:slightly|a (?:little|bit|tiny bit))\b)|\b(?:crack|cracks|cracked)\b[^|]{0,50}\b(?:wall|retaining wall|gable|gable end|chimney|building|house|bridge)\b (?:and |which |that )?(?:it is |its |it has |is |has |are |have )(?:now |also |really |badly |started |starting )*(?:to )?(?:leaning|bulging|bowing|tilting|lean|bulge)\b(?! (?:slightly|a (?:little|bit|tiny bit))\b)|\bcracked (?:retaining |garden |boundary |front |back |gable )?(?:wall|gable end|chimney)\b[^|]{0,40}\b(?:and|which|that) (?:it )?(?:is|has|its|it is) (?:now |also |started |starting )*(?:to )?(?:lean|leaning|bulging|bulge|tilting)\b",
    ),
    (
        "landslip",
        r"\bland ?(?:slip|slips|slide|slides)\b|\bmud ?slides?\b|\b(?:earth|mud|soil|rocks?|embankment|hillside|cliff|grass bank|earth bank)\b(?: \w+){0,2}? (?:is |has |have )*(?:coming down|slipping|slid|collapsed|collapsing|gave way|given way|giving way)\b",
    ),
    (
        "storm brought it down",
        r"\b(?:brought|blown|blew) down (?:a |the |some |two |several |lots of )?(?:\w+ ){0,2}?(?:power lines?|power cables?|cables|wires|lamp posts?|street lights?|telegraph poles?|scaffolding|chimney)\b|\b(?:brought|blown|blew) down (?:a |the |some |two |several )?(?:\w+ ){0,2}?(?:trees?|wall|walls|roof)\b(?=[^|]{0,50}\b(?:road|roads|street|lane|lanes|pavement|path|footpath|cars?|houses?|across|blocking|power lines?|wires|cables)\b)",
    ),
    (
        "crumbling or collapsing structure",
        r"\b(?:wall|building|roof|chimney|balcony|bridge|scaffolding|gable|parapet|canopy)\b[^|]{0,40}\b(?:crumbling|collapsing|falling down|falling apart|caving in|coming down|giving way|about to (?:fall|go|collapse))\b(?! (?:a (?:bit|little)|slightly|in places)\b)|\b(?:crumbling|collapsing|falling down|falling apart) (?:wall|building|roof|chimney|balcony|bridge|scaffolding)\b",
    ),
    (
        "missing railings by a drop",
        r"\b(?:railings?|barriers?|handrails?|hand rails?|guard rails?|balustrades?|safety rails?)\b[^|]{0,40}\b(?:come away|came away|come off|came off|broken|missing|gone|collapsed|fallen|fell|snapped|hanging off|loose)\b[^|]{0,60}\b(?:drop|river|bridge|balcony|cliff|stairwell|edge|quay|harbour|water)\b|\b(?:sheer|big|huge|steep) drop\b[^|]{0,40}\b(?:no|missing|broken) (?:railings?|barriers?|fence)\b",
    ),
)
