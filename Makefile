# make run | test | lint | protos | bench. Every target creates or refreshes .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PACKAGES := protos services/common services/projects services/comfyui services/generation services/media gateway
PKG_FILES := $(foreach p,$(PACKAGES),$(p)/pyproject.toml)

.PHONY: run test lint protos bench venv

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt $(PKG_FILES)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt \
		$(foreach p,$(PACKAGES),-e ./$(p))
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python scripts/run_stack.py

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	cd protos && ../$(BIN)/buf lint && ../$(BIN)/buf format -d --exit-code

protos: $(STAMP)
	$(BIN)/python protos/generate.py

bench: $(STAMP)
	@for b in $(filter-out bench/stack.py,$(wildcard bench/*.py)); do echo "== $$b"; $(BIN)/python $$b || exit 1; done
