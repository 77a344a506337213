// Caf operator commands: npm run admin -- <action> <identifiant> [--motif "…"]
//   compte:suspendre | compte:reactiver | compte:exiger-changement-mot-de-passe | compte:reinitialiser
// and: npm run admin -- cgu:publier <version | fichier> (publishes a CGU document kept in prisma/cgu/)
// and: npm run admin -- dossier:voir <numéro allocataire> --pour <identifiant> (the front desk: what may be told)
// and: npm run admin -- immatriculer <identifiant provisoire> <NIR> (attaches the NIR the Caf obtained; lib/creer-mon-espace/)
import os from "node:os";
import { z } from "zod";
import { loadAppConfig, fieldKeysOf } from "../lib/config/app-config";
import { ConfigurationError } from "../lib/db/database-config";
import { openPrisma } from "../lib/db/open-prisma";
import { readCguDocument } from "../lib/cgu/cgu-files";
import { publishCgu } from "../lib/cgu/cgu-versions";
import { OPERATOR_ACTIONS, runOperatorAction, type OperatorAction } from "../lib/auth/operator-actions";
import { frontDeskView } from "../lib/access/front-desk";
import { immatriculer } from "../lib/creer-mon-espace/immatriculation";
import { loadMessagingConfig } from "../lib/messaging/messaging-config";
import { createTransports } from "../lib/messaging/transports";

const USAGE = `Usage : npm run admin -- <action> <identifiant> [--motif "…"]
Actions : ${Object.keys(OPERATOR_ACTIONS).join(", ")}
      ou : npm run admin -- cgu:publier <version | fichier>   (par exemple : cgu:publier 1.1)
      ou : npm run admin -- dossier:voir <numéro allocataire> --pour <identifiant>   (accueil : ce qui peut être dit à cette personne)
      ou : npm run admin -- immatriculer <identifiant provisoire> <numéro de sécurité sociale>`;

const operateur = () => process.env.OPERATEUR?.trim() || os.userInfo().username;

/** cgu:publier: every person is asked to accept the new version at their next request. */
async function publishCguCommand(reference: string | undefined) {
  if (!reference) {
    console.error(`Version ou fichier des CGU manquant.\n${USAGE}`);
    process.exit(2);
  }
  const read = readCguDocument(reference);
  if (!read.ok) {
    console.error(read.error);
    process.exit(2);
  }
  const config = loadAppConfig();
  const db = await openPrisma(config.database, { poolSize: 1 });
  try {
    const result = await publishCgu(db, read.document, operateur());
    console.log(
      result.ok
        ? `Version ${result.version} des CGU publiée : chaque personne devra l'accepter à sa prochaine action dans son espace.`
        : result.message,
    );
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

const frontDeskSchema = z.object({
  numeroAllocataire: z.string({ error: `Numéro allocataire manquant.\n${USAGE}` }).regex(/^\S+$/, `Numéro allocataire manquant.\n${USAGE}`),
  identifiant: z.string({ error: `Identifiant de la personne manquant (--pour).\n${USAGE}` }).min(1, `Identifiant de la personne manquant (--pour).\n${USAGE}`),
});

/** dossier:voir: prints what may be told at the front desk to this person about this dossier (lib/access/front-desk.ts). */
async function frontDeskCommand(args: string[]) {
  const pourAt = args.indexOf("--pour");
  const parsed = frontDeskSchema.safeParse({
    numeroAllocataire: pourAt === 0 ? undefined : args[0],
    identifiant: pourAt >= 0 ? args.slice(pourAt + 1).join(" ") || undefined : undefined,
  });
  if (!parsed.success || (pourAt !== 1 && pourAt !== -1)) {
    console.error(parsed.success ? `Arguments en trop.\n${USAGE}` : parsed.error.issues[0]!.message);
    process.exit(2);
  }
  const config = loadAppConfig();
  const db = await openPrisma(config.database, { poolSize: 1 });
  try {
    const result = await frontDeskView(db, fieldKeysOf(config), { ...parsed.data, operateur: operateur() });
    if (result.ok) console.log(result.lines.join("\n"));
    else console.error(result.message);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

const argsSchema = z.object({
  action: z.enum(Object.keys(OPERATOR_ACTIONS) as [OperatorAction, ...OperatorAction[]], { error: `Action inconnue.\n${USAGE}` }),
  identifiant: z.string({ error: `Identifiant manquant.\n${USAGE}` }).min(1, `Identifiant manquant.\n${USAGE}`),
  motif: z.string().max(200, "Le motif ne peut pas dépasser 200 caractères.").optional(),
});

const immatriculerSchema = z.object({
  identifiantProvisoire: z.string({ error: `Identifiant provisoire manquant.\n${USAGE}` }).min(1),
  nir: z.string({ error: `Numéro de sécurité sociale manquant.\n${USAGE}` }).min(1, `Numéro de sécurité sociale manquant.\n${USAGE}`).max(64),
});

/** immatriculer: the same consistency check as online; the person is told, and signs in with the NIR from now on. */
async function immatriculerCommand(args: string[]) {
  // The NIR may be typed with spaces ("2 01 12 99 341 …"): everything after the identifier is the NIR.
  const parsed = immatriculerSchema.safeParse({ identifiantProvisoire: args[0], nir: args.slice(1).join(" ") || undefined });
  if (!parsed.success) {
    console.error(parsed.error.issues[0]!.message);
    process.exit(2);
  }
  const config = loadAppConfig();
  const db = await openPrisma(config.database, { poolSize: 1 });
  try {
    const result = await immatriculer(db, fieldKeysOf(config), createTransports(loadMessagingConfig()), { ...parsed.data, operateur: operateur() });
    if (result.ok) console.log(result.message);
    else console.error(result.message);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === "immatriculer") return immatriculerCommand(argv.slice(1));
  if (argv[0] === "cgu:publier") return publishCguCommand(argv[1]);
  if (argv[0] === "dossier:voir") return frontDeskCommand(argv.slice(1));
  const motifAt = argv.indexOf("--motif");
  const motif = motifAt >= 0 ? argv[motifAt + 1] : undefined;
  const positional = argv.filter((_, i) => motifAt < 0 || (i !== motifAt && i !== motifAt + 1));
  const parsed = argsSchema.safeParse({ action: positional[0], identifiant: positional.slice(1).join(" ") || undefined, motif });
  if (!parsed.success) {
    console.error(parsed.error.issues[0]!.message);
    process.exit(2);
  }
  const config = loadAppConfig();
  const db = await openPrisma(config.database, { poolSize: 1 });
  try {
    const result = await runOperatorAction(db, fieldKeysOf(config), {
      ...parsed.data,
      operateur: operateur(),
    });
    console.log(result.message);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
