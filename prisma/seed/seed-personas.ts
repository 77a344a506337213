// Demo data: exactly the fictitious personas of personas.json (a copy of the shared file, so that nothing reads
// outside the project at run time). Every record is marked fictif. Amina, the primo-demandeur, is deliberately
// NOT loaded: she creates her space herself; her data stays available through PERSONAS for the flows that need it.
import { currentCgu, publishCgu } from "../../lib/cgu/cgu-versions";
import { INITIAL_CGU_FILE, readCguDocument } from "../../lib/cgu/cgu-files";
import { randomUUID } from "node:crypto";
import personasFile from "./personas.json" with { type: "json" };
import type { Database } from "../../lib/db/open-prisma";
import type { Prisma } from "../../lib/db/generated/client";
import { encryptField, lookupHash, type FieldKeys } from "../../lib/crypto/field-encryption";
import { hashPassword } from "../../lib/auth/password-hash";
import { parseNir } from "../../lib/identity/nir";
import { parseMobile } from "../../lib/identity/mobile";
import { parseEmail } from "../../lib/identity/email";
import { seedDemoBankDetails } from "./seed-coordonnees-bancaires";

export type PersonaLieuNaissance = { pays: string; codeInsee?: string; commune?: string; ville?: string };

export type PersonaPersonne = {
  key: string;
  nir?: string | null;
  nomNaissance: string;
  nomUsage?: string;
  prenoms: string[];
  sexe: "M" | "F";
  dateNaissance: string;
  lieuNaissance: PersonaLieuNaissance;
  email?: string;
  emailVerifie?: boolean;
  mobile?: string;
  mobileVerifie?: boolean;
  compteActive?: boolean;
  motDePasse?: string;
  notes?: string;
};

export type PersonaMembre = PersonaPersonne & {
  role: "ALLOCATAIRE" | "CONJOINT" | "CONJOINT_ALLOCATAIRE" | "ENFANT" | "AUTRE";
  prestationPropre?: string;
};

export type PersonaFoyer = {
  numeroAllocataire: string;
  situation: "couple" | "seul";
  motDePasseDossier: string;
  prestations: string[];
  notes?: string;
  delegation?: { de: string; a: string; active: boolean };
  membres: PersonaMembre[];
};

export type PersonaProtecteur = PersonaPersonne & {
  mesures: { protege: string; type: "TUTELLE" | "CURATELLE" | "CURATELLE_RENFORCEE" | "HABILITATION_FAMILIALE" | "SAUVEGARDE_DE_JUSTICE"; statut: "DEMANDEE" | "VALIDEE" | "REFUSEE" | "EXPIREE"; debut: string; fin: string | null }[];
};

export type PersonaPrimoDemandeur = Omit<PersonaPersonne, "nir"> & {
  parents: { nomNaissance: string; prenoms: string[] }[];
};

export type PersonasFile = {
  about: string;
  foyers: PersonaFoyer[];
  protecteurs: PersonaProtecteur[];
  primoDemandeurs: PersonaPrimoDemandeur[];
  franceConnect: {
    about: string;
    identites: { login: string; given_name: string; family_name: string; birthdate: string; gender: string; birthplace: string; birthcountry: string }[];
  };
};

/** The personas, as published in the shared file. */
export const PERSONAS: PersonasFile = personasFile as PersonasFile;

/** The foyer whose presence marks the demo as already loaded. */
export const DEMO_MARKER_NUMERO = "0412345";

/** Synthetic monthly amounts, in centimes, per prestation code (close to the 2026 scales, but invented). */
const DEFAULT_MONTHLY_AMOUNTS: Record<string, number> = {
  AF: 15_105,
  APL: 28_740,
  PAJE: 19_285,
  PA: 18_750,
  AAH: 103_332,
  ASF: 19_919,
};

