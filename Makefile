# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON_VERSION := 3.10
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

export TF_CPP_MIN_LOG_LEVEL ?= 2
export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1

.PHONY: help install system-deps frontend run run-cluster train test test-fast lint bench validate clean telegram-polling

help:
	@echo "make run    - install what is missing, train if needed, start everything"
	@echo "make run-cluster - the same on PostgreSQL: two Rasa servers behind nginx"
	@echo "make test   - install what is missing and run the whole test suite"
	@echo "make train  - train the model if the training data changed"
	@echo "make bench  - measure accuracy, latency, throughput and memory"

$(INSTALLED): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 10), "Rasa 3.6 needs Python 3.10 (found " + sys.version.split()[0] + "). Install it with pyenv: pyenv install 3.10"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	$(BIN)/python -m pip check
	@touch $@

install: $(INSTALLED)

# The webchat panel's look: govuk-frontend from npm (pinned in package-lock.json), copied with
# its licence into the folder the assistant serves (channels/webchat/static/govuk, not committed),
# without the GDS Transport @font-face rules: that typeface is for GOV.UK services only.
FRONTEND := channels/webchat/frontend
GOVUK_CSS := channels/webchat/static/govuk/govuk-frontend.min.css
$(GOVUK_CSS): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json $(FRONTEND)/LICENCE-govuk-frontend.txt
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for the webchat panel's styles: make system-deps (or apt-get install nodejs npm)" >&2; exit 1; }
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $@)
	sed -E 's/@font-face\{[^}]*\}//g' $(FRONTEND)/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css > $@
	cp $(FRONTEND)/LICENCE-govuk-frontend.txt $(dir $@)

frontend: $(GOVUK_CSS)

system-deps:
	@bash scripts/install_system_deps.sh

run: install frontend
	$(BIN)/councilbot run

# Two Rasa servers (each with RASA_WORKERS workers) and an action server behind nginx, on
# PostgreSQL (DATABASE_URL, or a local server in var/postgres); see "Running on several machines".
run-cluster: install system-deps
	$(BIN)/councilbot run-cluster

# Local Telegram testing without a public URL: run beside `make run` (needs TELEGRAM_* in .env).
telegram-polling: install
	$(BIN)/python -m channels.telegram_polling

train: install
	$(BIN)/councilbot train

validate: install
	$(BIN)/rasa data validate --config bot/config.yml --domain bot/domain --data bot/data nlu_data --fail-on-warnings

test: install system-deps frontend
	$(BIN)/ruff check bot actions channels tests scripts
	$(BIN)/ruff format --check bot actions channels tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/councilbot train
	$(BIN)/python -m pytest

test-fast: install frontend
	$(BIN)/python -m pytest -m "not e2e and not browser and not postgres and not model"

lint: install
	$(BIN)/ruff check bot actions channels tests scripts
	$(BIN)/ruff format --check bot actions channels tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	$(BIN)/councilbot train
	$(BIN)/python -m scripts.bench.pipeline
	$(BIN)/python -m scripts.bench.conversations

clean:
	rm -rf $(VENV) models var .rasa results $(FRONTEND)/node_modules $(dir $(GOVUK_CSS))
