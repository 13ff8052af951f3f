"""The form machinery every form shares: validation, repair, stopping, answers, dates, addresses."""
