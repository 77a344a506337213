// Bulk synthetic foyers for load and volume testing: plausible French-looking dossiers, every record fictif.
//
// - Reproducible: a seeded pseudo-random generator (mulberry32) drives every choice; the same seed on the same
//   database state gives the same foyers. The first numéro allocataire of the run is mixed into the seed, so a
//   second run on the same database adds different people instead of the same ones again.
// - Numéros allocataires: 7 digits from 2 000 000, continuing after the highest one already in the database.
// - NIRs: valid, consistent with sex, birth date and birthplace, and unique: order numbers 500–999 only (the
//   demo personas use lower ones), uniqueness checked in memory and, per batch, against the database.
// - Contacts: e-mail addresses at example.org / example.net made unique by the numéro allocataire; mobiles only
//   in the range 06 39 98 xx xx that ARCEP reserves for fiction, which has room for about 9 900 numbers: they
//   are given by numéro allocataire to the first ~4 950 generated foyers (06 39 98 10 xx is left to the demo).
// - Passwords: argon2 costs ~25 ms per hash, so a small pool of known passwords (GENERATED_DOSSIER_PASSWORDS,
//   GENERATED_ACCOUNT_PASSWORDS) is hashed once per run and reused; the summary lists them.
// - Speed: ids are made client-side; each batch (1 000 foyers by default) is written in one transaction with
//   one INSERT … SELECT FROM json_populate_recordset($1) per table, and the next batch is generated while the
//   previous one is being written. With createMany the generator managed ~200 foyers/s; this way ~1 500 foyers/s
//   on a local PostgreSQL (100 000 foyers in about a minute).
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db/open-prisma";
import { encryptField, lookupHash, type FieldKeys } from "../../lib/crypto/field-encryption";
import { hashPassword } from "../../lib/auth/password-hash";
import { computeNirKey } from "../../lib/identity/nir";
import { PERSONAS, recentPaymentPeriods } from "./seed-personas";

export const FIRST_GENERATED_NUMERO = 2_000_000;
export const LAST_NUMERO = 9_999_999;
/** Order numbers below this one are left to hand-written data (the demo personas use 021–302). */
export const FIRST_GENERATED_NIR_ORDER = 500;

/** Historical 8-digit dossier passwords shared by the generated foyers (fictitious data: published on purpose). */
export const GENERATED_DOSSIER_PASSWORDS = [
  "11235813", "21345589", "14423337", "61098715", "97159725", "84418167", "65142290", "83204013",
] as const;
/** Personal passwords of the generated active accounts (they follow the portal's password rules). */
export const GENERATED_ACCOUNT_PASSWORDS = [
  "Tilleul2026Caf", "Peuplier2026Caf", "Bouleau2026Caf", "Erable2026Caf",
  "Platane2026Caf", "Charme2026Caf", "Frene2026Caf", "Sapin2026Caf",
] as const;

export type GenerateFoyersOptions = {
  foyers: number;
  /** Foyers per transaction (default 1 000). */
  batchSize?: number;
  /** Seed of the pseudo-random generator (default 42). */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Reference date for ages and payments (default: now). */
  now?: Date;
};

export type GenerateFoyersSummary = {
  foyers: number;
  personnes: number;
  membres: number;
  comptes: number;
  comptesActifs: number;
  coordonnees: number;
  prestations: number;
  paiements: number;
  couples: number;
  seuls: number;
  enfants: number;
  premierNumero: string | null;
  dernierNumero: string | null;
  elapsedMs: number;
  motsDePasseDossier: readonly string[];
  motsDePasseCompte: readonly string[];
};

