// Runs the project's real migration command (`prisma migrate deploy`) against a given database.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function migrateDeploy(env: { DATABASE_URL?: string; PGLITE_DATA_DIR?: string }): { ok: boolean; output: string } {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL ?? "", PGLITE_DATA_DIR: env.PGLITE_DATA_DIR ?? "" },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}