/** Per-foyer amounts, so that the demo dossiers do not all look alike. */
const DEMO_MONTHLY_AMOUNTS: Record<string, Record<string, number>> = {
  "0412345": { AF: 15_105, APL: 31_247, PAJE: 19_285 },
  "0523456": { AF: 15_105, PA: 16_482 },
  "0634567": { AF: 15_105, AAH: 103_332 },
  "0698765": { AF: 15_105, APL: 27_890 },
  "0745678": { ASF: 19_919, APL: 35_412 },
  "0856789": { AAH: 103_332 },
  "0967890": { APL: 22_436 },
};

/** Prestations received in a person's own right rather than by the foyer. */
const PERSONAL_PRESTATIONS = new Set(["AAH", "AJPA", "BAFA", "PALA"]);

/** Months of payments each demo prestation shows ("Mon dossier" lists the last twelve). */
export const DEMO_PAYMENT_MONTHS = 12;

/** When the demo foyers' prestations started, and since when their members belong to them. */
const DEMO_DROITS_DEPUIS = utcDate(2023, 0, 1);
const DEMO_FOYER_DEPUIS = utcDate(2014, 8, 1);

/**
 * A plausible last connection for a demo account, so that its first sign-in in the demo shows "Dernière connexion"
 * as a real person's would: a few days before the seed, in the early evening (Paris time), a different one for each
 * account. Its account was activated long before.
 */
export function demoPreviousConnection(now: Date, index: number): Date {
  const day = new Date(now.getTime() - (2 + (index % 5)) * 86_400_000);
  day.setUTCHours(17, 5 + ((index * 7) % 50), 0, 0);
  return day;
}
const DEMO_ACTIVATED_DAYS_AGO = 200;

export type SeedPersonasResult = { created: boolean; foyers: number; personnes: number };

