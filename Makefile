# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format clean serve-production bench messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt pyproject.toml $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## Compile the translations, the project's (locale/) and each app's (<app>/locale/), into the .mo files git ignores;
## installs gettext's msgfmt from Debian's packages when missing (as root)
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || [ "$$(id -u)" != 0 ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=tests

## Set up (venv, install, migrate, seed content, local admin) and serve on http://127.0.0.1:8000,
## with the task worker (webhook deliveries) beside the server, stopped with it
run: $(VENV)/.installed messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed_content
	$(MANAGE) create_local_admin
	@echo "To see the calendar with example programs and events: $(MANAGE) load_example_programs"
	@echo "Scheduled pages and events go live or expire, and expired form answers are deleted, only when you run: $(MANAGE) publish_scheduled"
	@echo "The worker (manage.py db_worker --backend webhooks) runs beside the server: it sends the webhooks."
	$(MANAGE) db_worker --backend webhooks --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:8000

## Lint, then run the whole test suite on SQLite and again on PostgreSQL, with Redis and S3 servers
test: $(VENV)/.installed-dev lint messages
	scripts/test_with_services.sh

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates */templates cms/branding/templates

## Rewrite code and templates in the house style
format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates */templates cms/branding/templates

## Collect static files and serve with gunicorn and production settings (see docs/deploy.md)
serve-production: $(VENV)/.installed messages
	DJANGO_SETTINGS_MODULE=connect_site.settings.production $(MANAGE) collectstatic --noinput
	DJANGO_SETTINGS_MODULE=connect_site.settings.production $(BIN)/gunicorn --config gunicorn.conf.py connect_site.wsgi

## Measure every public page type and API route under load, uncached and cached, on SQLite with
## each process's own memory, then on PostgreSQL with Redis (benchmarks/README.md)
bench: $(VENV)/.installed
	@command -v wrk >/dev/null && command -v pngquant >/dev/null || [ "$$(id -u)" != 0 ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk pngquant >/dev/null; }
	@command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install wrk"; exit 1; }
	$(BIN)/python -m benchmarks.run
	scripts/bench_with_services.sh

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache
