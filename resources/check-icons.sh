#!/usr/bin/env bash
# The PNG icons rendered from icons/netloom.svg at build time: each exists, is a PNG and has its size.
# Usage: check-icons.sh ICON_DIR SIZE...
set -euo pipefail
dir=$1; shift
for size in "$@"; do
  png="$dir/${size}x${size}/netloom.png"
  [ -f "$png" ] || { echo "missing: $png"; exit 1; }
  # The PNG header: width and height are the big-endian words at bytes 16 and 20.
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  [ "$(head -c4 "$png" | od -An -c | tr -d ' ')" = "211PNG" ] || { echo "not a PNG: $png"; exit 1; }
  [ "$w" = "$size" ] && [ "$h" = "$size" ] || { echo "$png is ${w}x${h}, expected ${size}x${size}"; exit 1; }
done
echo "icons ok: $*"
