"""The council's data: loading and checking a council folder, one module per topic file."""

from bot.council.council import (
    DEFAULT_COUNCIL_DIR,
    BinType,
    Council,
    CouncilConfig,
    HolidayChange,
    InfoAnswer,
    MissedBinRules,
    Neighbour,
    Round,
    Service,
    Street,
    Venue,
    get_council,
    load_council,
)
from bot.council.files import CouncilDataError
from bot.council.models import InfoButton

__all__ = [
    "BinType",
    "Council",
    "CouncilConfig",
    "CouncilDataError",
    "DEFAULT_COUNCIL_DIR",
    "HolidayChange",
    "InfoAnswer",
    "InfoButton",
    "MissedBinRules",
    "Neighbour",
    "Round",
    "Service",
    "Street",
    "Venue",
    "get_council",
    "load_council",
]
