# Every target sets up what it needs on a fresh machine (Python, pip, make and apt are assumed).
VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test bench clean

serve: $(VENV)/.site-deps  ## set up, then preview on http://127.0.0.1:8000 with live reload
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.site-deps  ## build the site into site/, failing on any warning
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.site-deps  ## validate data/ only (fast): every problem as path:line: field: message
	$(PYTHON) -m hooks.check data

test: $(VENV)/.test-deps  ## set up, then run every test (unit, build, browser)
	$(PYTHON) -m pytest

$(VENV)/.site-deps: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(PYTHON) -m pip install --quiet -r requirements-test.txt
	touch $@

clean:
	rm -rf site tests/artifacts .pytest_cache
