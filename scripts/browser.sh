#!/usr/bin/env bash
# The browser the web UI's tests drive: Debian's Chromium (playwright-core, from the web module's npm lock file, drives
# it; nothing downloads a browser of its own). Source this file, then call browser_packages_install.

browser_packages_install() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  echo "== installing Chromium for the browser tests from Debian packages"
  debian_packages_install chromium
}
