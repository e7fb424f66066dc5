#!/bin/sh
# Installs what dossier needs to build and test on Debian 12, if anything is
# missing. Runs apt-get, so it must run as root (or with sudo available).
set -eu

PACKAGES="build-essential cmake ninja-build pkg-config ca-certificates \
libsqlite3-dev sqlite3 nlohmann-json3-dev libboost-dev libboost-filesystem-dev \
catch2 libcli11-dev libgumbo-dev iso-codes wamerican \
clang libclang-rt-14-dev libxml2-dev chromium graphviz"

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
