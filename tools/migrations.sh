#!/usr/bin/env bash
# EF Core migrations for both providers (docs/decisions/0002-migrations.md).
#
#   tools/migrations.sh NAME     add migration NAME to the SQLite and the PostgreSQL set
#   tools/migrations.sh --list   list both sets (no database needed)
#
# Works from a fresh clone: packs the two empty stand-in packages into tools/DesignHost/.feed,
# restores dotnet-ef from tools/DesignHost/.config/dotnet-tools.json, builds tools/DesignHost.
# Everything it downloads goes to tools/DesignHost/.packages, never ~/.nuget/packages.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host="$root/tools/DesignHost"
web="$root/src/Warmglow.Web"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -eq 1 ]] || usage
case "$1" in
  --list) mode=list ;;
  -*) usage ;;
  *)
    [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "migration name must be a C# identifier: $1" >&2; exit 2; }
    mode=add ;;
esac

# Contexts and where their migrations live (inside the web project, one set per provider).
contexts=(SqliteWarmglowDb PostgresWarmglowDb)
declare -A dir=([SqliteWarmglowDb]=Sqlite [PostgresWarmglowDb]=Postgres)

# Everything below runs in tools/DesignHost so its nuget.config and tool manifest apply.
cd "$host"

# 1. Stand-in packages (ids and versions EF Design depends on but the mirror lacks).
mkdir -p .feed
for spec in "Mono.TextTemplating 3.0.0" "Microsoft.VisualStudio.SolutionPersistence 1.0.52"; do
  read -r id version <<<"$spec"
  if [[ ! -f ".feed/$id.$version.nupkg" ]]; then
    echo "== packing stand-in $id $version"
    dotnet pack "standins/$id/$id.csproj" -c Release -o .feed -nologo -v q >/dev/null
  fi
done

# 2. dotnet-ef, pinned by the tool manifest beside this project.
dotnet tool restore >/dev/null

# 3. Build the startup project (and with it the web project) once; the ef calls below reuse it.
echo "== building tools/DesignHost"
dotnet build DesignHost.csproj -nologo -v q

ef() { dotnet ef "$@" --project "$web" --startup-project "$host" --no-build; }

for ctx in "${contexts[@]}"; do
  d="${dir[$ctx]}"
  if [[ $mode == list ]]; then
    echo "== $ctx (Data/Migrations/$d)"
    # --no-connect: names only; drop EF's note that it could not tell which are applied.
    ef migrations list --context "$ctx" --no-connect | { grep -v '^Pending status not shown' || true; }
  else
    echo "== adding $1 to $ctx (Data/Migrations/$d)"
    [[ $ctx == "${contexts[0]}" ]] || trap 'echo "!! $ctx failed after ${contexts[0]} succeeded: delete the new ${dir[${contexts[0]}]} files and git-restore its ModelSnapshot" >&2' ERR
    # No --namespace: with it, EF puts the first model snapshot in a folder named after the namespace
    # (Warmglow/Web/Data/...). The output dir alone yields namespace Warmglow.Web.Data.Migrations.$d.
    ef migrations add "$1" --context "$ctx" --output-dir "Data/Migrations/$d"
  fi
done

if [[ $mode == add ]]; then
  echo "== added $1 for both providers; review with: git status src/Warmglow.Web/Data/Migrations"
fi
