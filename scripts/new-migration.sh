#!/usr/bin/env bash
# Writes a new migration from the difference between the schema at HEAD and the working schema.
# (`prisma migrate dev` needs a shadow database, which the driver adapters cannot provide for our migration
# history; a schema-to-schema diff needs no database at all.) Review the SQL, then commit it with the schema.
# Usage: scripts/new-migration.sh nom_de_la_migration
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Usage: scripts/new-migration.sh nom_de_la_migration}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
old="$(mktemp --suffix=.prisma)"
git show HEAD:prisma/schema.prisma > "$old"
mkdir -p "$dir"
npm run --silent prisma -- migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$old"
echo "$dir/migration.sql"
