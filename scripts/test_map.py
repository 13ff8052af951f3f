"""List the source modules that have no test module at their mirrored path under tests/."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_PACKAGES = ("bot", "actions", "channels")
SKIPPED_NAMES = {"__init__.py", "__main__.py"}


def source_modules(root: Path = ROOT) -> list[Path]:
    """Every source module of the project's packages, relative to the root."""
    modules = []
    for package in SOURCE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root)
            if path.name in SKIPPED_NAMES or "migrations" in relative.parts:
                continue
            modules.append(relative)
    return modules


def mirrored_test(module: Path) -> Path:
    """The test module that mirrors a source module: tests/<same path>/test_<module>.py."""
    return Path("tests", *module.parent.parts, f"test_{module.name}")


def untested_modules(root: Path = ROOT) -> list[Path]:
    """The source modules whose mirrored test module does not exist."""
    return [
        module for module in source_modules(root) if not (root / mirrored_test(module)).is_file()
    ]


def main() -> None:
    """Print the modules without a mirrored test module, then the count."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", action="store_true", help="print only the counts")
    arguments = parser.parse_args()
    modules = source_modules()
    missing = untested_modules()
    if not arguments.count:
        for module in missing:
            print(f"{module}  ->  {mirrored_test(module)}")
    print(f"{len(missing)} of {len(modules)} source modules have no mirrored test module")


if __name__ == "__main__":
    main()
