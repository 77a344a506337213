// npm run bench: login timing and cost, measured in one run on this machine (no timing assertion lives in
// the test suite). Reports, on a seeded embedded database:
//  - median time of a failed login with an unknown identifier vs a known identifier with a wrong password
//    (QUALITY-BARS §2: the difference must stay under 10 ms — an unknown identifier still costs one argon2);
//  - the cost of a successful login as a ratio to one raw argon2id verification.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import argon2 from "argon2";
import { applyPendingMigrations } from "../../lib/db/apply-migrations-pglite";
import { openPrisma } from "../../lib/db/open-prisma";
import { loadAppConfig, fieldKeysOf } from "../../lib/config/app-config";
import { authenticateWithPassword } from "../../lib/auth/authenticate-password";
import { ARGON2_PARAMETERS } from "../../lib/auth/password-hash";
import { seedPersonas } from "../../prisma/seed/seed-personas";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const root = path.resolve(import.meta.dirname, "../..");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mon-compte-bench-"));
  const dataDir = path.join(dir, "db");
  const pglite = new PGlite(dataDir);
  await applyPendingMigrations(pglite, root);
  await pglite.close();
  const config = loadAppConfig({ PGLITE_DATA_DIR: dataDir });
  const keys = fieldKeysOf(config);
  const db = await openPrisma(config.database);
  try {
    await seedPersonas(db, keys);
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    let ip = 0;
    const attempt = (identifiant: string, motDePasse: string) =>
      authenticateWithPassword(db, keys, { identifiant, motDePasse, ip: `10.${Math.floor(++ip / 250)}.${ip % 250}.1`, userAgent: null });
    // Warm-up: JIT, dummy hash, connection.
    for (let i = 0; i < 5; i++) await attempt("P99999999", "Inconnu2026Caf");

    const unknown: number[] = [];
    const wrong: number[] = [];
    const success: number[] = [];
    const raw: number[] = [];
    const hash = await argon2.hash("Garonne2026Caf", ARGON2_PARAMETERS);
    for (let i = 0; i < ROUNDS; i++) {
      // Interleaved, so that machine noise spreads over every series alike.
      unknown.push(await time(() => attempt(`P${String(10_000_000 + i)}`, "Inconnu2026Caf")));
      wrong.push(await time(() => attempt("182023155507830", `Mauvais${i}Caf`)));
      success.push(await time(() => attempt("182023155507830", "Garonne2026Caf")));
      raw.push(await time(() => argon2.verify(hash, "Garonne2026Caf")));
    }
    const rows = [
      ["identifiant inconnu", median(unknown)],
      ["identifiant connu, mauvais mot de passe", median(wrong)],
      ["connexion réussie", median(success)],
      ["vérification argon2id seule", median(raw)],
    ] as const;
    console.log(`\nConnexion par mot de passe — ${ROUNDS} essais de chaque, base embarquée, médianes :`);
    for (const [label, value] of rows) console.log(`  ${label.padEnd(42)} ${value.toFixed(1).padStart(7)} ms`);
    const difference = Math.abs(median(unknown) - median(wrong));
    console.log(`  écart inconnu / connu                      ${difference.toFixed(1).padStart(7)} ms  (objectif < 10 ms)`);
    console.log(`  connexion réussie / argon2 seul            ${(median(success) / median(raw)).toFixed(2).padStart(7)} ×`);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
