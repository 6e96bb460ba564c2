#!/usr/bin/env bash
# Every option the programs' --help prints is documented in the guide: netloom-cli's (each
# subcommand's) in docs/cli.md, the studio's in docs/studio.md. Fails naming what is missing.
# Usage: help_matches_docs.sh NETLOOM_CLI NETLOOM SOURCE_DIR
set -uo pipefail
cli=$1 studio=$2 src=$3
missing=0
check() {  # check HELP_TEXT DOC WHAT
  local help=$1 doc=$2 what=$3 option
  [[ -n "$help" ]] || { echo "$what: --help printed nothing"; missing=1; return; }
  for option in $(grep -oE '(^|[[:space:][])--[a-z][a-z-]*' <<< "$help" | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
    [[ $option == --help ]] && continue
    grep -qE -- "${option}([^a-z-]|$)" "$doc" || { echo "$what: $option is not in ${doc#"$src"/}"; missing=1; }
  done
}
commands=$("$cli" --help | awk '/^commands:/{f=1;next} f&&/^  [a-z]/{print $1}')
[[ -n "$commands" ]] || { echo "netloom-cli --help lists no commands"; exit 1; }
for c in $commands; do
  grep -qE "^## $c\b" "$src/docs/cli.md" || { echo "netloom-cli $c has no section in docs/cli.md"; missing=1; }
  check "$("$cli" "$c" --help 2>&1)" "$src/docs/cli.md" "netloom-cli $c"
done
check "$(QT_QPA_PLATFORM=offscreen "$studio" --help 2>&1)" "$src/docs/studio.md" "netloom"
[[ $missing -eq 0 ]] && echo "every --help option is in the guide"
exit $missing
