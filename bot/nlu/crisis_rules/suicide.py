"""Crisis rules for suicidal thoughts and self-harm."""

from __future__ import annotations

from bot.nlu.crisis_rules.fragments import ACCIDENT, PILLS, SELF

# Patterns run on normalised text: see the notes in bot/nlu/crisis_rules/__init__.py.

#: (name, pattern) pairs, tried in order; the name is what gets logged.
RULES: tuple[tuple[str, str], ...] = (
    ("mentions suicide", r"\bsuicid(?:e|es|al|ally|ality)\b"),
    (
        "killing oneself",
        rf"\b(?:kill|kills|killing|killed|kil|top|topping|topped|off|offing) {SELF}\b",
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
        r"\b(?:do not|does not|did not|not|never|no longer) (?:want|wanting|wish|wishing) to (?:live|be alive|exist|wake up|be on this earth|be on this planet|be in this world)\b(?! (?:in|near|next|with|on|at|round|around|by|opposite|above|below|under|beside|there|abroad|anywhere near|somewhere|so far|miles|too far|far)\b)|\b(?:want|wants|wish|wishing) to not (?:live|be alive|exist|wake up|be here anymore)\b",
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
        r"\bcannot (?:go on|carry on|keep going) (?:anymore|any longer|living|with life)\b"
        # Said on its own, at the end of a sentence ("I can't go on", not "go on the website").
        r"|\bcannot (?:go on|carry on|keep going)(?: like this| much longer)?(?= \||$)"
        r"|\b(?:(?:do|does|did) not think|not sure|doubt|(?:do|does) not know (?:if|whether)) (?:i|she|he|they) "
        r"(?:can|could) (?:go on|carry on|keep going)(?: anymore| any longer| much longer| like this)?(?= \||$)",
    ),
    ("overdose", r"\boverdos(?:e|ed|es|ing)\b"),
    (
        "took too many pills",
        rf"\b(?:take|takes|taking|took|taken|swallow|swallowed|swallowing|down|downed|necked|save|saving|saved|stockpile|stockpiling|hoard|hoarding) (?:all |a load of |a bottle of |a handful of |a packet of |a box of |too many |all of |all the |up |up my |every one of |a whole (?:box|packet|bottle) of )(?:(?:my|the|her|his|their) (?:\w+s )?)?{PILLS}\b(?! (?:boxes|box|packets|packet|packs|bottles|blister|pots|tubs|containers|cartons|bags|for recycling|to recycle|back to)\b)",
    ),
    ("self-harm", r"\bself (?:harm|harms|harmed|harming|injury|injuring|injure|injures)\b"),
    (
        "hurting themself",
        rf"\b(?:hurting|harming|cutting|burning|punishing|starving|scratching|stabbing|harm|harms|harmed) {SELF}\b",
    ),
    (
        "urge to hurt themself",
        rf"\b(?:want|wants|wanted|wanting|going|urge|urges|tempted|trying|try|tried|might|will|start|started|starting|feel like|thinking of|thinking about|about|keep|kept|stop|stopping|not) (?:to )?(?:myself from )?(?:hurt|harm|cut|burn|stab|starve|punish) {SELF}\b",
    ),
    (
        "cutting",
        rf"\bcut {SELF} (?:again|on purpose|deliberately|last night|every night|to cope)\b|\b(?:cut|cutting|slit|slitting|slash|slashing) (?:my|her|his|their) (?:wrists?|arms?|thighs?|legs?|skin)\b(?!{ACCIDENT})|\bcuts on (?:my|her|his) (?:wrists?|arms?|thighs?|legs?)\b|\b(?:started|cannot stop|cant stop|can not stop|stop myself) (?:cutting|self harming|hurting myself|harming myself)\b(?! (?:the|my|back|down|hedges?|grass|trees?|it)\b)",
    ),
    (
        "plans to jump",
        r"\b(?:jump|jumping|jumped|throw myself|throwing myself|leap|leaping) (?:off|from) (?:a |the |this |that |my |our |top of the |the top of (?:a |the )?)?(?:bridge|building|roof|cliff|multi ?storey|car park|balcony|tower|block|flats|motorway bridge|viaduct)\b|\b(?:jump|jumping|throw myself|throwing myself|step|stepping|walk|walking|lie|lying) (?:in front of|under) (?:a |the )?(?:train|trains|bus|lorry|car|traffic|truck|van|tram)\b|\b(?:jump|walk|throw myself|drown myself) into (?:the )?(?:river|canal|sea|traffic|lake|reservoir)\b|\b(?:on|at) the edge of (?:a |the )?(?:bridge|roof|cliff|building|car park)\b",
    ),
    (
        "hanging",
        rf"\bhang(?:ing|ed)? {SELF}\b|\b(?:a|the) (?:rope|noose) (?:ready|for myself|to hang)\b|\btied a noose\b",
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
        rf"\b(?:took|taken|swallowed|downed|necked|had) (?:\d\d+|twenty|thirty|forty|fifty|sixty|a hundred|loads of|lots of|dozens of) (?:of )?(?:my |the )?{PILLS}\b",
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
        r"\b(?:want|wish|need) (?:my life|everything|it all|life|the pain|all the pain|the thoughts) to (?:end|be over|stop)\b|\blife\b.{0,30}\bwant it (?:all )?to (?:end|be over|stop)\b",
    ),
    (
        "might do something stupid",
        r"\b(?:going to|gonna|might|could|about to|tempted to|thinking (?:of|about)|want to|will|scared i will|scared i might|afraid i will|afraid i might|worried i will|worried i might|before i) (?:do|doing) something (?:stupid|silly|daft|drastic)\b(?! (?:like|with|to (?:the|my|your) (?:car|hair|garden|house))\b)",
    ),
    (
        "no way out",
        r"\b(?:(?:cannot|can not|do not|does not|no longer) see (?:a|any)|there is no) way out\b(?= \||$| of (?:this|it|it all|here|the mess|this mess|my life)\b| for me| anymore| any more)",
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
        rf"\b(?:{PILLS}|rope|noose|blade|blades|razor|razors) (?:saved|stockpiled|hoarded|ready|put aside)\b|\b(?:{PILLS}|rope|noose|blade|blades|razor|razors|plan|way)\b.{{0,30}}\bto end (?:it|it all|things|everything|my life)\b",
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
        rf"\b(?:burn|cut|hurt|harm|scratch|hit|punch|starve|punish) {SELF} (?:to cope|on purpose|deliberately|every (?:day|night|time)|when (?:i|she|he) (?:am|is|feel|feels|get|gets)|because|so (?:i|that)|to feel|to stop)\b",
    ),
    (
        "final goodbye",
        r"\b(?:saying|said|says|say|sent|texted|messaged) (?:\w+ ){0,3}?goodbye (?:forever|for good|to everyone|to the world)\b|\b(?:final|last) goodbye\b",
    ),
    (
        "cannot carry on living",
        r"\b(?:cannot|not|no longer|never)\b.{0,25}\b(?:carry on|go on|keep on|keep going|continue) (?:living|with (?:my )?life)\b",
    ),
    (
        "cannot be bothered living",
        r"\b(?:cannot|can not|not|no longer) be bothered (?:living|with life|being alive|to live|existing|staying alive)\b(?! (?:in|here|with|next|near|on|at|round|around)\b)",
    ),
    (
        "life not worth it",
        r"\b(?:life|lifes|my life|living) (?:is not|is no longer|not|really is not|just is not|aint) worth it\b(?= \||$| anymore| any more| for me)",
    ),
    (
        "does not deserve to live",
        r"\b(?:do not|does not|not|never|no longer) deserve to (?:live|be alive|be here|exist)\b(?! (?:here|in|on|near|next|with|round|around|like this)\b)",
    ),
    (
        "danger to themself",
        rf"\b(?:a danger|a risk|dangerous) to {SELF}\b|\bnot safe (?:with|around|by) {SELF}\b|\b(?:do not|cannot) trust {SELF}\b(?= (?:tonight|right now|anymore|on my own|to stay safe|not to)\b)",
    ),
    (
        "drowning themself",
        rf"\bdrown(?:ing|ed|s)? {SELF}\b(?! in (?!(?:the |a )?(?:river|sea|canal|bath|lake|reservoir|docks?)\b))",
    ),
    (
        "hitting themself",
        rf"\b(?:hitting|punching|biting|bashing|hit|punch|bite) {SELF}\b(?! (?:on|against|with|in the)\b)",
    ),
    (
        "carving into their skin",
        rf"\b(?:carve|carved|carving|scratch|scratched|scratching|slice|sliced|slicing) (?:into )?(?:my|her|his|their) (?:wrists?|arms?|thighs?|legs?|skin|stomach)\b(?!{ACCIDENT})|\bscratch\w* {SELF} (?:till|until|to) (?:i|she|he|they) (?:bleed|bled)\b",
    ),
    (
        "no way out but ending it",
        r"\bway out\b(?: \w+){0,3}? (?:except|but|other than|apart from|besides) (?:ending|to end|killing|dying|death|suicide)\b",
    ),
    (
        "means ready to end it",
        rf"\b{PILLS} (?:\w+ ){{0,2}}?(?:lined up|laid out|counted out)\b|\b(?:stockpil\w*|hoard\w*|saving up|saved up) (?:all )?(?:of )?(?:my |up my |the )?{PILLS}\b(?! (?:boxes|box|packets|packet|packs|bottles|blister|pots|tubs|containers|cartons|bags|for recycling|to recycle|back to)\b)|\b(?:{PILLS}|rope|blade|blades|razor)\b.{{0,30}}\bso (?:that )?(?:i|she|he) (?:can|could) end (?:it|it all|things|my life)\b",
    ),
    (
        "wants to crash on purpose",
        r"\b(?:thinking (?:of|about)|want to|going to|feel like|tempted to|urge to|planning to|plan to) (?:just )?(?:drive|driving|crash|crashing|steer|steering) (?:my |the |a )?(?:car |van )?(?:into|off) (?:a |the |oncoming )?(?:wall|tree|bridge|river|sea|cliff|lorry|traffic|motorway)\b",
    ),
    (
        "searching how to die",
        rf"\b(?:looking up|looked up|searching|searched|googling|googled|researching|researched) (?:\w+ )?(?:how to|ways to|the best way to|methods to) (?:kill {SELF}|die|overdose|end (?:it|my life)|hang {SELF})\b",
    ),
)
