#!/usr/bin/env bash
# Refreshes the Public Suffix List copy that Warmglow.Core.Matching embeds (from Debian's publicsuffix package, or a
# downloaded public_suffix_list.dat given as $1). Comments and blank lines are dropped; the licence header is kept.
set -euo pipefail
src="${1:-/usr/share/publicsuffix/public_suffix_list.dat}"
out="$(cd "$(dirname "$0")/.." && pwd)/src/Warmglow.Core/Matching/public_suffix_list.dat"
{
  echo "// Public Suffix List (https://publicsuffix.org/list/), Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/)."
  echo "// Copied from $src ($(grep -m1 -o 'VERSION: .*' "$src" || date -r "$src" +%F)); comments and blank lines removed; refresh with tools/refresh-psl.sh."
  grep -v '^//' "$src" | sed 's/[[:space:]].*$//' | grep -v '^$'
} > "$out"
echo "wrote $out ($(grep -vc '^//' "$out") rules)"
