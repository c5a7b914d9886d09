# Derek: `make run` builds the seeds' graph and answers a saved query; `make test` runs the tests.
# Both set up .venv/ first (idempotent). Python 3.11, torch 2.13.0 CPU build.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.derek-setup

.PHONY: setup run test lint train train-trf train-trf-dom bench evaluate clean

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

# the default (transformer) NER, issue 11: (1) KazNERD alone, about 100 minutes on this 2-core
# CPU (--device cuda on a GPU); (2) our gold and silver as spans (kg.nlp.indomain); (3) KazNERD
# and that data together, starting from (1), about 30 minutes. `make train-trf-dom` does (2)
# and (3) from the KazNERD-only model in git history (scripts/kaznerd_model.sh).
DOM_ARGS := --epochs 3 --lr 5e-5 --our-scheme --evals-per-epoch 2 \
	--extra build/indomain/train.jsonl:4 --extra build/indomain/silver.jsonl:2 \
	--extra-dev build/indomain/dev.jsonl
train-trf: setup
	$(BIN)/python -m kg.nlp.train_trf --out build/ner-kaznerd --layers 6 --epochs 8 --lr 1.5e-4
	$(BIN)/python -m kg.nlp.indomain --base build/ner-kaznerd --out build/indomain
	$(BIN)/python -m kg.nlp.train_trf --init build/ner-kaznerd --out models/ner-trf $(DOM_ARGS)

train-trf-dom: setup
	bash scripts/kaznerd_model.sh
	$(BIN)/python -m kg.nlp.indomain --base build/ner-kaznerd --out build/indomain
	$(BIN)/python -m kg.nlp.train_trf --init build/ner-kaznerd --out models/ner-trf $(DOM_ARGS)

evaluate: setup
	$(BIN)/kg evaluate tests/data/gold seeds tests/data/articles

clean:
	rm -rf kg-store build .pytest_cache
