// Demo data and real people never share a database (issue 10, point 10). Checked by `npm start` before anything
// is seeded or served: a demo instance refuses a database holding any personne not flagged fictif (it would show
// real people to whoever tries the demo, with the demo's keys and tools), and a production instance refuses a
// database holding any personne flagged fictif (demo personas, whose passwords are public, or generated data).
import type { DatabaseConfig } from "../db/database-config";
import { ConfigurationError } from "../db/database-config";
import { openPrisma, type Database } from "../db/open-prisma";

export const DEMO_SEPARATION_MESSAGES = {
  demoSurPersonnesReelles:
    "Mode démonstration refusé : cette base contient des personnes qui ne sont pas marquées fictives, et la démonstration (mots de passe publics, pages /dev) ne doit jamais exposer de vraies personnes ; démarrez en production, ou donnez à la démonstration une base à elle.",
  productionAvecPersonnesFictives:
    "Mode production refusé : cette base contient des personnes fictives (personas de démonstration dont les mots de passe sont publics, ou données générées) ; retirez-les, ou démarrez la démonstration (MON_COMPTE_MODE=demo) sur une autre base que celle de production.",
} as const;

/** Why this mode may not run on this database (one sentence), or null when it may. One indexed lookup. */
export async function demoSeparationRefusal(db: Pick<Database, "personne">, mode: "demo" | "production"): Promise<string | null> {
  const intruder = await db.personne.findFirst({ where: { fictif: mode !== "demo" }, select: { id: true } });
  if (!intruder) return null;
  return mode === "demo" ? DEMO_SEPARATION_MESSAGES.demoSurPersonnesReelles : DEMO_SEPARATION_MESSAGES.productionAvecPersonnesFictives;
}

/** For `npm start`: throws the refusal as a ConfigurationError (printed as one sentence, start-up stops). */
export async function enforceDemoSeparation(database: DatabaseConfig, mode: "demo" | "production"): Promise<void> {
  const db = await openPrisma(database, { poolSize: 1 });
  try {
    const refusal = await demoSeparationRefusal(db, mode);
    if (refusal) throw new ConfigurationError(refusal);
  } finally {
    await db.close();
  }
}
