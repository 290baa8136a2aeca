# Every target creates .venv and installs the package when needed, so each
# one works as the first command on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
UD_DIR ?= $(SHARED)/data/ud
BASE   ?=
BASE_FLAG := $(if $(BASE),--base $(BASE),)

.PHONY: install extract evaluate toezeggingen review test test-fast lint bench model resources save clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,register]'
	touch $(STAMP)

install: $(STAMP)

## annotate the seed letters into data/annotations/seeds.jsonl
extract: $(STAMP)
	$(PY) -m pipeline extract seeds -o data/annotations/seeds.jsonl --restart $(BASE_FLAG)

## score against hand-labelled gold: the seeds, and the dev and dev2 letters read from $(SHARED)
## (dev2 in its two parts: tune, and check, which is scored and never read for errors);
## the numbers are recorded per gold set and base model in data/scores.json (commit it: `save` reads it)
evaluate: extract
	$(PY) -m pipeline evaluate data/gold/seeds.jsonl data/annotations/seeds.jsonl --record seeds
	$(PY) -m pipeline extract data/gold/dev.jsonl --corpus-root $(SHARED) -o data/annotations/dev.jsonl --restart $(BASE_FLAG)
	$(PY) -m pipeline evaluate data/gold/dev.jsonl data/annotations/dev.jsonl --corpus-root $(SHARED) --record dev
	$(PY) -m pipeline extract data/gold/dev2.jsonl --corpus-root $(SHARED) -o data/annotations/dev2.jsonl --restart $(BASE_FLAG)
	$(PY) -m pipeline evaluate data/gold/dev2.jsonl data/annotations/dev2.jsonl --corpus-root $(SHARED) --split tune --record dev2-tune
	$(PY) -m pipeline evaluate data/gold/dev2.jsonl data/annotations/dev2.jsonl --corpus-root $(SHARED) --split check --record dev2-check

## the toezeggingen of the seed letters as a spreadsheet: data/annotations/toezeggingen.csv
toezeggingen: extract
	$(PY) -m pipeline toezeggingen data/annotations/seeds.jsonl -o data/annotations/toezeggingen.csv

## HTML report of the seed letters against their gold: data/review/index.html
review: extract
	$(PY) -m pipeline review data/annotations/seeds.jsonl --gold data/gold/seeds.jsonl -o data/review

## the test suite (unit, corpus and quality tests)
test: $(STAMP)
	$(PY) -m pytest -q

## only the unit tests of the components' mechanisms (tiny pipelines on tiny resource files), in under a minute
test-fast: $(STAMP)
	$(PY) -m pytest -q -m unit

## style and types: ruff (rules in pyproject.toml), the formatter's check, and mypy on the package
lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline tests scripts
	$(VENV)/bin/ruff format --check pipeline tests scripts
	$(VENV)/bin/mypy pipeline

## throughput and memory: tokenizer, base model, both parse modes, extract with 1 and 2 processes, a thousand
## whole letters and one 20 MB letter (results in docs/performance.md; about half an hour)
bench: $(STAMP)
	$(PY) scripts/bench.py --words 1000000 --shared $(SHARED) --out docs/performance.md

## retrain the bundled base model from UD Dutch (not needed to use the tool)
model: $(STAMP)
	bash scripts/model/build_model.sh $(UD_DIR)

## regenerate the gazetteer files under pipeline/resources from $(SHARED)/data/gazetteers
resources: $(STAMP)
	$(PY) scripts/resources/build_resources.py --shared $(SHARED)

## write the assembled pipeline to build/pipeline (spacy.load reads it; meta.json with name, sources, scores)
save: $(STAMP)
	$(PY) -m pipeline save build/pipeline $(BASE_FLAG)

clean:
	rm -rf build data/annotations data/review .pytest_cache