/** Pseudo-random generator "mulberry32": 32-bit state, good enough spread for test data, fully reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Small built-in lists

const NOMS = [
  "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
  "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
  "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
  "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA",
  "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON",
  "MARCHAND", "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOEL", "MEYER", "DUFOUR", "MEUNIER",
  "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIERE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER", "ARNAUD",
  "MARTINEZ", "GERARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN", "VIDAL", "CARON",
  "PICARD", "ROGER", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS", "LACROIX", "OLIVIER", "PHILIPPE",
  "BOURGEOIS", "PIERRE", "BENOIT", "REY", "LECLERC", "PAYET", "ROLLAND", "LECLERCQ", "GUILLAUME", "LECOMTE",
  "HADDAD", "BENALI", "DIALLO", "NGUYEN", "DA SILVA", "FERREIRA", "TRAORE", "KONE", "BOUZID", "SANCHEZ",
];
const PRENOMS_F = [
  "Marie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura",
  "Pauline", "Céline", "Nathalie", "Isabelle", "Sandrine", "Aurélie", "Émilie", "Claire", "Sophie", "Anne",
  "Lucie", "Mathilde", "Charlotte", "Jade", "Louise", "Alice", "Lina", "Rose", "Anna", "Mila",
  "Nadia", "Yasmine", "Fatou", "Aïcha", "Élodie", "Audrey", "Stéphanie", "Valérie", "Christine", "Hélène",
  "Margaux", "Océane", "Clémence", "Zoé", "Agathe", "Juliette", "Ambre", "Lou", "Nina", "Maëlys",
];
const PRENOMS_M = [
  "Thomas", "Nicolas", "Julien", "Maxime", "Alexandre", "Kevin", "Romain", "Antoine", "Pierre", "Sébastien",
  "Mathieu", "Guillaume", "Jérôme", "Laurent", "Stéphane", "David", "Olivier", "Christophe", "Frédéric", "Éric",
  "Lucas", "Hugo", "Louis", "Gabriel", "Léo", "Raphaël", "Arthur", "Jules", "Adam", "Nathan",
  "Karim", "Mehdi", "Yanis", "Moussa", "Mamadou", "Théo", "Enzo", "Noah", "Paul", "Marc",
  "François", "Bernard", "Benoît", "Cédric", "Florian", "Quentin", "Baptiste", "Clément", "Samuel", "Victor",
];

type Lieu = { pays: string; codeInsee: string | null; commune: string; nirPlace: string; weight: number };

/** Birthplaces: INSEE commune codes (with a Corsican and overseas ones) and a few countries (99xxx). */
const LIEUX: Lieu[] = [
  { pays: "FRANCE", codeInsee: "75056", commune: "Paris", nirPlace: "75056", weight: 16 },
  { pays: "FRANCE", codeInsee: "13055", commune: "Marseille", nirPlace: "13055", weight: 8 },
  { pays: "FRANCE", codeInsee: "69123", commune: "Lyon", nirPlace: "69123", weight: 7 },
  { pays: "FRANCE", codeInsee: "31555", commune: "Toulouse", nirPlace: "31555", weight: 6 },
  { pays: "FRANCE", codeInsee: "06088", commune: "Nice", nirPlace: "06088", weight: 5 },
  { pays: "FRANCE", codeInsee: "44109", commune: "Nantes", nirPlace: "44109", weight: 5 },
  { pays: "FRANCE", codeInsee: "34172", commune: "Montpellier", nirPlace: "34172", weight: 5 },
  { pays: "FRANCE", codeInsee: "67482", commune: "Strasbourg", nirPlace: "67482", weight: 5 },
  { pays: "FRANCE", codeInsee: "33063", commune: "Bordeaux", nirPlace: "33063", weight: 5 },
  { pays: "FRANCE", codeInsee: "59350", commune: "Lille", nirPlace: "59350", weight: 5 },
  { pays: "FRANCE", codeInsee: "35238", commune: "Rennes", nirPlace: "35238", weight: 4 },
  { pays: "FRANCE", codeInsee: "92050", commune: "Nanterre", nirPlace: "92050", weight: 4 },
  { pays: "FRANCE", codeInsee: "93066", commune: "Saint-Denis", nirPlace: "93066", weight: 4 },
  { pays: "FRANCE", codeInsee: "63113", commune: "Clermont-Ferrand", nirPlace: "63113", weight: 3 },
  { pays: "FRANCE", codeInsee: "2A004", commune: "Ajaccio", nirPlace: "2A004", weight: 2 },
  { pays: "FRANCE", codeInsee: "2B033", commune: "Bastia", nirPlace: "2B033", weight: 1 },
  { pays: "FRANCE", codeInsee: "97411", commune: "Saint-Denis", nirPlace: "97411", weight: 3 },
  { pays: "FRANCE", codeInsee: "97209", commune: "Fort-de-France", nirPlace: "97209", weight: 2 },
  { pays: "FRANCE", codeInsee: "97105", commune: "Basse-Terre", nirPlace: "97105", weight: 1 },
  { pays: "MAROC", codeInsee: null, commune: "Casablanca", nirPlace: "99350", weight: 2 },
  { pays: "ALGERIE", codeInsee: null, commune: "Alger", nirPlace: "99352", weight: 2 },
  { pays: "PORTUGAL", codeInsee: null, commune: "Porto", nirPlace: "99139", weight: 1 },
  { pays: "SENEGAL", codeInsee: null, commune: "Dakar", nirPlace: "99341", weight: 1 },
];
/** Children of this generator are born in France. */
const LIEUX_FRANCE = LIEUX.filter((l) => l.pays === "FRANCE");

