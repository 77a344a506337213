// Applies the repository's pending migrations to an embedded PGlite database, recording them exactly as
// `prisma migrate deploy` does (same _prisma_migrations table, same checksums), so either can take over.
// Why not the CLI here: on an existing PGlite folder the CLI applies the migrations, then never exits.
// The CLI still migrates PostgreSQL servers and fresh databases (see docs/decisions/0001).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { repositoryMigrations } from "./pending-migrations";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function applyPendingMigrations(pglite: PGlite, root: string): Promise<string[]> {
  await pglite.exec(MIGRATIONS_TABLE);
  const applied = await pglite.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(applied.rows.map((row) => row.migration_name));
  const newlyApplied: string[] = [];
  for (const name of repositoryMigrations(root).filter((n) => !done.has(n))) {
    const sql = fs.readFileSync(path.join(root, "prisma", "migrations", name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    // One transaction per migration: it applies fully or not at all.
    await pglite.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), checksum, name],
      );
    });
    newlyApplied.push(name);
  }
  return newlyApplied;
}
