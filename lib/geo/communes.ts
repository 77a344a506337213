// No "server-only" marker: the admin command line (plain tsx) checks NIRs too. node:fs keeps this module out of
// any client bundle all the same (the build fails if a client component imports it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalisePlaceName } from "./normalise";

/**
 * French communes from the State's list (INSEE's Code officiel géographique, published by Etalab in the package
 * @etalab/decoupage-administratif): current communes (overseas included), the municipal arrondissements of Paris,
 * Lyon and Marseille, the communes déléguées and associées of merged communes, and the former codes
 * ("anciensCodes") of communes merged into a commune nouvelle. Read from the package's data file on the server,
 * once, on first use; nothing is fetched at run time.
 *
 * The package's own entry point reads its files relative to the working directory, so the data file is read here
 * directly (see the ADR on birthplaces).
 */

/** "ancienne": a former code that the data keeps only as part of a commune nouvelle (no name of its own). */
export type CommuneKind = "actuelle" | "arrondissement" | "deleguee" | "associee" | "ancienne";

export interface CommuneSuggestion {
  /** INSEE code, 5 characters ("69123", "2A004", "97411", "75115"). */
  code: string;
  nom: string;
  /** "69", "2A", "974"… */
  departement: string;
  /** What a person reads and may type back: "Lyon (69)", "Annecy-le-Vieux (74) — aujourd'hui Annecy". */
  libelle: string;
}

export interface Commune extends CommuneSuggestion {
  kind: CommuneKind;
  /** Code of the commune this one is part of today (its own code for a current commune). */
  communeActuelle: string;
}

export type CommuneResolution =
  | { kind: "found"; commune: Commune }
  | { kind: "ambiguous"; candidates: CommuneSuggestion[] }
  | { kind: "none" };

interface RawCommune {
  code: string;
  nom: string;
  departement: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
  population?: number;
}

interface Entry extends Commune {
  cle: string;
  population: number;
}

interface Index {
  entries: Entry[];
  byCode: Map<string, Entry>;
  /** Every code known to the data (current, arrondissement, délégué, associé, former) → today's commune code. */
  actuelleByCode: Map<string, string>;
}

const KIND: Record<RawCommune["type"], CommuneKind> = {
  "commune-actuelle": "actuelle",
  "arrondissement-municipal": "arrondissement",
  "commune-deleguee": "deleguee",
  "commune-associee": "associee",
};

/** Current communes first, then arrondissements, then the former ones. */
const KIND_RANK: Record<CommuneKind, number> = { actuelle: 0, arrondissement: 1, deleguee: 2, associee: 2, ancienne: 3 };

let index: Index | null = null;

function dataFile(): string {
  return join(process.cwd(), "node_modules", "@etalab", "decoupage-administratif", "data", "communes.json");
}

function load(): Index {
  if (index) return index;
  const raw = JSON.parse(readFileSync(dataFile(), "utf8")) as RawCommune[];

  const parentOf = new Map<string, string>();
  for (const r of raw) {
    if (r.type === "commune-actuelle") {
      parentOf.set(r.code, r.code);
      for (const ancien of r.anciensCodes ?? []) if (!parentOf.has(ancien)) parentOf.set(ancien, r.code);
    }
  }
  for (const r of raw) {
    if (r.type === "arrondissement-municipal" && r.commune) parentOf.set(r.code, r.commune);
    else if ((r.type === "commune-deleguee" || r.type === "commune-associee") && r.chefLieu && !parentOf.has(r.code)) {
      parentOf.set(r.code, r.chefLieu);
    }
  }
  // A chef-lieu may itself have been merged since: follow the chain to today's commune.
  const actuelleByCode = new Map<string, string>();
  for (const code of parentOf.keys()) {
    let current = code;
    for (let i = 0; i < 5; i++) {
      const next = parentOf.get(current);
      if (!next || next === current) break;
      current = next;
    }
    actuelleByCode.set(code, current);
  }

  const currentName = new Map<string, string>();
  for (const r of raw) if (r.type === "commune-actuelle") currentName.set(r.code, r.nom);

  const entries: Entry[] = [];
  const byCode = new Map<string, Entry>();
  for (const r of raw) {
    const kind = KIND[r.type];
    const communeActuelle = actuelleByCode.get(r.code) ?? r.code;
    const today = currentName.get(communeActuelle);
    // A commune déléguée with the name and code of the commune nouvelle is the same entry twice; under another name
    // (Arbignieu, 01015, now Arboys en Bugey) it is how people born there know it.
    if (kind !== "actuelle" && kind !== "arrondissement" && communeActuelle === r.code && today === r.nom) continue;
    const libelle =
      kind === "deleguee" || kind === "associee"
        ? `${r.nom} (${r.departement})${today && today !== r.nom ? ` — aujourd'hui ${today}` : ""}`
        : `${r.nom} (${r.departement})`;
    const entry: Entry = {
      code: r.code,
      nom: r.nom,
      departement: r.departement,
      libelle,
      kind,
      communeActuelle,
      cle: normalisePlaceName(r.nom),
      population: r.population ?? 0,
    };
    const existing = byCode.get(r.code);
    if (!existing || KIND_RANK[kind] < KIND_RANK[existing.kind]) byCode.set(r.code, entry);
    entries.push(entry);
  }
  // Former codes without an entry of their own (FranceConnect may give one as a birthplace): known by code only,
  // under today's name, and never offered by the name search.
  for (const [code, actuelle] of actuelleByCode) {
    if (byCode.has(code)) continue;
    const today = byCode.get(actuelle);
    if (!today) continue;
    byCode.set(code, {
      ...today,
      code,
      departement: departementOf(code),
      libelle: `${today.nom} (${today.departement}) — ancien code ${code}`,
      kind: "ancienne",
      communeActuelle: actuelle,
    });
  }
  index = { entries, byCode, actuelleByCode };
  return index;
}

