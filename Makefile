# Run `make help` for the commands. Everything is installed from requirements.txt into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.requirements-installed

.PHONY: help figures test quick challenge lab tables bench clean

help: ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(READY): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

figures: $(READY) ## execute every notebook in place (two at a time) and export every figure to figures/
	$(PY) -m analysis build

test: $(READY) ## run the unit tests and nbval over every notebook
	$(PY) -m pytest

quick: $(READY) ## run the unit tests only, without the slow ones (notebooks, browser, several processes): under a minute
	$(PY) -m pytest -m "not slow" tests

challenge: $(READY) ## run the challenge sets and rewrite their RESULTS.md (pass rate per phenomenon, failing cases)
	$(PY) -m analysis challenge tests/challenge --out tests/challenge/RESULTS.md
	$(PY) -m analysis challenge tests/challenge_b --out tests/challenge_b/RESULTS.md
	$(PY) -m analysis challenge tests/heldout --out tests/heldout/RESULTS.md
	$(PY) -m analysis challenge tests/heldout_d --out tests/heldout_d/RESULTS.md
	$(PY) -m analysis challenge tests/heldout_e --out tests/heldout_e/RESULTS.md
	$(PY) -m analysis challenge tests/heldout_f --out tests/heldout_f/RESULTS.md
	$(PY) -m analysis challenge tests/heldout_g --out tests/heldout_g/RESULTS.md

lab: $(READY) ## open JupyterLab on the notebooks (offline; the project's config is in jupyter_config/)
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter_config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" $(VENV)/bin/jupyter lab notebooks/

tables: $(READY) ## write the tidy tables of the seeds to out/tables
	$(PY) -m analysis tables seeds --out out/tables

# the core the one-process runs are pinned to (taskset), so that they measure one core's throughput
BENCH_CPU ?= 1
bench: $(READY) ## benchmark 1,000 to 100,000 synthetic articles and rewrite benchmarks/RESULTS.md (not part of test)
	$(PY) benchmarks/run.py --cpu $(BENCH_CPU)

clean: ## remove the virtual environment and generated tables
	rm -rf $(VENV) out