// ---------------------------------------------------------------------------------------------------------------
// Drawing helpers

class Draw {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((sum, i) => sum + i.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item;
    }
    return items[items.length - 1]!;
  }
}

const CHILDREN_DISTRIBUTION = [
  { value: 0, weight: 30 },
  { value: 1, weight: 25 },
  { value: 2, weight: 25 },
  { value: 3, weight: 13 },
  { value: 4, weight: 7 },
];

const DAY_MS = 86_400_000;

function utcDate(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

/** A birth date for someone aged between minAge and maxAge (whole years, maxAge excluded) at `now`. */
function birthDate(draw: Draw, now: Date, minAgeYears: number, maxAgeYears: number): Date {
  const youngest = now.getTime() - minAgeYears * 365.25 * DAY_MS;
  const oldest = now.getTime() - maxAgeYears * 365.25 * DAY_MS;
  const t = oldest + draw.next() * (youngest - oldest);
  const d = new Date(t);
  return utcDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function ageYears(birth: Date, now: Date): number {
  return (now.getTime() - birth.getTime()) / (365.25 * DAY_MS);
}

function asciiSlug(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// ---------------------------------------------------------------------------------------------------------------
// NIRs

/** Hands out valid NIRs, never twice, never one of the personas'. */
export class NirAllocator {
  private readonly used = new Set<string>();

  constructor() {
    for (const p of [...PERSONAS.foyers.flatMap((f) => f.membres), ...PERSONAS.protecteurs]) {
      if (p.nir) this.used.add(p.nir.replace(/\s/g, "").toUpperCase());
    }
  }

  /** A fresh NIR, or null when every order number of that (sex, year, month, place) is taken. */
  allocate(draw: Draw, sexe: "M" | "F", naissance: Date, lieu: Lieu): string | null {
    const yy = String(naissance.getUTCFullYear() % 100).padStart(2, "0");
    const mm = String(naissance.getUTCMonth() + 1).padStart(2, "0");
    let place = lieu.nirPlace;
    // Born in Corsica before the 1976 split: the NIR keeps department 20.
    if (/^2[AB]/.test(place) && naissance.getUTCFullYear() < 1976) place = "20" + place.slice(2);
    const prefix = (sexe === "M" ? "1" : "2") + yy + mm + place;
    const span = 1000 - FIRST_GENERATED_NIR_ORDER;
    const first = draw.int(0, span - 1);
    for (let i = 0; i < span; i++) {
      // A few random tries, then a linear scan from the last draw so that a crowded slot still finishes.
      const offset = i < 8 ? draw.int(0, span - 1) : (first + i) % span;
      const thirteen = prefix + String(FIRST_GENERATED_NIR_ORDER + offset).padStart(3, "0");
      const nir = thirteen + computeNirKey(thirteen);
      if (!this.used.has(nir)) {
        this.used.add(nir);
        return nir;
      }
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One batch of rows. Rows are plain objects whose keys are the tables' column names: each table of a batch is
// inserted by one INSERT … SELECT FROM json_populate_recordset(…), far faster than createMany for 10⁵ rows.

type FoyerRow = {
  id: string; numeroAllocataire: string; situation: "COUPLE" | "SEUL"; motDePasseDossierHash: string;
  fictif: true; creeLe: Date; modifieLe: Date;
};
type PersonneRow = {
  id: string; nomNaissance: string; nomUsage: string | null; prenoms: string[]; sexe: "M" | "F"; dateNaissance: Date;
  lieuNaissancePays: string; lieuNaissanceCodeInsee: string | null; lieuNaissanceCommune: string;
  nirChiffre: string | null; nirEmpreinte: string | null; fictif: true; creeLe: Date; modifieLe: Date;
};
type MembreRow = {
  id: string; foyerId: string; personneId: string; role: "ALLOCATAIRE" | "CONJOINT" | "CONJOINT_ALLOCATAIRE" | "ENFANT";
  prestationPropre: string | null; depuisLe: Date;
};
type CompteRow = {
  id: string; personneId: string; motDePasseHash: string | null; etat: "ACTIF" | "NON_ACTIVE";
  derniereConnexionLe: Date | null; creeLe: Date; modifieLe: Date;
};
type CoordonneeRow = {
  id: string; personneId: string; type: "EMAIL" | "MOBILE"; valeurChiffree: string; empreinte: string;
  verifiee: boolean; verifieeLe: Date | null; creeLe: Date; modifieLe: Date;
};
type PrestationRow = {
  id: string; foyerId: string; code: string; beneficiaireId: string | null; montantMensuelCentimes: number; depuisLe: Date;
};
type PaiementRow = { id: string; foyerId: string; prestationId: string; periode: Date; payeLe: Date; montantCentimes: number };

/** A person being generated: the row, plus the clear NIR and birthplace until the row is encrypted. */
type PersonneDraft = { row: PersonneRow; nir: string; lieu: Lieu };

type Batch = {
  foyers: FoyerRow[];
  personnes: PersonneDraft[];
  membres: MembreRow[];
  comptes: CompteRow[];
  coordonnees: CoordonneeRow[];
  prestations: PrestationRow[];
  paiements: PaiementRow[];
  couples: number;
  seuls: number;
  enfants: number;
  comptesActifs: number;
};

/** Columns written by the generator, per table; the others take their default. */
const COLUMNS = {
  Foyer: ["id", "numeroAllocataire", "situation", "motDePasseDossierHash", "fictif", "creeLe", "modifieLe"],
  Personne: [
    "id", "nomNaissance", "nomUsage", "prenoms", "sexe", "dateNaissance", "lieuNaissancePays", "lieuNaissanceCodeInsee",
    "lieuNaissanceCommune", "nirChiffre", "nirEmpreinte", "fictif", "creeLe", "modifieLe",
  ],
  Membre: ["id", "foyerId", "personneId", "role", "prestationPropre", "depuisLe"],
  Compte: ["id", "personneId", "motDePasseHash", "etat", "derniereConnexionLe", "creeLe", "modifieLe"],
  Coordonnee: ["id", "personneId", "type", "valeurChiffree", "empreinte", "verifiee", "verifieeLe", "creeLe", "modifieLe"],
  Prestation: ["id", "foyerId", "code", "beneficiaireId", "montantMensuelCentimes", "depuisLe"],
  Paiement: ["id", "foyerId", "prestationId", "periode", "payeLe", "montantCentimes"],
} as const satisfies {
  Foyer: readonly (keyof FoyerRow)[];
  Personne: readonly (keyof PersonneRow)[];
  Membre: readonly (keyof MembreRow)[];
  Compte: readonly (keyof CompteRow)[];
  Coordonnee: readonly (keyof CoordonneeRow)[];
  Prestation: readonly (keyof PrestationRow)[];
  Paiement: readonly (keyof PaiementRow)[];
};

type Context = {
  draw: Draw;
  /** Used only to re-draw NIRs that collide with the database, so that it never shifts the main sequence. */
  redraw: Draw;
  nirs: NirAllocator;
  keys: FieldKeys;
  now: Date;
  periods: { periode: Date; payeLe: Date }[];
  dossierHashes: string[];
  accountHashes: string[];
};

const MOBILE_RANGE_START = 639_980_000; // 06 39 98 00 00
const MOBILE_DEMO_BLOCK = { from: 1000, to: 1099 }; // 06 39 98 10 xx: left to the demo personas

/** The fictitious mobile reserved for adult `adultIndex` (0 or 1) of a generated foyer, if any is left. */
export function reservedMobile(numeroAllocataire: number, adultIndex: number): string | null {
  let slot = (numeroAllocataire - FIRST_GENERATED_NUMERO) * 2 + adultIndex;
  if (slot < 0) return null;
  if (slot >= MOBILE_DEMO_BLOCK.from) slot += MOBILE_DEMO_BLOCK.to - MOBILE_DEMO_BLOCK.from + 1;
  if (slot > 9_999) return null;
  return `+33${MOBILE_RANGE_START + slot}`;
}

function newBatch(): Batch {
  return { foyers: [], personnes: [], membres: [], comptes: [], coordonnees: [], prestations: [], paiements: [], couples: 0, seuls: 0, enfants: 0, comptesActifs: 0 };
}

function firstOfMonth(d: Date): Date {
  return utcDate(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function addMonths(d: Date, months: number): Date {
  return utcDate(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

function drawPrenoms(draw: Draw, sexe: "M" | "F"): string[] {
  const list = sexe === "F" ? PRENOMS_F : PRENOMS_M;
  const first = draw.pick(list);
  const prenoms = [first];
  const extra = draw.weighted([
    { value: 0, weight: 35 },
    { value: 1, weight: 45 },
    { value: 2, weight: 20 },
  ]).value;
  for (let i = 0; i < extra; i++) {
    const next = draw.pick(list);
    if (!prenoms.includes(next)) prenoms.push(next);
  }
  return prenoms;
}

function addPersonne(
  ctx: Context,
  batch: Batch,
  p: { sexe: "M" | "F"; nomNaissance: string; nomUsage: string | null; naissance: Date; lieux: readonly Lieu[] },
): PersonneRow {
  let lieu = ctx.draw.weighted(p.lieux);
  let nir = ctx.nirs.allocate(ctx.draw, p.sexe, p.naissance, lieu);
  while (nir === null) {
    lieu = ctx.draw.weighted(p.lieux);
    nir = ctx.nirs.allocate(ctx.draw, p.sexe, p.naissance, lieu);
  }
  const row: PersonneRow = {
    id: randomUUID(),
    nomNaissance: p.nomNaissance,
    nomUsage: p.nomUsage,
    prenoms: drawPrenoms(ctx.draw, p.sexe),
    sexe: p.sexe,
    dateNaissance: p.naissance,
    lieuNaissancePays: lieu.pays,
    lieuNaissanceCodeInsee: lieu.codeInsee,
    lieuNaissanceCommune: lieu.commune,
    nirChiffre: null,
    nirEmpreinte: null,
    fictif: true,
    creeLe: ctx.now,
    modifieLe: ctx.now,
  };
  batch.personnes.push({ row, nir, lieu });
  return row;
}

function generateFoyer(ctx: Context, batch: Batch, numero: number): void {
  const { draw, now } = ctx;
  const foyerId = randomUUID();
  const couple = draw.chance(0.55);
  const numeroAllocataire = String(numero).padStart(7, "0");
  const foyerDepuis = firstOfMonth(birthDate(draw, now, 1, 15));
  batch.foyers.push({
    id: foyerId,
    numeroAllocataire,
    situation: couple ? "COUPLE" : "SEUL",
    motDePasseDossierHash: draw.pick(ctx.dossierHashes),
    fictif: true,
    creeLe: now,
    modifieLe: now,
  });
  if (couple) batch.couples++;
  else batch.seuls++;

  // Adults: the allocataire, and a conjoint in a couple. Mostly mothers as allocataires, as in Caf files.
  const senior = draw.chance(0.06);
  const allocataireSexe: "M" | "F" = draw.chance(couple ? 0.6 : 0.82) ? "F" : "M";
  const allocataireNaissance = senior ? birthDate(draw, now, 62, 88) : birthDate(draw, now, 20, 58);
  const allocataireNom = draw.pick(NOMS);
  const adults: { row: PersonneRow; role: "ALLOCATAIRE" | "CONJOINT" }[] = [];
  if (couple) {
    const conjointSexe: "M" | "F" = draw.chance(0.03) ? allocataireSexe : allocataireSexe === "F" ? "M" : "F";
    const conjointNom = draw.pick(NOMS);
    const ageGap = draw.int(-6, 6);
    let conjointNaissance = utcDate(
      allocataireNaissance.getUTCFullYear() + ageGap,
      draw.int(0, 11),
      draw.int(1, 28),
    );
    if (ageYears(conjointNaissance, now) < 19) conjointNaissance = birthDate(draw, now, 19, 25);
    // About half of the women in a couple use their partner's name.
    const usage = (sexe: "M" | "F", nomPartenaire: string) => (sexe === "F" && draw.chance(0.5) ? nomPartenaire : null);
    adults.push({
      row: addPersonne(ctx, batch, { sexe: allocataireSexe, nomNaissance: allocataireNom, nomUsage: usage(allocataireSexe, conjointNom), naissance: allocataireNaissance, lieux: LIEUX }),
      role: "ALLOCATAIRE",
    });
    adults.push({
      row: addPersonne(ctx, batch, { sexe: conjointSexe, nomNaissance: conjointNom, nomUsage: usage(conjointSexe, allocataireNom), naissance: conjointNaissance, lieux: LIEUX }),
      role: "CONJOINT",
    });
  } else {
    adults.push({
      row: addPersonne(ctx, batch, { sexe: allocataireSexe, nomNaissance: allocataireNom, nomUsage: null, naissance: allocataireNaissance, lieux: LIEUX }),
      role: "ALLOCATAIRE",
    });
  }

  // Children: born when the youngest adult was at least 18, aged under 20.
  const youngestAdultAge = Math.min(...adults.map((a) => ageYears(a.row.dateNaissance, now)));
  const maxChildAge = Math.min(19.9, youngestAdultAge - 18);
  const wanted = senior || maxChildAge <= 0 ? 0 : draw.weighted(CHILDREN_DISTRIBUTION).value;
  const familyName = couple
    ? (adults.find((a) => a.row.sexe === "M")?.row.nomNaissance ?? allocataireNom)
    : allocataireNom;
  const children: PersonneRow[] = [];
  for (let i = 0; i < wanted; i++) {
    const naissance = birthDate(draw, now, 0, maxChildAge);
    children.push(
      addPersonne(ctx, batch, { sexe: draw.chance(0.5) ? "F" : "M", nomNaissance: familyName, nomUsage: null, naissance, lieux: LIEUX_FRANCE }),
    );
  }
  batch.enfants += children.length;

  // Prestations.
  type Drawn = { code: string; montant: number; beneficiaireId: string | null; depuisLe: Date };
  const prestations: Drawn[] = [];
  const droitsDepuis = () => firstOfMonth(birthDate(draw, now, 0.5, Math.max(0.6, ageYears(foyerDepuis, now))));
  if (children.length >= 2) {
    const montant = 15_105 + (children.length - 2) * 19_353;
    prestations.push({ code: "AF", montant, beneficiaireId: null, depuisLe: droitsDepuis() });
  }
  const youngest = children.reduce<PersonneRow | null>((y, c) => (!y || c.dateNaissance > y.dateNaissance ? c : y), null);
  if (youngest) {
    const age = ageYears(youngest.dateNaissance, now);
    if (age >= 0.34 && age < 3 && draw.chance(0.85)) {
      prestations.push({
        code: "PAJE",
        montant: draw.chance(0.6) ? 19_285 : 9_643,
        beneficiaireId: null,
        depuisLe: firstOfMonth(addMonths(youngest.dateNaissance, 1)),
      });
    }
  }
  if (draw.chance(0.45)) prestations.push({ code: "APL", montant: draw.int(6_000, 42_000), beneficiaireId: null, depuisLe: droitsDepuis() });
  if (draw.chance(0.2)) prestations.push({ code: "PA", montant: draw.int(2_500, 36_000), beneficiaireId: null, depuisLe: droitsDepuis() });
  let aahIndex = -1;
  if (draw.chance(0.08)) {
    aahIndex = draw.int(0, adults.length - 1);
    prestations.push({
      code: "AAH",
      montant: draw.chance(0.7) ? 103_332 : draw.int(30_000, 103_332),
      beneficiaireId: adults[aahIndex]!.row.id,
      depuisLe: droitsDepuis(),
    });
  }
  if (!couple && children.length > 0 && draw.chance(0.35)) {
    prestations.push({ code: "ASF", montant: 19_919 * children.length, beneficiaireId: null, depuisLe: droitsDepuis() });
  }
  // A foyer known to the Caf receives something: most often a housing aid or the prime d'activité.
  if (prestations.length === 0) {
    prestations.push(
      draw.chance(0.5)
        ? { code: "APL", montant: draw.int(6_000, 42_000), beneficiaireId: null, depuisLe: droitsDepuis() }
        : { code: "PA", montant: draw.int(2_500, 36_000), beneficiaireId: null, depuisLe: droitsDepuis() },
    );
  }
  for (const p of prestations) {
    const prestationId = randomUUID();
    batch.prestations.push({ id: prestationId, foyerId, code: p.code, beneficiaireId: p.beneficiaireId, montantMensuelCentimes: p.montant, depuisLe: p.depuisLe });
    for (const { periode, payeLe } of ctx.periods) {
      batch.paiements.push({ id: randomUUID(), foyerId, prestationId, periode, payeLe, montantCentimes: p.montant });
    }
  }

  // Membres: a conjoint who receives the AAH in their own right is a conjoint allocataire.
  adults.forEach((a, index) => {
    const conjointAllocataire = a.role === "CONJOINT" && index === aahIndex;
    batch.membres.push({
      id: randomUUID(),
      foyerId,
      personneId: a.row.id,
      role: conjointAllocataire ? "CONJOINT_ALLOCATAIRE" : a.role,
      prestationPropre: conjointAllocataire ? "AAH" : null,
      depuisLe: foyerDepuis,
    });
  });
  for (const child of children) {
    const naissance = child.dateNaissance;
    batch.membres.push({ id: randomUUID(), foyerId, personneId: child.id, role: "ENFANT", prestationPropre: null, depuisLe: naissance > foyerDepuis ? naissance : foyerDepuis });
  }

  // Comptes and coordonnées of the adults.
  adults.forEach((a, index) => {
    const actif = draw.chance(0.7);
    if (actif) batch.comptesActifs++;
    batch.comptes.push({
      id: randomUUID(),
      personneId: a.row.id,
      etat: actif ? "ACTIF" : "NON_ACTIVE",
      motDePasseHash: actif ? draw.pick(ctx.accountHashes) : null,
      derniereConnexionLe: actif ? new Date(now.getTime() - draw.int(1, 90 * 24 * 60) * 60_000) : null,
      creeLe: now,
      modifieLe: now,
    });
    if (!draw.chance(0.8)) return;
    const prenom = asciiSlug(a.row.prenoms[0]!);
    const nom = asciiSlug(a.row.nomUsage ?? a.row.nomNaissance);
    const email = `${prenom}.${nom}.${numeroAllocataire}${index}@${draw.chance(0.5) ? "example.org" : "example.net"}`;
    batch.coordonnees.push(coordonnee(ctx, a.row.id, "EMAIL", email, actif && draw.chance(0.7)));
    const mobile = reservedMobile(numero, index);
    if (mobile && draw.chance(0.8)) batch.coordonnees.push(coordonnee(ctx, a.row.id, "MOBILE", mobile, actif && draw.chance(0.7)));
  });
}

function coordonnee(ctx: Context, personneId: string, type: "EMAIL" | "MOBILE", value: string, verifiee: boolean): CoordonneeRow {
  return {
    id: randomUUID(),
    personneId,
    type,
    valeurChiffree: encryptField(value, ctx.keys),
    empreinte: lookupHash(value, ctx.keys),
    verifiee,
    verifieeLe: verifiee ? ctx.now : null,
    creeLe: ctx.now,
    modifieLe: ctx.now,
  };
}

type Executor = Pick<Database, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** One INSERT for all the rows of a table: the rows travel as a single JSON parameter. */
async function insertRows<T extends keyof typeof COLUMNS>(
  db: Executor,
  table: T,
  rows: readonly { [K in (typeof COLUMNS)[T][number]]: unknown }[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = COLUMNS[table].map((c) => `"${c}"`).join(", ");
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}

/**
 * Encrypts and hashes the batch's NIRs, re-drawing those that a person already in the database holds (from an
 * earlier run: within a run, the allocator never hands out a NIR twice).
 */
async function finaliseNirs(db: Executor, ctx: Context, batch: Batch): Promise<void> {
  for (const p of batch.personnes) p.row.nirEmpreinte = lookupHash(p.nir, ctx.keys);
  for (;;) {
    const taken = await db.$queryRawUnsafe<{ nirEmpreinte: string }[]>(
      `SELECT "nirEmpreinte" FROM "Personne" WHERE "nirEmpreinte" IN (SELECT json_array_elements_text($1::json))`,
      JSON.stringify(batch.personnes.map((p) => p.row.nirEmpreinte)),
    );
    if (taken.length === 0) break;
    const collided = new Set(taken.map((t) => t.nirEmpreinte));
    for (const p of batch.personnes) {
      if (!collided.has(p.row.nirEmpreinte!)) continue;
      const lieux = p.lieu.pays === "FRANCE" ? LIEUX_FRANCE : LIEUX;
      let lieu = p.lieu;
      let nir = ctx.nirs.allocate(ctx.redraw, p.row.sexe, p.row.dateNaissance, lieu);
      while (nir === null) {
        lieu = ctx.redraw.weighted(lieux);
        nir = ctx.nirs.allocate(ctx.redraw, p.row.sexe, p.row.dateNaissance, lieu);
      }
      p.nir = nir;
      p.lieu = lieu;
      Object.assign(p.row, {
        lieuNaissancePays: lieu.pays,
        lieuNaissanceCodeInsee: lieu.codeInsee,
        lieuNaissanceCommune: lieu.commune,
        nirEmpreinte: lookupHash(nir, ctx.keys),
      });
    }
  }
  for (const p of batch.personnes) p.row.nirChiffre = encryptField(p.nir, ctx.keys);
}

async function insertBatch(db: Database, ctx: Context, batch: Batch): Promise<void> {
  await finaliseNirs(db, ctx, batch);
  await db.$transaction(
    async (tx) => {
      await insertRows(tx, "Foyer", batch.foyers);
      await insertRows(tx, "Personne", batch.personnes.map((p) => p.row));
      await insertRows(tx, "Membre", batch.membres);
      await insertRows(tx, "Compte", batch.comptes);
      await insertRows(tx, "Coordonnee", batch.coordonnees);
      await insertRows(tx, "Prestation", batch.prestations);
      await insertRows(tx, "Paiement", batch.paiements);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

// ---------------------------------------------------------------------------------------------------------------

/** The first free numéro allocataire of the generated range. */
export async function nextGeneratedNumero(db: Database): Promise<number> {
  const last = await db.foyer.findFirst({
    where: { numeroAllocataire: { gte: String(FIRST_GENERATED_NUMERO) } },
    orderBy: { numeroAllocataire: "desc" },
    select: { numeroAllocataire: true },
  });
  return last ? Number(last.numeroAllocataire) + 1 : FIRST_GENERATED_NUMERO;
}

export async function generateFoyers(db: Database, keys: FieldKeys, options: GenerateFoyersOptions): Promise<GenerateFoyersSummary> {
  const started = performance.now();
  const total = options.foyers;
  const batchSize = options.batchSize ?? 1_000;
  if (!Number.isInteger(total) || total < 0) throw new RangeError("Le nombre de foyers doit être un entier positif.");
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("La taille des lots doit être un entier positif.");

  const first = await nextGeneratedNumero(db);
  if (first + total - 1 > LAST_NUMERO) {
    throw new RangeError(
      `Plus assez de numéros allocataires libres : la plage générée s'arrête à ${LAST_NUMERO}, et ${first - FIRST_GENERATED_NUMERO} foyers générés sont déjà en base.`,
    );
  }
  const now = options.now ?? new Date();
  const seed = options.seed ?? 42;
  // Mixing the first numéro into the seed: a fresh database gives the same foyers for the same seed, and a
  // second run on the same database does not replay the first one.
  const mixed = (Math.imul(seed >>> 0, 0x9e3779b1) ^ (first - FIRST_GENERATED_NUMERO)) >>> 0;
  const draw = new Draw(mulberry32(mixed));

  const [dossierHashes, accountHashes] = await Promise.all([
    Promise.all(GENERATED_DOSSIER_PASSWORDS.map((p) => hashPassword(p))),
    Promise.all(GENERATED_ACCOUNT_PASSWORDS.map((p) => hashPassword(p))),
  ]);
  const ctx: Context = {
    draw,
    redraw: new Draw(mulberry32(mixed ^ 0x5bd1e995)),
    nirs: new NirAllocator(),
    keys,
    now,
    periods: recentPaymentPeriods(now, 3),
    dossierHashes,
    accountHashes,
  };

  const summary: GenerateFoyersSummary = {
    foyers: 0, personnes: 0, membres: 0, comptes: 0, comptesActifs: 0, coordonnees: 0, prestations: 0, paiements: 0,
    couples: 0, seuls: 0, enfants: 0,
    premierNumero: total > 0 ? String(first).padStart(7, "0") : null,
    dernierNumero: total > 0 ? String(first + total - 1).padStart(7, "0") : null,
    elapsedMs: 0,
    motsDePasseDossier: GENERATED_DOSSIER_PASSWORDS,
    motsDePasseCompte: GENERATED_ACCOUNT_PASSWORDS,
  };
  const account = (batch: Batch) => {
    summary.foyers += batch.foyers.length;
    summary.personnes += batch.personnes.length;
    summary.membres += batch.membres.length;
    summary.comptes += batch.comptes.length;
    summary.comptesActifs += batch.comptesActifs;
    summary.coordonnees += batch.coordonnees.length;
    summary.prestations += batch.prestations.length;
    summary.paiements += batch.paiements.length;
    summary.couples += batch.couples;
    summary.seuls += batch.seuls;
    summary.enfants += batch.enfants;
    options.onProgress?.(summary.foyers, total);
  };

  options.onProgress?.(0, total);
  // Pipeline: the next batch is generated (CPU) while the previous one is being written (database).
  let inFlight: { batch: Batch; insert: Promise<void> } | null = null;
  for (let built = 0; built < total; ) {
    const size = Math.min(batchSize, total - built);
    const batch = newBatch();
    for (let i = 0; i < size; i++) generateFoyer(ctx, batch, first + built + i);
    built += size;
    if (inFlight) {
      await inFlight.insert;
      account(inFlight.batch);
    }
    inFlight = { batch, insert: insertBatch(db, ctx, batch) };
  }
  if (inFlight) {
    await inFlight.insert;
    account(inFlight.batch);
  }
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}
