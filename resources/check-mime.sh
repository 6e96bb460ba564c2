#!/usr/bin/env bash
# Compiles resources/netloom-mime.xml into a scratch MIME database, as the package's trigger does
# in /usr/share/mime, and checks that *.netloom maps to application/x-netloom-project.
# Usage: check-mime.sh UPDATE_MIME_DATABASE MIME_XML WORK_DIR
set -euo pipefail
update=$1 xml=$2 work=$3
rm -rf "$work"
mkdir -p "$work/packages"
cp "$xml" "$work/packages/netloom.xml"
XDG_DATA_DIRS="$(dirname "$work")" "$update" "$work"
grep -qx '50:application/x-netloom-project:\*\.netloom' "$work/globs2" || {
  echo "*.netloom is not application/x-netloom-project in $work/globs2:"; cat "$work/globs2"; exit 1; }
grep -q 'application/x-netloom-project application/json' "$work/subclasses" || {
  echo "application/x-netloom-project is not a subclass of application/json"; exit 1; }
echo "MIME type ok: *.netloom → application/x-netloom-project (a kind of application/json)"
