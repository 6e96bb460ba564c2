#!/usr/bin/env bash
# The fixture of the deb_* tests: the Debian package, built by CPack into its own folder so that it
# never races `make package` over build/netloom_*.deb or build/_CPack_Packages.
# Usage: build-deb.sh CPACK CPACK_CONFIG OUT_DIR
set -euo pipefail
cpack=$1 config=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
"$cpack" -G DEB --config "$config" -B "$out"
ls -l "$out"/netloom_*.deb
