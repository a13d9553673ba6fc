#!/usr/bin/env bash
# Debian packages for the set-up scripts: installed as root (through sudo when not root), waiting up to 15 minutes
# for the package manager's locks when another apt or dpkg run holds them, instead of failing at once.
# Source this file, then call debian_packages_install PACKAGE...

APT_LOCK_WAIT_SECONDS=${APT_LOCK_WAIT_SECONDS:-900}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

debian_packages_install() {
  local wait=(-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT_SECONDS")
  local deadline=$((SECONDS + APT_LOCK_WAIT_SECONDS))
  # apt-get update takes the lists lock, which DPkg::Lock::Timeout does not cover on every apt: retry while it is held
  until as_root apt-get "${wait[@]}" update -qq 2> >(tee /tmp/terrawatch-apt-update.err >&2); do
    if ! grep -q "Could not get lock" /tmp/terrawatch-apt-update.err || ((SECONDS >= deadline)); then
      return 1
    fi
    echo "== waiting for another package manager run to finish"
    sleep 5
  done
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y -qq --no-install-recommends "$@" >/dev/null
}
