"""Is the resident taking back an alarm the assistant raised ("that's not what I meant", "wrong button")?"""

from __future__ import annotations

import re

from bot.nlu.crisis import denies_a_danger, normalise
from bot.nlu.crisis_decision import crisis_in_text

# Runs on normalised text (bot.nlu.crisis.normalise): lower case, contractions expanded.
_UNDO = re.compile(
    r"\b(?:"
    r"(?:that is|that was|this is|it is|it was|thats)? ?not what i (?:meant|mean|said|asked|wanted)|"
    r"i (?:did not|never|do not) (?:mean|meant|say|said|ask|asked) (?:that|this|it|anything like that)|"
    r"(?:wrong|pressed the wrong|clicked the wrong|hit the wrong|tapped the wrong) (?:button|option|thing|one)|"
    r"wrong button|by mistake|by accident|my mistake|a mistake|mistake|false alarm|"
    r"(?:you have|you) (?:got (?:it|that|me) wrong|misunderstood|misread)|misunderstood|"
    r"(?:i am|we are|everyone is|everything is) (?:safe|fine|ok|okay|alright|all right)\b(?! (?:but|although|though)\b)|"
    r"not in (?:any )?danger|no danger|nothing like that|nothing of the sort|not an emergency|no emergency|"
    r"(?:cancel|undo|withdraw|ignore|scrap|forget) (?:that|this|it|the alert|the alarm|the ticket|my last message)|"
    r"(?:that|it) (?:is|was) not (?:right|true|me|an emergency|urgent)|"
    r"why (?:did you|have you) (?:send|put|pass|refer) (?:me|this|that)|"
    r"i (?:just )?(?:want|wanted|need|needed|was asking for|was asking about|asked for) (?:the|a|my|to)\b|"
    r"i (?:only |just )?meant\b|i (?:was|am) (?:only |just )?(?:talking|asking) about (?:the|my|a|an)\b"
    r")"
)


def takes_back_an_alarm(text: str) -> bool:
    """True when the message says the alarm was a mistake and itself raises no crisis.

    A message a crisis rule matches is never a retraction, whatever else it says
    ("sorry wrong button, but he does hit me" stays with the advisors).
    """
    if not isinstance(text, str) or not text.strip() or crisis_in_text(text) is not None:
        return False
    return denies_a_danger(text) or _UNDO.search(normalise(text)) is not None