export async function seedPersonas(
  db: Database,
  keys: FieldKeys,
  options: { log?: (line: string) => void } = {},
): Promise<SeedPersonasResult> {
  const log = options.log ?? (() => {});
  // The demo's CGU in force (also for a demo database made before CGU versions existed): the accounts activated by
  // this seed have accepted it.
  const cguId = await ensureInitialCgu(db, new Date());
  if (await db.foyer.findUnique({ where: { numeroAllocataire: DEMO_MARKER_NUMERO }, select: { id: true } })) {
    log("Les personas de démonstration sont déjà en base : rien à faire.");
    return { created: false, foyers: 0, personnes: 0 };
  }

  // argon2 is slow (tens of ms per hash): every hash is made before the transaction opens, in parallel.
  const adults = [...PERSONAS.foyers.flatMap((f) => f.membres), ...PERSONAS.protecteurs];
  const [dossierHashes, accountHashes] = await Promise.all([
    Promise.all(PERSONAS.foyers.map((f) => hashPassword(f.motDePasseDossier))),
    Promise.all(
      adults.map((p) => (p.compteActive && p.motDePasse ? hashPassword(p.motDePasse) : Promise.resolve(null))),
    ),
  ]);
  const accountHashByKey = new Map(adults.map((p, i) => [p.key, accountHashes[i] ?? null]));

  const now = new Date();
  const periods = recentPaymentPeriods(now, DEMO_PAYMENT_MONTHS);

  const result = await db.$transaction(
    async (tx) => {
      if (await tx.foyer.findUnique({ where: { numeroAllocataire: DEMO_MARKER_NUMERO }, select: { id: true } })) {
        return { created: false, foyers: 0, personnes: 0 };
      }
      const personneIds = new Map<string, string>();
      let personnes = 0;

      let accounts = 0;
      const createPersonne = async (p: PersonaPersonne) => {
        const id = randomUUID();
        await tx.personne.create({ data: personneData(id, p, keys) });
        personneIds.set(p.key, id);
        personnes++;
        const accountHash = accountHashByKey.get(p.key) ?? null;
        if (p.compteActive !== undefined) {
          await tx.compte.create({
            data: {
              personneId: id,
              etat: p.compteActive ? "ACTIF" : "NON_ACTIVE",
              motDePasseHash: p.compteActive ? accountHash : null,
              activeLe: p.compteActive ? new Date(now.getTime() - DEMO_ACTIVATED_DAYS_AGO * 86_400_000) : null,
              ...(p.compteActive ? { derniereConnexionLe: demoPreviousConnection(now, accounts) } : {}),
            },
          });
          if (p.compteActive) {
            await tx.historiqueConnexion.create({
              data: { personneId: id, survenueLe: demoPreviousConnection(now, accounts), methode: "MOT_DE_PASSE", reussie: true, appareil: "Chrome sur Android", ip: "192.0.2.24" },
            });
            accounts++;
          }
          if (p.compteActive) await tx.acceptationCgu.create({ data: { personneId: id, versionCguId: cguId, accepteeLe: now } });
        }
        const coordonnees = coordonneesData(id, p, keys, now);
        if (coordonnees.length > 0) await tx.coordonnee.createMany({ data: coordonnees });
        return id;
      };

      for (const [index, foyer] of PERSONAS.foyers.entries()) {
        const foyerId = randomUUID();
        await tx.foyer.create({
          data: {
            id: foyerId,
            numeroAllocataire: foyer.numeroAllocataire,
            situation: foyer.situation === "couple" ? "COUPLE" : "SEUL",
            motDePasseDossierHash: dossierHashes[index]!,
            fictif: true,
          },
        });
        for (const membre of foyer.membres) {
          const personneId = await createPersonne(membre);
          const naissance = new Date(`${membre.dateNaissance}T00:00:00Z`);
          await tx.membre.create({
            data: {
              foyerId,
              personneId,
              role: membre.role,
              prestationPropre: membre.prestationPropre ?? null,
              depuisLe: naissance > DEMO_FOYER_DEPUIS ? naissance : DEMO_FOYER_DEPUIS,
            },
          });
        }
        if (foyer.delegation) {
          await tx.delegation.create({
            data: {
              foyerId,
              delegantId: personneIds.get(foyer.delegation.de)!,
              delegataireId: personneIds.get(foyer.delegation.a)!,
              retireeLe: foyer.delegation.active ? null : now,
            },
          });
        }
        const allocataire = foyer.membres.find((m) => m.role === "ALLOCATAIRE")!;
        for (const code of foyer.prestations) {
          const prestationId = randomUUID();
          const montant = DEMO_MONTHLY_AMOUNTS[foyer.numeroAllocataire]?.[code] ?? DEFAULT_MONTHLY_AMOUNTS[code] ?? 10_000;
          const beneficiaire = PERSONAL_PRESTATIONS.has(code)
            ? (foyer.membres.find((m) => m.prestationPropre === code) ?? allocataire)
            : null;
          await tx.prestation.create({
            data: {
              id: prestationId,
              foyerId,
              code,
              beneficiaireId: beneficiaire ? personneIds.get(beneficiaire.key)! : null,
              montantMensuelCentimes: montant,
              depuisLe: DEMO_DROITS_DEPUIS,
            },
          });
          await tx.paiement.createMany({
            data: periods.map(({ periode, payeLe }) => ({ foyerId, prestationId, periode, payeLe, montantCentimes: montant })),
          });
        }
      }

      for (const protecteur of PERSONAS.protecteurs) {
        const protecteurId = await createPersonne(protecteur);
        for (const mesure of protecteur.mesures) {
          const debut = new Date(`${mesure.debut}T00:00:00Z`);
          await tx.mesureProtection.create({
            data: {
              protegeId: personneIds.get(mesure.protege)!,
              protecteurId,
              type: mesure.type,
              statut: mesure.statut,
              debutLe: debut,
              finLe: mesure.fin ? new Date(`${mesure.fin}T00:00:00Z`) : null,
              demandeeLe: debut,
              decideeLe: mesure.statut === "DEMANDEE" ? null : debut,
            },
          });
        }
      }
      await seedDemoBankDetails(tx, keys, DEMO_DROITS_DEPUIS);
      return { created: true, foyers: PERSONAS.foyers.length, personnes };
    },
    { timeout: 60_000 },
  );

  log(
    result.created
      ? `Personas de démonstration chargées : ${result.foyers} foyers, ${result.personnes} personnes (toutes fictives).`
      : "Les personas de démonstration sont déjà en base : rien à faire.",
  );
  return result;
}

