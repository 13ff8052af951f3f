"""The assistant's own SQL storage: models, engine and migrations."""
