#!/usr/bin/env bash
# Adds a migration named $1 for every database provider, so that no provider falls behind the model.
# Usage: migrations/add-migration.sh AddSubscriptions
set -euo pipefail
name=${1:?usage: migrations/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
export Tracker__Seed=false Tracker__DataDirectory="$(mktemp -d)"
Tracker__Database__Provider=Sqlite dotnet ef migrations add "$name" \
  --project migrations/Tracker.Migrations.Sqlite --startup-project src/Tracker.Web --output-dir Migrations
