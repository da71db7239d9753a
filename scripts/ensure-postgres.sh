#!/usr/bin/env bash
# Make sure the PostgreSQL server programs (initdb, pg_ctl) are installed, from the distribution's packages.
# The PostgreSQL tests start a throwaway cluster with them; CI runs as root, so apt-get works there.
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed and I can't install it here (need root and apt-get);" \
         "the PostgreSQL tests will be skipped. Install the 'postgresql' package to run them." >&2
    exit 0
fi
echo "Installing PostgreSQL from the distribution's packages for the tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
