"""Reads council_tax.yml and benefits.yml, filling {placeholders} and naming the file of any mistake."""

from __future__ import annotations

from bot.council.files import CouncilFiles
from bot.council.revenues_models import BenefitsRules, CouncilTaxRules

COUNCIL_TAX_FILE = "council_tax.yml"
BENEFITS_FILE = "benefits.yml"


def load_council_tax(files: CouncilFiles, placeholders: dict[str, str]) -> CouncilTaxRules:
    name = COUNCIL_TAX_FILE
    rules = files.yaml_model(name, CouncilTaxRules)

    def fill(field: str, text: str, link: str | None = None) -> str:
        return files.fill(name, field, text, placeholders, link)

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


def load_benefits(files: CouncilFiles, placeholders: dict[str, str]) -> BenefitsRules:
    name = BENEFITS_FILE
    rules = files.yaml_model(name, BenefitsRules)
    texts = (
        "working_age",
        "pension_age",
        "council_tax_support",
        "claim_progress",
        "overpayment_note",
    )
    update = {
        field: files.fill(name, field, getattr(rules, field), placeholders) for field in texts
    }
    update["how_to_apply"] = files.fill(
        name, "how_to_apply", rules.how_to_apply, placeholders, rules.apply_link
    )
    return rules.copy(update=update)
