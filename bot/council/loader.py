"""Reads a council folder's YAML and CSV files and cross-checks them, naming the file and row of any mistake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.council import schedule
from bot.council.files import CouncilDataError, CouncilFiles, fill_placeholders
from bot.council.models import (
    REQUIRED_SERVICES,
    AdvisorSettings,
    BinsFile,
    BulkyWasteRules,
    CannedReply,
    ContactPoint,
    CouncilConfig,
    HolidayChange,
    InfoAnswer,
    InfoEntry,
    Round,
    Service,
    Street,
    Venue,
)
from bot.intents import INTENT_ROUTES, Route
from bot.records.postcodes import PostcodeDirectory, normalise_postcode

#: Routes whose intents must have an answer in information.yml.
ANSWERED_ROUTES = frozenset(
    {Route.INFORMATION, Route.SELF_SERVICE, Route.ADVISOR, Route.URGENT_ADVISOR, Route.EMERGENCY}
)
#: Longest answer once placeholders are filled in (about three SMS messages).
MAX_ANSWER_CHARS = 450


def read_council(directory: Path, postcodes: PostcodeDirectory) -> dict[str, Any]:
    """The core of a council folder (config, services, bins, streets, answers, venues), checked.

    As keyword arguments for Council; ``bot.council.load_council`` adds each topic file to them.
    """
    files = CouncilFiles(directory)
    config = files.yaml_model("council.yml", CouncilConfig)
    services = _services(files)
    bins = files.yaml_model("bins.yml", BinsFile)
    if bins.missed_bin.return_within_working_days != services["missed_bin"].timescale_working_days:
        raise CouncilDataError(
            f"{files.show('bins.yml')}: missed_bin return_within_working_days"
            f" ({bins.missed_bin.return_within_working_days}) does not match the missed_bin"
            f" timescale_working_days in services.yml ({services['missed_bin'].timescale_working_days})"
        )
    rounds = _rounds(files, bins)
    holidays = _holidays(files)
    streets = _streets(files, config, bins, rounds, postcodes)
    placeholders = _placeholders(config, bins)
    information = _information(files, placeholders)
    advisors = _advisors(files, placeholders)
    bulky_waste = _bulky_waste(files, placeholders)
    venues, positions = _venues(files, config, postcodes)
    return dict(
        directory=directory,
        config=config,
        services=services,
        bins=bins,
        rounds=rounds,
        streets=streets,
        holidays=holidays,
        information=information,
        placeholders=placeholders,
        advisors=advisors,
        bulky_waste=bulky_waste,
        venues=venues,
        venue_positions=positions,
    )


def _services(files: CouncilFiles) -> dict[str, Service]:
    data = files.yaml("services.yml")
    services = {}
    for key, entry in data.items():
        entry = {"key": key, **entry} if isinstance(entry, dict) else entry
        services[key] = files.model(f"{files.show('services.yml')} {key}", Service, entry)
    missing = [key for key in REQUIRED_SERVICES if key not in services]
    if missing:
        raise CouncilDataError(
            f"{files.show('services.yml')}: the service '{missing[0]}' is missing"
        )
    # Advisor tickets use AD- references (bot/records/tickets.py).
    prefixes: dict[str, str] = {"AD": "advisor tickets"}
    for service in services.values():
        if service.reference_prefix in prefixes:
            raise CouncilDataError(
                f"{files.show('services.yml')} {service.key}: reference_prefix '{service.reference_prefix}'"
                f" is already used by {prefixes[service.reference_prefix]}"
            )
        prefixes[service.reference_prefix] = service.key
    return services


def _rounds(files: CouncilFiles, bins: BinsFile) -> dict[str, Round]:
    frequencies = {bin_type.key: bin_type.frequency for bin_type in bins.bin_types}
    rounds: dict[str, Round] = {}
    columns = ("round_id", "bin_type", "weekday", "frequency", "first_collection")
    for place, values in files.csv("rounds.csv", columns):
        crew = files.model(place, Round, values)
        if crew.round_id in rounds:
            raise CouncilDataError(f"{place}: round '{crew.round_id}' is listed twice")
        if crew.bin_type not in frequencies:
            raise CouncilDataError(f"{place}: bin type '{crew.bin_type}' is not in bins.yml")
        if crew.frequency != frequencies[crew.bin_type]:
            raise CouncilDataError(
                f"{place}: round '{crew.round_id}' is {crew.frequency} but bins.yml says the"
                f" {crew.bin_type} bin is collected {frequencies[crew.bin_type]}"
            )
        rounds[crew.round_id] = crew
    return rounds


def _holidays(files: CouncilFiles) -> list[HolidayChange]:
    changes: list[HolidayChange] = []
    for place, values in files.csv("holidays.csv", ("original_date", "new_date", "reason")):
        change = files.model(place, HolidayChange, values)
        shift = abs((change.new_date - change.original_date).days)
        if shift == 0 or shift > schedule.MAX_SHIFT_DAYS:
            raise CouncilDataError(
                f"{place}: new_date should be a different day within {schedule.MAX_SHIFT_DAYS} days"
                f" of original_date"
            )
        if any(other.original_date == change.original_date for other in changes):
            raise CouncilDataError(f"{place}: {change.original_date.isoformat()} is listed twice")
        changes.append(change)
    return changes


def _streets(
    files: CouncilFiles,
    config: CouncilConfig,
    bins: BinsFile,
    rounds: dict[str, Round],
    postcodes: PostcodeDirectory,
) -> list[Street]:
    bin_keys = {bin_type.key for bin_type in bins.bin_types}
    columns = ("street_id", "street", "postcode")
    streets: list[Street] = []
    seen_ids: set[str] = set()
    seen_names: set[tuple[str, str]] = set()
    rows = files.csv("streets.csv", columns, ("locality", "first_number", "last_number"), "_round")
    for column in rows[0][1] if rows else ():
        if column.endswith("_round") and column[: -len("_round")] not in bin_keys:
            raise CouncilDataError(
                f"{files.show('streets.csv')}: the column '{column}' is for a bin type not in bins.yml"
            )
    for place, values in rows:
        street_rounds = []
        for column in [c for c in values if c.endswith("_round")]:
            bin_key, round_id = column[: -len("_round")], values.pop(column)
            if round_id is None:
                continue
            if round_id not in rounds:
                raise CouncilDataError(f"{place}: round '{round_id}' is not in rounds.csv")
            if rounds[round_id].bin_type != bin_key:
                raise CouncilDataError(
                    f"{place}: round '{round_id}' collects the {rounds[round_id].bin_type} bin, not {bin_key}"
                )
            street_rounds.append((bin_key, round_id))
        values["name"] = values.pop("street")
        street = files.model(place, Street, {**values, "rounds": street_rounds})
        _check_postcode(place, street.postcode, config, postcodes)
        if street.street_id in seen_ids:
            raise CouncilDataError(f"{place}: street_id '{street.street_id}' is used twice")
        if (street.name.lower(), street.postcode) in seen_names:
            raise CouncilDataError(f"{place}: {street.name}, {street.postcode} is listed twice")
        if street.first_number and street.last_number and street.first_number > street.last_number:
            raise CouncilDataError(f"{place}: first_number is bigger than last_number")
        seen_ids.add(street.street_id)
        seen_names.add((street.name.lower(), street.postcode))
        streets.append(street)
    return streets


def _check_postcode(
    place: str, postcode: str, config: CouncilConfig, postcodes: PostcodeDirectory
) -> None:
    if normalise_postcode(postcode) != postcode:
        raise CouncilDataError(f"{place}: '{postcode}' is not a postcode written like PL1 1AA")
    record = postcodes.lookup(postcode)
    if record is None:
        raise CouncilDataError(f"{place}: postcode {postcode} is not in the ONS Postcode Directory")
    if record.local_authority != config.ons_code:
        neighbour = next(
            (n.name for n in config.neighbours if n.ons_code == record.local_authority), None
        )
        owner = f"{neighbour} ({record.local_authority})" if neighbour else record.local_authority
        raise CouncilDataError(
            f"{place}: postcode {postcode} is in {owner}, not in {config.ons_code}"
        )


def _venues(
    files: CouncilFiles, config: CouncilConfig, postcodes: PostcodeDirectory
) -> tuple[list[Venue], dict[str, tuple[float, float]]]:
    """venues.yml (optional): each venue checked, with its grid position looked up once, here."""
    name = "venues.yml"
    if not files.has(name):
        return [], {}
    entries = files.yaml(name).get("venues")
    if not isinstance(entries, list) or not entries:
        raise CouncilDataError(f"{files.show(name)}: 'venues' should be a list of venues")
    venues: list[Venue] = []
    positions: dict[str, tuple[float, float]] = {}
    for number, entry in enumerate(entries, start=1):
        label = (
            entry.get("id") if isinstance(entry, dict) and entry.get("id") else f"entry {number}"
        )
        place = f"{files.show(name)} venue {label}"
        venue = files.model(place, Venue, entry)
        if venue.id in positions:
            raise CouncilDataError(f"{place}: the id '{venue.id}' is used twice")
        _check_postcode(place, venue.postcode, config, postcodes)
        record = postcodes.lookup(venue.postcode)
        assert record is not None  # checked just above
        positions[venue.id] = (record.easting, record.northing)
        venues.append(venue)
    return venues, positions


def _placeholders(config: CouncilConfig, bins: BinsFile) -> dict[str, str]:
    """Values information.yml answers may use, e.g. {phone}, {hours}, {samaritans}, {samaritans_hours}."""
    values = {
        "council_name": config.name,
        "short_name": config.short_name,
        "website": config.website,
        "phone": config.contact.phone,
        "email": config.contact.email,
        "textphone": config.contact.textphone or config.contact.phone,
        "hours": schedule.opening_hours_text(config.contact.hours_by_weekday()),
        "out_of_hours_phone": config.out_of_hours_phone,
        "missed_bin_report_from": schedule.format_time(bins.missed_bin.report_from),
        "missed_bin_report_within": str(bins.missed_bin.report_within_working_days),
        "missed_bin_return_within": str(bins.missed_bin.return_within_working_days),
    }
    groups: dict[str, ContactPoint] = {
        **config.safety,
        **config.national_safety,
        **config.debt_advice,
    }
    for key, point in groups.items():
        if key in values:
            raise CouncilDataError(f"council.yml: the safety line '{key}' needs a different name")
        values[key] = point.phone
        values[f"{key}_name"] = point.name
        if point.hours:
            values[f"{key}_hours"] = point.hours
        if point.website:
            values[f"{key}_website"] = point.website
    return values


def _information(files: CouncilFiles, placeholders: dict[str, str]) -> dict[str, InfoAnswer]:
    name = "information.yml"
    answers: dict[str, InfoAnswer] = {}
    for intent, entry in files.yaml(name).items():
        place = f"{files.show(name)} {intent}"
        if intent not in INTENT_ROUTES:
            raise CouncilDataError(f"{place}: '{intent}' is not an intent in bot/intents.py")
        info = files.model(place, InfoEntry, entry)
        values = {**placeholders, "link": info.link or ""}
        text = fill_placeholders(place, info.answer, values, has_link=info.link is not None)
        if len(text) > MAX_ANSWER_CHARS:
            raise CouncilDataError(
                f"{place}: the answer is {len(text)} characters once filled in; keep it under {MAX_ANSWER_CHARS}"
            )
        for button in info.buttons:
            match = _payload_intent(button.payload)
            if match is None or match not in INTENT_ROUTES:
                raise CouncilDataError(
                    f"{place}: button '{button.title}' payload '{button.payload}' should be / and an intent,"
                    f" like /request_human"
                )
        answers[intent] = InfoAnswer(intent=intent, text=text, link=info.link, buttons=info.buttons)
    missing = [
        intent
        for intent, route in INTENT_ROUTES.items()
        if route in ANSWERED_ROUTES and intent not in answers
    ]
    if missing:
        raise CouncilDataError(f"{files.show(name)}: there is no answer for '{missing[0]}'")
    return answers


def _advisors(files: CouncilFiles, placeholders: dict[str, str]) -> AdvisorSettings:
    """advisors.yml, with canned replies' placeholders filled in."""
    name = "advisors.yml"
    settings = files.model(files.show(name), AdvisorSettings, files.yaml(name))
    replies = tuple(
        CannedReply(
            title=reply.title,
            text=fill_placeholders(
                f"{files.show(name)} canned reply '{reply.title}'", reply.text, placeholders, False
            ),
        )
        for reply in settings.canned_replies
    )
    return settings.copy(update={"canned_replies": replies})


def _bulky_waste(files: CouncilFiles, placeholders: dict[str, str]) -> BulkyWasteRules:
    """bulky_waste.yml, with {phone} and the like filled in the payment and "instead" texts."""
    name = "bulky_waste.yml"
    rules = files.yaml_model(name, BulkyWasteRules)
    payment = rules.payment.filled(
        lambda field, text, link: files.fill(name, field, text, placeholders, link)
    )
    not_collected = tuple(
        entry.copy(
            update={
                "instead": files.fill(
                    name, f"not_collected {entry.name}", entry.instead, placeholders
                )
            }
        )
        for entry in rules.not_collected
    )
    return rules.copy(update={"payment": payment, "not_collected": not_collected})


def _payload_intent(payload: str) -> str | None:
    """The intent a button payload names: "/check_bin_day" or '/inform{"x": 1}'."""
    if not payload.startswith("/"):
        return None
    return payload[1:].split("{", 1)[0] or None
