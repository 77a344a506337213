// Vitest global setup for integration tests: migrates one template database per run.
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyPendingMigrations } from "../../lib/db/apply-migrations-pglite";
import { migrateDeploy } from "./migrate";

const root = path.resolve(import.meta.dirname, "../..");
import { TEMPLATE_DATABASE, adminQuery, pgliteTemplateDir, testPostgresUrl, type TestDatabaseKind } from "./test-database";

// Called by global-setup-pglite.ts / global-setup-postgres.ts: a project's `env` does not reach its global setup.
export async function setupTemplateDatabase(kind: TestDatabaseKind) {
  process.env.MON_COMPTE_TEST_RUN_ID ??= randomUUID();
  if (kind === "postgres") {
    await adminQuery(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    const result = migrateDeploy({ DATABASE_URL: testPostgresUrl(TEMPLATE_DATABASE) });
    if (!result.ok) throw new Error(`La migration de la base PostgreSQL de test a échoué :\n${result.output}`);
    return async () => adminQuery(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  }
  // The embedded template is migrated the way `npm start` migrates the embedded database (the project's
  // runner, which records migrations exactly as the CLI does); pglite-migration-runner.test.ts checks that
  // the CLI builds the very same schema.
  const dir = pgliteTemplateDir();
  await fs.rm(dir, { recursive: true, force: true });
  const pglite = new PGlite(dir);
  try {
    await applyPendingMigrations(pglite, root);
  } finally {
    await pglite.close();
  }
  return async () => fs.rm(dir, { recursive: true, force: true });
}