const CODE = /^(?:\d{5}|2[AB]\d{3})$/;

function departementOf(code: string): string {
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

function normaliseCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

function toSuggestion(e: Entry): CommuneSuggestion {
  return { code: e.code, nom: e.nom, departement: e.departement, libelle: e.libelle };
}

function toCommune(e: Entry): Commune {
  return { ...toSuggestion(e), kind: e.kind, communeActuelle: e.communeActuelle };
}

/** The commune, arrondissement or former commune with this INSEE code, or null. */
export function communeByCode(code: string): Commune | null {
  const e = load().byCode.get(normaliseCode(code));
  return e ? toCommune(e) : null;
}

/**
 * Today's commune for any code the data knows: itself for a current commune, the city for an arrondissement
 * (75115 → 75056), the commune nouvelle for a commune déléguée, associée or a former code. Null when unknown.
 */
export function communeActuelleDe(code: string): string | null {
  return load().actuelleByCode.get(normaliseCode(code)) ?? null;
}

/** Every code the data knows (current communes, arrondissements, communes déléguées and associées, former codes). */
export function communeCodes(): string[] {
  return [...load().actuelleByCode.keys()];
}

/** "Lyon (69)" → { nom: "Lyon", departement: "69" }; also strips the " — aujourd'hui X" of a former commune. */
function splitLibelle(text: string): { nom: string; departement: string | null } {
  const withoutToday = text.replace(/\s+—.*$/, "");
  const m = /^(.*?)\s*\(\s*(\d{2,3}|2[AaBb])\s*\)\s*$/.exec(withoutToday);
  if (m) return { nom: m[1] ?? "", departement: (m[2] ?? "").toUpperCase() };
  return { nom: withoutToday, departement: null };
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.kind === "arrondissement" && b.kind === "arrondissement") return a.code.localeCompare(b.code);
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    b.population - a.population ||
    // The normalised names: plain ASCII, so a plain comparison orders them as French readers expect.
    (a.cle < b.cle ? -1 : a.cle > b.cle ? 1 : 0) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/**
 * Communes whose name matches what the person typed, accents, case, hyphens and "St"/"Ste" aside: exact names
 * first, then names that start with the text, then names with a word that starts with it, then the rest. A code
 * ("69123") or a department in brackets ("Lyon (69)") narrows the search.
 */
export function searchCommunes(query: string, limit = 10): CommuneSuggestion[] {
  const { entries, byCode } = load();
  const text = query.trim();
  if (text.length === 0 || limit <= 0) return [];

  const code = normaliseCode(text);
  if (CODE.test(code)) {
    const e = byCode.get(code);
    return e ? [toSuggestion(e)] : [];
  }

  const { nom, departement } = splitLibelle(text);
  const q = normalisePlaceName(nom);
  if (q.length === 0) return [];

  const buckets: Entry[][] = [[], [], [], []];
  for (const e of entries) {
    if (departement && e.departement !== departement) continue;
    let rank: number;
    if (e.cle === q) rank = 0;
    else if (e.cle.startsWith(q)) rank = 1;
    else if (e.cle.includes(` ${q}`)) rank = 2;
    else if (q.length >= 3 && e.cle.includes(q)) rank = 3;
    else continue;
    buckets[rank]?.push(e);
  }
  const seen = new Set<string>();
  const result: CommuneSuggestion[] = [];
  for (const bucket of buckets) {
    bucket.sort(compareEntries);
    for (const e of bucket) {
      const key = `${e.code}|${e.nom}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(toSuggestion(e));
      if (result.length >= limit) return result;
    }
  }
  return result;
}

/**
 * The no-JavaScript path: what the person typed in the plain field ("Lyon (69)", "Lyon", "69123") → one commune,
 * a short list to choose from, or none. Only an exact name (or code) gives one commune; a partial name always
 * gives a list, so nobody is given a birthplace they did not type.
 */
export function resolveCommune(text: string, limit = 10): CommuneResolution {
  const { entries, byCode } = load();
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: "none" };

  const code = normaliseCode(trimmed);
  if (CODE.test(code)) {
    const e = byCode.get(code);
    return e ? { kind: "found", commune: toCommune(e) } : { kind: "none" };
  }

  const { nom, departement } = splitLibelle(trimmed);
  const q = normalisePlaceName(nom);
  if (q.length === 0) return { kind: "none" };
  const exact = entries
    .filter((e) => e.cle === q && (!departement || e.departement === departement))
    .sort(compareEntries);
  const codes = new Set(exact.map((e) => e.code));
  if (codes.size === 1 && exact[0]) return { kind: "found", commune: toCommune(exact[0]) };
  if (exact.length > 1) {
    const seen = new Set<string>();
    const candidates = exact.filter((e) => !seen.has(e.code) && seen.add(e.code)).slice(0, limit).map(toSuggestion);
    return { kind: "ambiguous", candidates };
  }
  const candidates = searchCommunes(trimmed, limit);
  return candidates.length > 0 ? { kind: "ambiguous", candidates } : { kind: "none" };
}
