// Génère des foyers fictifs en masse (tests de charge et de volume).
//
//   npx tsx scripts/generate-foyers.ts --foyers 100000 [--seed 42] [--batch 1000]
//
// Base : la base embarquée par défaut, ou DATABASE_URL (avec MON_COMPTE_MODE=demo : ces données fictives n'ont
// rien à faire dans une base de production). Les migrations doivent avoir été appliquées (npm run db:migrate).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { loadAppConfig, fieldKeysOf } from "../lib/config/app-config";
import { ConfigurationError } from "../lib/db/database-config";
import { openPrisma, type Database } from "../lib/db/open-prisma";
import { generateFoyers, type GenerateFoyersSummary } from "../prisma/seed/generate-foyers";

export const USAGE = "Usage : npx tsx scripts/generate-foyers.ts --foyers <nombre> [--seed <entier>] [--batch <taille des lots>]";

export const ARG_MESSAGES = {
  foyersManquant: "--foyers est obligatoire : indiquez le nombre de foyers à générer, par exemple --foyers 100000.",
  foyers: "--foyers doit être un entier entre 1 et 2 000 000.",
  seed: "--seed doit être un entier entre 0 et 4 294 967 295.",
  batch: "--batch doit être un entier entre 1 et 10 000.",
} as const;

/** A command-line mistake: its message is printed alone, followed by the usage line. */
export class ArgumentError extends Error {
  override name = "ArgumentError";
}

export type GenerateArgs = { foyers: number; seed: number; batch: number; help: boolean };

const integer = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int(message).min(min, message).max(max, message));

const argsSchema = z.object({
  foyers: integer(1, 2_000_000, ARG_MESSAGES.foyers).optional(),
  seed: integer(0, 4_294_967_295, ARG_MESSAGES.seed).default(42),
  batch: integer(1, 10_000, ARG_MESSAGES.batch).default(1_000),
});

const OPTIONS = new Set(["foyers", "seed", "batch"]);

