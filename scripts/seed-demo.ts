// Charge les personas de démonstration (prisma/seed/personas.json) dans la base configurée. Sans effet si elles
// y sont déjà.
//
//   npx tsx scripts/seed-demo.ts
//
// Base : la base embarquée par défaut, ou DATABASE_URL (avec MON_COMPTE_MODE=demo : les personas et leurs mots de
// passe publiés n'ont rien à faire dans une base de production). Les migrations doivent avoir été appliquées.
import fs from "node:fs";
import path from "node:path";
import { loadAppConfig, fieldKeysOf } from "../lib/config/app-config";
import { ConfigurationError } from "../lib/db/database-config";
import { openPrisma } from "../lib/db/open-prisma";
import { seedPersonas } from "../prisma/seed/seed-personas";

const NOT_MIGRATED_MESSAGE = "La base n'est pas initialisée : lancez d'abord npm run db:migrate.";
const PRODUCTION_REFUSED_MESSAGE =
  "Ce script charge des données de démonstration : il refuse de s'exécuter en mode production. Pour une base de démonstration sur PostgreSQL, ajoutez MON_COMPTE_MODE=demo.";

async function main(): Promise<void> {
  const config = loadAppConfig();
  if (config.mode === "production") throw new ConfigurationError(PRODUCTION_REFUSED_MESSAGE);
  const where = config.database.kind === "postgres" ? config.database.displayUrl : `la base embarquée ${config.database.dataDir}`;
  // Opening an empty folder would create an empty embedded database there: stop before, with the same sentence.
  if (config.database.kind === "pglite" && !fs.existsSync(path.join(config.database.dataDir, "PG_VERSION"))) {
    throw new ConfigurationError(NOT_MIGRATED_MESSAGE);
  }
  const db = await openPrisma(config.database, { poolSize: 2 });
  try {
    let migrated: boolean;
    try {
      const rows = await db.$queryRaw<{ present: boolean }[]>`
        SELECT to_regclass('public."Foyer"') IS NOT NULL AND to_regclass('public."MesureProtection"') IS NOT NULL AS present`;
      migrated = rows[0]?.present === true;
    } catch (error) {
      throw new ConfigurationError(unreachableMessage(where, error));
    }
    if (!migrated) throw new ConfigurationError(NOT_MIGRATED_MESSAGE);
    const result = await seedPersonas(db, fieldKeysOf(config));
    process.stdout.write(
      result.created
        ? `Personas de démonstration chargées dans ${where} : ${result.foyers} foyers, ${result.personnes} personnes (toutes fictives).\n`
        : `Personas de démonstration déjà présentes dans ${where} : rien à faire.\n`,
    );
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigurationError
        ? `${error.message}\n`
        : `Le chargement des personas a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

/** One readable sentence for a database that cannot be reached (Prisma's messages span several lines). */
function unreachableMessage(where: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const reason = /Message: `([^`]+)`/.exec(text)?.[1] ?? text.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? text;
  return `Impossible de joindre ${where} (${reason}) : vérifiez que le serveur est démarré, que DATABASE_URL est juste et que la base existe.`;
}
