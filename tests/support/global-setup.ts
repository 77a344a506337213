// Vitest global setup for integration tests: migrates one template database per run.
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { migrateDeploy } from "./migrate";
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
  const dir = pgliteTemplateDir();
  await fs.rm(dir, { recursive: true, force: true });
  const result = migrateDeploy({ PGLITE_DATA_DIR: dir });
  if (!result.ok) throw new Error(`La migration de la base PGlite de test a échoué :\n${result.output}`);
  return async () => fs.rm(dir, { recursive: true, force: true });
}
