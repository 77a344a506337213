// Which migrations of the repository a database has not applied yet. The start script asks this before calling
// `prisma migrate deploy`: with nothing pending on PGlite, the CLI reports success but never exits.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "./open-prisma";

export function repositoryMigrations(root: string): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export async function pendingMigrations(db: Pick<Database, "$queryRaw">, root: string): Promise<string[]> {
  let applied: { migration_name: string }[] = [];
  try {
    applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    applied = []; // no migration table yet: a new database
  }
  const done = new Set(applied.map((m) => m.migration_name));
  return repositoryMigrations(root).filter((name) => !done.has(name));
}
