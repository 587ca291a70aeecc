# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLES_DB ?= examples.db

.PHONY: run install test lint typecheck bench eval clean

run: $(STAMP)
	$(BIN)/claimgraph analyze examples/ --db $(EXAMPLES_DB) --format markdown
	$(BIN)/claimgraph agreements add examples/zamora-ceasefire-agreement.yaml --db $(EXAMPLES_DB)
	$(BIN)/claimgraph brief "Eastern Shield Brigades" --db $(EXAMPLES_DB)

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check claimgraph tests bench docs tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

eval: $(STAMP)
	$(BIN)/claimgraph eval articles ../shared/corpus/dev
	$(BIN)/claimgraph eval polnear ../shared/eval/polnear/dev
	$(BIN)/claimgraph eval conll ../shared/eval/conllpp/conllpp_test.txt
	$(BIN)/claimgraph eval isaf ../shared/eval/isaf/isaf_press_releases.jsonl
	$(BIN)/claimgraph eval plover ../shared/eval/plover/PLOVER_GSR_CAMEO.json

clean:
	rm -rf $(VENV) $(EXAMPLES_DB) *.egg-info .pytest_cache .mypy_cache .ruff_cache