function personneData(id: string, p: PersonaPersonne, keys: FieldKeys): Prisma.PersonneCreateInput {
  let nirChiffre: string | null = null;
  let nirEmpreinte: string | null = null;
  if (p.nir) {
    const parsed = parseNir(p.nir);
    if (!parsed.ok) throw new Error(`Le NIR de la persona ${p.key} est invalide : ${parsed.error}`);
    nirChiffre = encryptField(parsed.value.normalise, keys);
    nirEmpreinte = lookupHash(parsed.value.normalise, keys);
  }
  const enFrance = p.lieuNaissance.pays.toUpperCase() === "FRANCE";
  return {
    id,
    nomNaissance: p.nomNaissance,
    nomUsage: p.nomUsage ?? null,
    prenoms: p.prenoms,
    sexe: p.sexe,
    dateNaissance: new Date(`${p.dateNaissance}T00:00:00Z`),
    lieuNaissancePays: p.lieuNaissance.pays,
    lieuNaissanceCodeInsee: enFrance ? (p.lieuNaissance.codeInsee ?? null) : null,
    lieuNaissanceCommune: p.lieuNaissance.commune ?? p.lieuNaissance.ville ?? null,
    nirChiffre,
    nirEmpreinte,
    fictif: true,
  };
}

function coordonneesData(personneId: string, p: PersonaPersonne, keys: FieldKeys, now: Date): Prisma.CoordonneeCreateManyInput[] {
  const rows: Prisma.CoordonneeCreateManyInput[] = [];
  if (p.email) {
    const parsed = parseEmail(p.email);
    if (!parsed.ok) throw new Error(`L'adresse de la persona ${p.key} est invalide : ${parsed.error}`);
    // Normalised as everywhere else (lib/identity/email.ts): the domain in lower case, the local part as written.
    const value = parsed.value;
    rows.push(coordonnee(personneId, "EMAIL", value, p.emailVerifie === true, keys, now));
  }
  if (p.mobile) {
    const parsed = parseMobile(p.mobile);
    if (!parsed.ok) throw new Error(`Le mobile de la persona ${p.key} est invalide : ${parsed.error}`);
    rows.push(coordonnee(personneId, "MOBILE", parsed.value, p.mobileVerifie === true, keys, now));
  }
  return rows;
}

function coordonnee(
  personneId: string,
  type: "EMAIL" | "MOBILE",
  value: string,
  verifiee: boolean,
  keys: FieldKeys,
  now: Date,
): Prisma.CoordonneeCreateManyInput {
  return {
    personneId,
    type,
    valeurChiffree: encryptField(value, keys),
    empreinte: lookupHash(value, keys),
    verifiee,
    verifieeLe: verifiee ? now : null,
  };
}

function utcDate(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

/**
 * The `count` most recent monthly payments already made at `now`: the payment for a month (periode = its first
 * day) is made on the 5th of the following month. Oldest first.
 */
export function recentPaymentPeriods(now: Date, count: number): { periode: Date; payeLe: Date }[] {
  // The latest month paid: last month if its payment day (the 5th of this month) has come, else the month before.
  // (Date.UTC carries negative or overflowing months over to the right year.)
  const year = now.getUTCFullYear();
  const latest = now.getUTCMonth() - (now.getUTCDate() >= 5 ? 1 : 2);
  const periods: { periode: Date; payeLe: Date }[] = [];
  for (let month = latest - count + 1; month <= latest; month++) {
    periods.push({ periode: utcDate(year, month, 1), payeLe: utcDate(year, month + 1, 5) });
  }
  return periods;
}

/** Publishes the repository's first CGU version if no version is published yet; returns the version in force. */
export async function ensureInitialCgu(db: Database, now: Date): Promise<string> {
  const current = await currentCgu(db);
  if (current) return current.id;
  const read = readCguDocument(INITIAL_CGU_FILE);
  if (!read.ok) throw new Error(read.error);
  const published = await publishCgu(db, read.document, "demonstration", now);
  if (!published.ok) throw new Error(published.message);
  return (await currentCgu(db))!.id;
}
