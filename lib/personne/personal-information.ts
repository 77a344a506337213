// "Mes informations personnelles": the identity the Caf holds for the signed-in person, and their place in their
// foyer(s) — their own data only (the grant says whose), the NIR decrypted only to be masked.
import "server-only";
import { assertCanOnSelf, type SelfGrant } from "../access/self-grant";
import { decryptField, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { maskNir, maskNirForScreenReader } from "./nir-mask";

export type FoyerRole = { numeroAllocataire: string; libelle: string };

export type PersonalInformation = {
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string[];
  sexe: "Féminin" | "Masculin";
  /** "14 mars 1988". */
  dateNaissance: string;
  /** "Lyon (69)", "Ajaccio (2A)", or the country for a person born abroad. */
  lieuNaissance: string;
  /** "2 90 01 •• ••• ••• 10", and its wording for screen readers; null when the Caf has no NIR for the person. */
  nirMasque: { visuel: string; lu: string } | null;
  /** A person without a NIR yet signs in with a provisional identifier: theirs, in full (it is their login). */
  identifiantProvisoire: string | null;
  roles: FoyerRole[];
};

type Role = "ALLOCATAIRE" | "CONJOINT" | "CONJOINT_ALLOCATAIRE" | "ENFANT" | "AUTRE";

/** The person's place in a foyer, in plain words. */
export function roleInWords(role: Role, sexe: "M" | "F", prestationPropre: string | null): string {
  const e = sexe === "F" ? "e" : "";
  switch (role) {
    case "ALLOCATAIRE":
      return "Allocataire : le dossier est à votre nom";
    case "CONJOINT":
      return `Conjoint${e} de l'allocataire`;
    case "CONJOINT_ALLOCATAIRE":
      return `Conjoint${e} de l'allocataire, et allocataire ${prestationPropre ? `de votre propre prestation (${prestationPropre})` : "à titre personnel"}`;
    case "ENFANT":
      return "Enfant du foyer";
    case "AUTRE":
      return "Autre personne vivant au foyer";
  }
}

const DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function departmentOf(codeInsee: string): string {
  return codeInsee.startsWith("97") ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
}

export async function readPersonalInformation(
  db: Pick<Database, "personne">,
  keys: FieldKeys,
  grant: SelfGrant,
  now: Date = new Date(),
): Promise<PersonalInformation | null> {
  assertCanOnSelf(grant, "VOIR_SES_DONNEES");
  const personne = await db.personne.findUnique({
    where: { id: grant.sujetId },
    select: {
      nomNaissance: true,
      nomUsage: true,
      prenoms: true,
      sexe: true,
      dateNaissance: true,
      lieuNaissancePays: true,
      lieuNaissanceCodeInsee: true,
      lieuNaissanceCommune: true,
      nirChiffre: true,
      identifiantProvisoire: true,
      appartenances: {
        where: { OR: [{ jusquAuLe: null }, { jusquAuLe: { gte: now } }] },
        select: { role: true, prestationPropre: true, foyer: { select: { numeroAllocataire: true } } },
        orderBy: { depuisLe: "asc" },
      },
    },
  });
  if (!personne) return null;
  const nir = personne.nirChiffre ? decryptField(personne.nirChiffre, keys) : null;
  const bornInFrance = personne.lieuNaissancePays.toUpperCase() === "FRANCE";
  const lieuNaissance = bornInFrance
    ? personne.lieuNaissanceCommune
      ? `${personne.lieuNaissanceCommune}${personne.lieuNaissanceCodeInsee ? ` (${departmentOf(personne.lieuNaissanceCodeInsee)})` : ""}`
      : "France"
    : personne.lieuNaissancePays;
  return {
    nomNaissance: personne.nomNaissance,
    nomUsage: personne.nomUsage,
    prenoms: personne.prenoms,
    sexe: personne.sexe === "F" ? "Féminin" : "Masculin",
    dateNaissance: DATE.format(personne.dateNaissance),
    lieuNaissance,
    nirMasque: nir ? { visuel: maskNir(nir), lu: maskNirForScreenReader(nir) } : null,
    identifiantProvisoire: nir ? null : personne.identifiantProvisoire,
    roles: personne.appartenances.map((m) => ({ numeroAllocataire: m.foyer.numeroAllocataire, libelle: roleInWords(m.role, personne.sexe, m.prestationPropre) })),
  };
}
