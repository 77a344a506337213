// The start script's PGlite migration runner builds the same schema as `prisma migrate deploy` and records
// the migrations the same way, so that either can take over from the other.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "../../lib/db/apply-migrations-pglite";
import { repositoryMigrations } from "../../lib/db/pending-migrations";
import { migrateDeploy } from "../support/migrate";
import { testDatabaseKind } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");
const SCHEMA_QUERY = `
  SELECT table_name::text || '.' || column_name::text || ':' || data_type::text || ':' || is_nullable::text AS line
  FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'index ' || indexname::text || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'constraint ' || conname::text FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'trigger ' || tgname::text FROM pg_trigger WHERE NOT tgisinternal
  ORDER BY 1`;

let dir: string;
let ours: PGlite;
let cli: PGlite;
beforeAll(async () => {
  if (testDatabaseKind() !== "pglite") return; // the runner is for the embedded database only
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mon-compte-runner-"));
  ours = new PGlite(path.join(dir, "ours"));
  const cliDir = path.join(dir, "cli");
  const result = migrateDeploy({ PGLITE_DATA_DIR: cliDir }); // the real `prisma migrate deploy`, on a new folder
  if (!result.ok) throw new Error(`prisma migrate deploy a échoué :\n${result.output}`);
  cli = new PGlite(cliDir);
});
afterAll(async () => {
  await ours?.close();
  await cli?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(testDatabaseKind() === "pglite")("migrations de la base embarquée : le lanceur du démarrage et prisma migrate deploy", () => {
  it("le démarrage applique toutes les migrations du dépôt, puis plus rien la fois suivante", async () => {
    expect(await applyPendingMigrations(ours, root)).toEqual(repositoryMigrations(root));
    expect(await applyPendingMigrations(ours, root)).toEqual([]);
  });

  it("prisma migrate deploy et le lanceur du démarrage construisent le même schéma", async () => {
    const [a, b] = await Promise.all([ours.query<{ line: string }>(SCHEMA_QUERY), cli.query<{ line: string }>(SCHEMA_QUERY)]);
    expect(a.rows.map((r) => r.line)).toEqual(b.rows.map((r) => r.line));
  });

  it("les migrations sont enregistrées avec les mêmes sommes de contrôle que prisma migrate deploy", async () => {
    const query = `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`;
    const [a, b] = await Promise.all([ours.query(query), cli.query(query)]);
    expect(a.rows).toEqual(b.rows);
  });
});
