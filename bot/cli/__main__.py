"""`python -m bot.cli` runs the councilbot command."""

from bot.cli.commands import main

raise SystemExit(main())
