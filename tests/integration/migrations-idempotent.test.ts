// The start script applies only what is missing: a migrated database has nothing pending.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingMigrations, repositoryMigrations } from "../../lib/db/pending-migrations";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.dispose());

describe(`migrations en attente (${testDatabaseKind()})`, () => {
  it("une base migrée par l'historique du dépôt n'a plus aucune migration en attente", async () => {
    expect(repositoryMigrations(root).length).toBeGreaterThanOrEqual(2);
    expect(await pendingMigrations(t.db, root)).toEqual([]);
  });

  it("une migration du dépôt absente de la base est signalée en attente", async () => {
    const [latest] = repositoryMigrations(root).slice(-1);
    await t.db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${latest}`;
    expect(await pendingMigrations(t.db, root)).toEqual([latest]);
  });
});
