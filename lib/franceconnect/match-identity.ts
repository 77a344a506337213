// Matching the identité pivot that FranceConnect certifies to a personne known to the Caf. The rule is strict:
// every element must agree, after normalisation, or there is no match; nothing is ever linked on a partial match.
//   - birth name: FranceConnect's family_name (always the birth name) = the personne's nomNaissance;
//   - first names: FranceConnect gives all first names, separated by spaces (a compound one keeps its hyphen). The
//     personne's prénoms, in order, must be exactly the first of them, cut between two first names: the Caf may
//     hold only the first first name ("Claire" for "Claire Anne") but never another order, another first name, or
//     part of a compound one ("Jean" is not "Jean-Pierre");
//   - birth date: the same day (a date FranceConnect gives with 00 for the day or month matches nobody);
//   - sex: male ↔ M, female ↔ F;
//   - birthplace: born in France (birthcountry 99100), the same INSEE commune code; born abroad, the same country,
//     read from its COG code (a code missing from our table matches nobody).
// Names are normalised by normaliseName: case, accents, œ/æ, and hyphens, apostrophes and spaces count as one space.
import type { Database } from "../db/open-prisma";
import { normaliseName } from "../identity/person-name";
import { countryNameFromCog, FRANCE_COG } from "./birth-country";

/** The identity pivot, as FranceConnect v2 hands it over (checked by identitySchema in relying-party.ts). */
export type IdentityPivot = {
  /** First names, separated by spaces. */
  given_name: string;
  family_name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  gender: "male" | "female";
  /** INSEE code of the birth commune when born in France, "" when born abroad. */
  birthplace: string;
  /** COG code of the birth country: 99100 for France. */
  birthcountry: string;
};

export type MatchCriteria = {
  nomNaissance: string;
  /** Normalised first names, one per FranceConnect first name. */
  prenoms: string[];
  dateNaissance: Date;
  sexe: "M" | "F";
  lieu: { pays: "FRANCE"; codeInsee: string } | { pays: string; codeInsee: null };
};

/** Why an identity cannot be matched at all, whatever the database holds. */
export type UnmatchableReason = "DATE_INCOMPLETE" | "LIEU_INVALIDE" | "PAYS_INCONNU" | "NOM_VIDE";

export type CandidatePersonne = {
  id: string;
  nomNaissance: string;
  prenoms: string[];
  sexe: "M" | "F";
  dateNaissance: Date;
  lieuNaissancePays: string;
  lieuNaissanceCodeInsee: string | null;
};

const INSEE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

export function matchCriteria(pivot: IdentityPivot): { ok: true; criteria: MatchCriteria } | { ok: false; reason: UnmatchableReason } {
  const nomNaissance = normaliseName(pivot.family_name);
  const prenoms = pivot.given_name.trim().split(/\s+/).map(normaliseName).filter(Boolean);
  if (!nomNaissance || prenoms.length === 0) return { ok: false, reason: "NOM_VIDE" };

  const [year, month, day] = pivot.birthdate.split("-").map(Number) as [number, number, number];
  const dateNaissance = new Date(Date.UTC(year, month - 1, day));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pivot.birthdate) || month < 1 || day < 1 || dateNaissance.getUTCMonth() !== month - 1 || dateNaissance.getUTCDate() !== day) {
    return { ok: false, reason: "DATE_INCOMPLETE" };
  }

  let lieu: MatchCriteria["lieu"];
  if (pivot.birthcountry === FRANCE_COG) {
    const code = pivot.birthplace.trim().toUpperCase();
    if (!INSEE_COMMUNE.test(code)) return { ok: false, reason: "LIEU_INVALIDE" };
    lieu = { pays: "FRANCE", codeInsee: code };
  } else {
    const pays = countryNameFromCog(pivot.birthcountry);
    if (!pays) return { ok: false, reason: "PAYS_INCONNU" };
    lieu = { pays, codeInsee: null };
  }
  return { ok: true, criteria: { nomNaissance, prenoms, dateNaissance, sexe: pivot.gender === "female" ? "F" : "M", lieu } };
}

/** The personne's first names, in order, are the first of FranceConnect's, cut between two first names. */
export function firstNamesAgree(franceConnectPrenoms: readonly string[], prenoms: readonly string[]): boolean {
  const held = normaliseName(prenoms.join(" "));
  if (!held) return false;
  for (let count = 1; count <= franceConnectPrenoms.length; count++) {
    if (franceConnectPrenoms.slice(0, count).join(" ") === held) return true;
  }
  return false;
}

const sameDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

export function personneMatches(criteria: MatchCriteria, personne: CandidatePersonne): boolean {
  if (personne.sexe !== criteria.sexe || !sameDay(personne.dateNaissance, criteria.dateNaissance)) return false;
  if (normaliseName(personne.nomNaissance) !== criteria.nomNaissance) return false;
  if (!firstNamesAgree(criteria.prenoms, personne.prenoms)) return false;
  const pays = normaliseName(personne.lieuNaissancePays);
  if (criteria.lieu.pays === "FRANCE") {
    return pays === "FRANCE" && (personne.lieuNaissanceCodeInsee ?? "").trim().toUpperCase() === criteria.lieu.codeInsee;
  }
  return pays === normaliseName(criteria.lieu.pays);
}

/**
 * The most candidates read for one identity: far more than any real birth date and sex can share with a name.
 * Reaching it means the list is cut, and a match among a cut list proves nothing (the namesake may be past the
 * cut): the matching then fails closed, like several matches.
 */
export const CANDIDATES_LIMIT = 5_000;

export type MatchOutcome = { ok: true; matches: string[] } | { ok: false; reason: UnmatchableReason } | { ok: false; reason: "TROP_DE_CANDIDATS" };

/** The candidates that agree with the criteria; none at all when there are more candidates than the limit. */
export function matchAmongCandidates(criteria: MatchCriteria, candidates: readonly CandidatePersonne[], limit = CANDIDATES_LIMIT): MatchOutcome {
  if (candidates.length > limit) return { ok: false, reason: "TROP_DE_CANDIDATS" };
  return { ok: true, matches: candidates.filter((candidate) => personneMatches(criteria, candidate)).map((candidate) => candidate.id) };
}

/**
 * The personnes whose identity agrees with the pivot. Names are compared once normalised, so the query narrows on
 * the birth date and sex, and the comparison happens here. One candidate more than the limit is read, to know
 * whether the list was cut.
 */
export async function findPersonnesMatchingIdentity(db: Pick<Database, "personne">, pivot: IdentityPivot): Promise<MatchOutcome> {
  const parsed = matchCriteria(pivot);
  if (!parsed.ok) return parsed;
  const { criteria } = parsed;
  const candidates = await db.personne.findMany({
    where: { dateNaissance: criteria.dateNaissance, sexe: criteria.sexe },
    select: { id: true, nomNaissance: true, prenoms: true, sexe: true, dateNaissance: true, lieuNaissancePays: true, lieuNaissanceCodeInsee: true },
    take: CANDIDATES_LIMIT + 1,
  });
  return matchAmongCandidates(criteria, candidates);
}
