# Relais: `make run` and `make test` set everything up themselves (see README).
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON310 ?= $(shell for p in python3.10 /root/.pyenv/versions/3.10*/bin/python /usr/bin/python3.10; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false

CATALOGS := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/relais.po))
TRAINING_INPUTS := config.yml $(shell find bot/domain bot/data nlu_data -name '*.yml' 2>/dev/null) $(wildcard bot/components/*.py bot/components/patterns/*.yml vocabulary/*.py)
TRAIN = $(RASA) train --domain bot/domain --data bot/data nlu_data --out models --num-threads 2
WIDGET_BUNDLE := bot/web/static/widget/relais.js
WIDGET_SOURCES := widget/build.mjs $(wildcard widget/src/*)
CHROMIUM := /usr/bin/chromium
HAPROXY := /usr/sbin/haproxy
DEPLOY_CHECKERS := .tools/.installed
KOREAN_FONT := /usr/share/fonts/truetype/nanum/NanumGothic.ttf
APT_INSTALL = $(if $(filter 0,$(shell id -u)),,sudo )apt-get update && $(if $(filter 0,$(shell id -u)),,sudo )apt-get install -y

.PHONY: help run test test-fast setup catalogs train lint validate content bench bench-nlu bench-console bench-start bench-turns bench-load clean widget staff-user

setup: $(INSTALLED) catalogs  ## the Python 3.10 venv with the exact versions, and the compiled catalogs

$(INSTALLED): requirements.txt requirements-dev.txt requirements-hashed.txt constraints.txt
	@test -n "$(PYTHON310)" || { echo "relais: Python 3.10 is required (Rasa 3.6 runs on nothing newer); install it, e.g. 'pyenv install 3.10.13'" >&2; exit 1; }
	@test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "pip<25"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-hashed.txt
	@touch $@

catalogs: $(CATALOGS)

locales/%/LC_MESSAGES/relais.mo: locales/%/LC_MESSAGES/relais.po $(INSTALLED)
	$(VENV)/bin/pybabel compile --statistics -i $< -o $@

models/relais.tar.gz: $(INSTALLED) $(TRAINING_INPUTS)
	$(TRAIN) --config config.yml --fixed-model-name relais

# The widget: socket.io-client bundled by esbuild (both pinned in widget/package-lock.json).
widget/node_modules/.package-lock.json: widget/package.json widget/package-lock.json
	@command -v npm >/dev/null || { $(APT_INSTALL) npm; }
	cd widget && npm ci --ignore-scripts --no-audit --no-fund

$(WIDGET_BUNDLE): widget/node_modules/.package-lock.json $(WIDGET_SOURCES)
	cd widget && npm run --silent build

widget: $(WIDGET_BUNDLE)  ## build the web widget's bundle (npm, esbuild)

# The browser tests drive Debian's chromium (Playwright's own browser download is not used);
# a Korean font makes the Korean screenshots readable.
$(CHROMIUM):
	$(APT_INSTALL) chromium

$(KOREAN_FONT):
	$(APT_INSTALL) fonts-nanum

# The two-replica topology's balancer (tests/e2e/test_replicas.py, make bench-load).
$(HAPROXY):
	$(APT_INSTALL) haproxy

# The checkers of deploy/ in a venv of their own: they need a newer jsonschema than Rasa 3.6 allows.
$(DEPLOY_CHECKERS): deploy/requirements-check.txt
	@test -x .tools/bin/python || python3 -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check -r deploy/requirements-check.txt
	@touch $@

train: models/relais.tar.gz  ## train the model (only when its inputs changed)

run: setup widget train  ## set up, build the widget, train if needed and start every service (Ctrl-C stops)
	$(PY) -m bot.services

validate: $(INSTALLED)  ## rasa data validate on the domain, rules and training data
	$(RASA) data validate --domain bot/domain --data bot/data nlu_data --config config.yml --fail-on-warnings

lint: $(INSTALLED)  ## ruff, mypy and the layers (import-linter contracts in pyproject.toml)
	$(VENV)/bin/ruff check vocabulary content bot actions tests bench
	$(VENV)/bin/mypy vocabulary content bot actions bench
	$(VENV)/bin/lint-imports --no-cache

# The suite runs on the very model `make run` serves, so a `make run` after `make test` starts without training.
# Training leaves a core idle much of the time: lint, validation and the tests that need no model run
# beside it, then the tests that need the running stack.
test: setup widget $(CHROMIUM) $(KOREAN_FONT) $(HAPROXY) $(DEPLOY_CHECKERS)  ## everything CI runs: set-up, lint, validation, training and the whole suite
	$(MAKE) --no-print-directory -j3 --output-sync=target lint validate train test-fast
	$(PY) -m pytest -m e2e --durations=15

# The edit-test loop: every test that needs neither a trained model nor the running stack (about a minute).
test-fast: setup $(HAPROXY) $(DEPLOY_CHECKERS)  ## the tests that need neither a trained model nor the running stack (about a minute)
	$(PY) -m pytest -m "not e2e" -q

# A staff account for the console: make staff-user USERNAME=ana ROLE=analyst|supervisor (password prompted).
staff-user: setup  ## create a console account: USERNAME=ana ROLE=analyst|supervisor
	@test -n "$(USERNAME)" || { echo "usage: make staff-user USERNAME=<name> ROLE=analyst|supervisor" >&2; exit 1; }
	$(PY) -m bot.staff.accounts create "$(USERNAME)" --role "$(or $(ROLE),analyst)"

# Account lifecycle: make staff-list; make staff-disable|staff-enable|staff-reset-password USERNAME=ana;
# make staff-set-role USERNAME=ana ROLE=supervisor (a new password is prompted, or read from RELAIS_STAFF_PASSWORD).
STAFF_COMMANDS := staff-disable staff-enable staff-reset-password staff-set-role
.PHONY: staff-list $(STAFF_COMMANDS)
staff-list: setup  ## list console accounts
	$(PY) -m bot.staff.accounts list

$(STAFF_COMMANDS): setup
	@test -n "$(USERNAME)" || { echo "usage: make $@ USERNAME=<name>$(if $(filter staff-set-role,$@), ROLE=analyst|supervisor)" >&2; exit 1; }
	$(PY) -m bot.staff.accounts $(patsubst staff-%,%,$@) "$(USERNAME)"$(if $(filter staff-set-role,$@), "$(ROLE)")

clean:  ## remove generated files: models, var/, .rasa caches, the widget bundle and node_modules
	rm -rf models var .rasa bot/web/static/widget widget/node_modules .tools

content: setup  ## every victim-facing text per language and place, into var/content.html
	$(PY) -m actions.review

bench: setup  ## Kiwi against rule-based Korean tokenisation
	PYTHONPATH=. $(PY) -m bench.korean_tokenizer

# Relais' NLU pipeline against Rasa's default one: accuracy, check-ins, latency, time, memory (about 15 min).
bench-nlu: setup  ## Relais' NLU pipeline against Rasa's default one (over 2 h on 2 cores: the default trains DIET for 100 epochs)
	PYTHONPATH=. $(PY) -m bench.nlu

# `make run` from a fresh clone of the last commit to its first answer, cold then warm (about 10 min).
bench-console: setup  ## victim message → console page and analyst reply → victim, p50/p95 over 60 messages (about 2 min)
	PYTHONPATH=. $(PY) -m bench.console_latency

bench-start: setup  ## make run from a fresh clone to its first answer, cold then warm (about 10 min)
	PYTHONPATH=. $(PY) -m bench.cold_start

# One conversation's turn cost at 1, 25, 50 and 100 turns on the embedded stack (about 3 min);
# `PYTHONPATH=. .venv/bin/python -m bench.turn_cost --profile` shows where a turn's time goes.
bench-turns: setup $(if $(RELAIS_MODEL),,train)  ## turn cost at 1, 25, 50 and 100 turns of one conversation (about 3 min)
	PYTHONPATH=. $(PY) -m bench.turn_cost

# N conversations at concurrency C against the embedded stack and two replicas on PostgreSQL, Redis, RabbitMQ.
bench-load: setup $(HAPROXY)  ## throughput, latency and lost/reordered turns: embedded vs two replicas (about 10 min)
	PYTHONPATH=. $(PY) -m bench.load

help:  ## this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22
