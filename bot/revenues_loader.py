"""Reads council_tax.yml and benefits.yml, filling {placeholders} and naming the file of any mistake."""

from __future__ import annotations

from bot.council_loader import _Files, _fill
from bot.revenues_models import BenefitsRules, CouncilTaxRules

COUNCIL_TAX_FILE = "council_tax.yml"
BENEFITS_FILE = "benefits.yml"


def _filled(
    files: _Files, name: str, field: str, text: str, values: dict[str, str], link: str | None
) -> str:
    place = f"{files.show(name)}: {field}"
    return _fill(place, text, {**values, "link": link or ""}, has_link=link is not None)


def load_council_tax(files: _Files, placeholders: dict[str, str]) -> CouncilTaxRules:
    name = COUNCIL_TAX_FILE
    rules = files.model(name, CouncilTaxRules, files.yaml(name))

    def fill(field: str, text: str, link: str | None = None) -> str:
        return _filled(files, name, field, text, placeholders, link)

    arrears = rules.arrears.copy(
        update={
            key: fill(f"arrears > {key}", getattr(rules.arrears, key))
            for key in ("opening", "summons", "enforcement", "debt_advice")
        }
    )
    discounts = {
        key: discount.copy(
            update={"answer": fill(f"discounts > {key} > answer", discount.answer, discount.link)}
        )
        if discount.answer
        else discount
        for key, discount in rules.discounts.items()
    }
    return rules.copy(
        update={
            "twelve_instalments": fill("twelve_instalments", rules.twelve_instalments),
            "missing_bill": fill("missing_bill", rules.missing_bill, rules.missing_bill_link),
            "arrears": arrears,
            "discounts": discounts,
        }
    )


def load_benefits(files: _Files, placeholders: dict[str, str]) -> BenefitsRules:
    name = BENEFITS_FILE
    rules = files.model(name, BenefitsRules, files.yaml(name))
    texts = (
        "working_age",
        "pension_age",
        "council_tax_support",
        "claim_progress",
        "overpayment_note",
    )
    update = {
        field: _filled(files, name, field, getattr(rules, field), placeholders, None)
        for field in texts
    }
    update["how_to_apply"] = _filled(
        files, name, "how_to_apply", rules.how_to_apply, placeholders, rules.apply_link
    )
    return rules.copy(update=update)
