#!/usr/bin/env bash
# Installs what the tests need (Debian's chromium, requirements-test.txt) and runs them all; args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# Thai and Vietnamese are drawn with the system's fonts (no web font is ever fetched): Thai needs its own.
if { [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; } || ! fc-list :lang=th 2>/dev/null | grep -q .; then
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then
    sudo="sudo"
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-thai-tlwg fonts-noto-core
fi

python -m pip install -q --root-user-action=ignore -r requirements-test.txt
# House style is part of the test: lint and formatting (config in pyproject.toml) before the tests run.
python -m ruff check .
python -m ruff format --check .
# Two workers (pytest-xdist): one runs the browser tests in order against one server, the other the rest
# (groups set in tests/conftest.py), so that the browser tests overlap the rest instead of following it.
python -m pytest -q -n 2 --dist loadgroup "$@"