/** "--foyers 1000" or "--foyers=1000"; a value may start with a dash ("--seed -1" is then refused by its rule). */
function tokenise(argv: string[]): { values: Record<string, string>; help: boolean } {
  const values: Record<string, string> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-")) {
      throw new ArgumentError(`Argument inattendu : ${arg}. Chaque valeur suit son option, par exemple --foyers 1000.`);
    }
    const [flag = arg, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg];
    const name = flag.replace(/^--?/, "");
    if (!flag.startsWith("--") || !OPTIONS.has(name)) throw new ArgumentError(`Option inconnue : ${flag}.`);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new ArgumentError(`L'option --${name} attend une valeur, par exemple --${name} ${name === "foyers" ? "1000" : name === "seed" ? "42" : "1000"}.`);
      value = next;
      i++;
    }
    if (name in values) throw new ArgumentError(`L'option --${name} est donnée deux fois.`);
    values[name] = value;
  }
  return { values, help };
}

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const { values, help } = tokenise(argv);
  if (help) return { foyers: 0, seed: 42, batch: 1_000, help: true };
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new ArgumentError(parsed.error.issues[0]!.message);
  if (parsed.data.foyers === undefined) throw new ArgumentError(ARG_MESSAGES.foyersManquant);
  return { foyers: parsed.data.foyers, seed: parsed.data.seed, batch: parsed.data.batch, help: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Display

const frenchNumber = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
/** 100000 → "100 000" (ordinary spaces: the narrow no-break space of fr-FR renders badly in some terminals). */
export function formatCount(n: number): string {
  return frenchNumber.format(n).replace(/[\u202f\u00a0]/g, " ");
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** "[██████░░░░] 60 % 60 000/100 000 foyers · 3 200 foyers/s · reste ~12 s" */
export function progressLine(done: number, total: number, elapsedMs: number, width = 20): string {
  const ratio = total === 0 ? 1 : done / total;
  const filled = Math.round(ratio * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const remaining = rate > 0 ? ((total - done) / rate) * 1000 : null;
  const parts = [
    `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${Math.floor(ratio * 100)} % ${formatCount(done)}/${formatCount(total)} foyers`,
  ];
  if (done > 0) parts.push(`${formatCount(rate)} foyers/s`);
  if (remaining !== null && done < total) parts.push(`reste ~${formatDuration(remaining)}`);
  return parts.join(" · ");
}

function progressReporter(stream: NodeJS.WriteStream) {
  const started = performance.now();
  let lastDecile = -1;
  return (done: number, total: number) => {
    const line = progressLine(done, total, performance.now() - started);
    if (stream.isTTY) {
      stream.write(`\r${line}\x1b[K${done === total ? "\n" : ""}`);
      return;
    }
    const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      stream.write(`${line}\n`);
    }
  };
}

export function summaryTable(summary: GenerateFoyersSummary): string {
  const rate = summary.elapsedMs > 0 ? (summary.foyers * 1000) / summary.elapsedMs : 0;
  const rows: [string, number][] = [
    ["foyers", summary.foyers],
    ["  dont couples", summary.couples],
    ["  dont personnes seules", summary.seuls],
    ["personnes", summary.personnes],
    ["  dont enfants", summary.enfants],
    ["membres", summary.membres],
    ["comptes", summary.comptes],
    ["  dont actifs", summary.comptesActifs],
    ["coordonnées", summary.coordonnees],
    ["prestations", summary.prestations],
    ["paiements", summary.paiements],
  ];
  const width = Math.max(...rows.map(([, n]) => formatCount(n).length));
  const lines = [
    summary.premierNumero
      ? `Foyers fictifs générés : numéros allocataires ${summary.premierNumero} à ${summary.dernierNumero}.`
      : "Aucun foyer généré.",
    "",
    ...rows.map(([label, n]) => `  ${label.padEnd(26, " ")}${formatCount(n).padStart(width, " ")}`),
    "",
    `  durée                     ${formatDuration(summary.elapsedMs)} (${formatCount(rate)} foyers/s)`,
    "",
    `Mots de passe dossier (fictifs, partagés) : ${summary.motsDePasseDossier.join(", ")}`,
    `Mots de passe des comptes actifs (fictifs, partagés) : ${summary.motsDePasseCompte.join(", ")}`,
  ];
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------

export const NOT_MIGRATED_MESSAGE = "La base n'est pas initialisée : lancez d'abord npm run db:migrate.";
export const PRODUCTION_REFUSED_MESSAGE =
  "Ce script génère des données fictives : il refuse de s'exécuter en mode production. Pour une base de test sur PostgreSQL, ajoutez MON_COMPTE_MODE=demo.";

/** Stops with a clear sentence when the schema is missing. */
export async function assertMigrated(db: Database): Promise<void> {
  const rows = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('public."Foyer"') IS NOT NULL AND to_regclass('public."Paiement"') IS NOT NULL AS present`;
  if (!rows[0]?.present) throw new ConfigurationError(NOT_MIGRATED_MESSAGE);
}

async function main(): Promise<number> {
  let args: GenerateArgs;
  try {
    args = parseGenerateArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ArgumentError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadAppConfig();
  if (config.mode === "production") throw new ConfigurationError(PRODUCTION_REFUSED_MESSAGE);
  const where = config.database.kind === "postgres" ? config.database.displayUrl : `la base embarquée ${config.database.dataDir}`;
  // Opening an empty folder would create an empty embedded database there: stop before, with the same sentence.
  if (config.database.kind === "pglite" && !fs.existsSync(path.join(config.database.dataDir, "PG_VERSION"))) {
    throw new ConfigurationError(NOT_MIGRATED_MESSAGE);
  }
  const db = await openPrisma(config.database, { poolSize: 4 });
  try {
    try {
      await assertMigrated(db);
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(unreachableMessage(where, error));
    }
    process.stderr.write(`Génération de ${formatCount(args.foyers)} foyers fictifs dans ${where} (graine ${args.seed}, lots de ${formatCount(args.batch)}).\n`);
    const summary = await generateFoyers(db, fieldKeysOf(config), {
      foyers: args.foyers,
      seed: args.seed,
      batchSize: args.batch,
      onProgress: progressReporter(process.stderr),
    });
    process.stdout.write(`${summaryTable(summary)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigurationError) {
        process.stderr.write(`${error.message}\n`);
      } else {
        process.stderr.write(`\nLa génération a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      process.exit(1);
    },
  );
}

/** One readable sentence for a database that cannot be reached (Prisma's messages span several lines). */
function unreachableMessage(where: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const reason = /Message: `([^`]+)`/.exec(text)?.[1] ?? text.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? text;
  return `Impossible de joindre ${where} (${reason}) : vérifiez que le serveur est démarré, que DATABASE_URL est juste et que la base existe.`;
}
