// Databases for integration tests: each test file gets its own fresh database, copied from a template that
// the global setup migrated with the project's real migration history (no schema push, no mocks).
// TEST_DATABASE=pglite (default) or postgres; for postgres, TEST_POSTGRES_URL points at a throwaway server.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../../lib/db/database-config";
import { openPrisma, type Database } from "../../lib/db/open-prisma";

export const TEMPLATE_DATABASE = "moncompte_test_template";

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite";
}

export function testPostgresUrl(database = "postgres"): string {
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("TEST_POSTGRES_URL n'est pas défini : les tests PostgreSQL ont besoin d'un serveur jetable.");
  const url = new URL(base);
  // Refuse anything but a local server: tests drop and create databases.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`TEST_POSTGRES_URL doit désigner un serveur local (reçu ${url.hostname}).`);
  }
  url.pathname = `/${database}`;
  return url.toString();
}

export function pgliteTemplateDir(): string {
  return path.join(os.tmpdir(), `mon-compte-test-template-${process.env.MON_COMPTE_TEST_RUN_ID ?? "local"}`);
}

export type TestDatabase = { db: Database; config: DatabaseConfig; dispose(): Promise<void> };

/** A fresh, fully migrated database of the kind under test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === "postgres") {
    const name = `moncompte_test_${randomUUID().replaceAll("-", "")}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
    const config: DatabaseConfig = { kind: "postgres", url: testPostgresUrl(name), displayUrl: name };
    const db = await openPrisma(config, { poolSize: 4 });
    return {
      db,
      config,
      async dispose() {
        await db.close();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mon-compte-test-"));
  await fs.cp(pgliteTemplateDir(), dataDir, { recursive: true });
  const config: DatabaseConfig = { kind: "pglite", dataDir };
  const db = await openPrisma(config);
  return {
    db,
    config,
    async dispose() {
      await db.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
