# Derek: `make run` builds the seeds' graph and answers a saved query; `make test` runs the tests.
# Both set up .venv/ first (idempotent). Python 3.11, torch 2.13.0 CPU build.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.derek-setup

.PHONY: setup run test lint train train-trf bench evaluate clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock $(wildcard requirements-extra.txt) scripts/install-system.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -r requirements.lock $(if $(wildcard requirements-extra.txt),-r requirements-extra.txt)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	bash scripts/install-system.sh
	@touch $@

run: setup
	$(BIN)/kg build seeds
	$(BIN)/kg query who-reported-figures

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check kg tests

train: setup
	$(BIN)/python -m kg.nlp.train --out models/ner-fast

# the default (transformer) NER: about 100 minutes on this 2-core CPU; --device cuda on a GPU
train-trf: setup
	$(BIN)/python -m kg.nlp.train_trf --out models/ner-trf --layers 6 --epochs 8 --lr 1.5e-4

evaluate: setup
	$(BIN)/kg evaluate tests/data/gold seeds tests/data/articles

clean:
	rm -rf kg-store build .pytest_cache
