#!/bin/sh
# Installs what dossier needs on Debian 12, if anything is missing. Runs
# apt-get, so it must run as root (or with sudo available).
#   install-deps.sh           what the main job builds and runs
#   install-deps.sh --tests   and what the tests need: Catch2, clang for the
#                             sanitizer builds, libxml2, and the programs the
#                             exports are opened in (Chromium, Graphviz,
#                             networkx, igraph, rdflib, node and npm), and
#                             a PostgreSQL server for the store's tests on it
set -eu

PACKAGES="build-essential cmake ninja-build pkg-config ca-certificates \
libsqlite3-dev libpq-dev nlohmann-json3-dev libboost-dev libboost-filesystem-dev \
libcli11-dev libgumbo-dev iso-codes wamerican"
if [ "${1:-}" = "--tests" ]; then
  PACKAGES="$PACKAGES sqlite3 catch2 clang libclang-rt-14-dev libxml2-dev chromium graphviz \
python3 python3-networkx python3-igraph python3-rdflib postgresql"
  # node and npm run the FollowTheMoney library; a machine may have them
  # from elsewhere (NodeSource), where Debian's packages would conflict.
  command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
  command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"
elif [ -n "${1:-}" ]; then
  echo "usage: install-deps.sh [--tests]" >&2
  exit 2
fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# valijson is unpacked from its .deb at configure time (its Depends pull in Qt),
# which needs apt's package lists.
need_lists=0
apt-cache show libvalijson-dev >/dev/null 2>&1 || need_lists=1

if [ -z "$missing" ] && [ "$need_lists" = 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: missing packages:$missing; run this script as root" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
if [ -n "$missing" ]; then
  $SUDO apt-get install -y -q --no-install-recommends $missing
fi
