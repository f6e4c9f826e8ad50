# Every target sets up what it needs on a fresh machine (Python, pip, make and apt are assumed).
VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check schemas test bench clean browser fonts

# `mkdocs serve` builds into a temporary folder: put it on the RAM disk where there is one (/dev/shm on
# Linux). Writing a rebuild's 120 files took 0.2 s on these machines' disk, and 0.01 s there.
PREVIEW_TMPDIR := $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm)

serve: $(VENV)/.site-deps fonts  ## set up, then preview on http://127.0.0.1:8000 with live reload
	$(if $(PREVIEW_TMPDIR),TMPDIR=$(PREVIEW_TMPDIR)) $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.site-deps fonts  ## build the site into site/, failing on any warning
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.site-deps  ## validate data/ only (fast): every problem as path:line: field: message; WATCH=1: after every save
	$(PYTHON) -m hooks.check data $(if $(WATCH),--watch)

schemas: $(VENV)/.site-deps  ## regenerate schemas/ and data/README.md's tables (after changing the model or adding an id)
	$(PYTHON) -m hooks.schema

test: $(VENV)/.test-deps browser  ## set up, then run every test (unit, build, browser)
	$(PYTHON) -m pytest

# QUICK=1: N = 100 and 1,000 only; BENCH_N=20 (or "100,1000"): any sizes. See bench/README.md.
bench: $(VENV)/.test-deps browser fonts  ## build synthetic archives of 100, 1,000 and 5,000 articles; table + JSON
	QUICK=$(QUICK) $(PYTHON) -m bench

$(VENV)/.site-deps: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

# The browser tests drive Debian's Chromium (Playwright's own download does not work here); without
# fonts-noto-cjk Hangul and Chinese render as boxes. apt-get runs only when something is missing.
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Share cards (hooks/publish/cards.py) draw Hangul and Chinese with Noto Sans CJK; the build stops, naming
# the package, without it. apt-get runs only when it is missing.
# Without apt (macOS, other distributions) it says what to install instead; `make serve` then runs
# without share cards, while `make build` stops and names the font.
fonts:  ## install Debian's fonts-noto-cjk for the share cards if missing
	@if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get update && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk; \
	  else echo "No apt here: install Noto Sans CJK (fonts-noto-cjk) for the share cards"; fi; \
	fi

browser:  ## install Debian's chromium and CJK fonts for tests/browser/ if missing
	@if ! test -x $(CHROMIUM) || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
	  $(SUDO) apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; \
	fi

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(PYTHON) -m pip install --quiet -r requirements-test.txt
	touch $@

clean:
	rm -rf site .site-building-* .site-old-* tests/artifacts .pytest_cache  # and what killed builds left
