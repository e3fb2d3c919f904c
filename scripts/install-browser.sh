#!/bin/sh
# Install Debian's headless Chromium and its chromedriver for the browser tests
# (tests/web/test_web_browser.py). Idempotent: does nothing when both are present.
# Needs root (CI runs it as root); nothing is downloaded outside the Debian archive.
set -eu

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium and chromedriver are installed: $(chromium --version 2>/dev/null || true)"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-browser.sh: run as root (or: sudo $0)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium chromium-driver
chromium --version
chromedriver --version
