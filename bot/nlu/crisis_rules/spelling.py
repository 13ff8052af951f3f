"""Words the crisis detector's fuzzy spelling may correct to, and real words it must leave alone."""

from __future__ import annotations

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
beating starving bruises hungry frightened scared cuckooed doorway doorways detector
landslip eggshells
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
