import paysData from "./pays-insee.json";
import { normalisePlaceName } from "./normalise";

/**
 * Countries and territories with their INSEE code (99 + 3 digits) from the Code officiel géographique 2025,
 * shipped with the project in pays-insee.json (generated once by scripts/generate-pays.ts, see the ADR on
 * birthplaces). France (99100) is in the file but is never a country of birth abroad: searchPays leaves it out
 * and resolvePays says "france".
 */

export const FRANCE_CODE_PAYS = "99100";

export interface Pays {
  /** "99341" */
  code: string;
  /** "Sénégal" */
  nom: string;
  /** The name as the Caf's records hold it: upper case, no accents ("SENEGAL", "COTE D'IVOIRE"). */
  nomEnregistre: string;
  /** true for a territory with its own code (Hong Kong, Groenland…); rattachement is then its country. */
  territoire: boolean;
  rattachement: string | null;
}

export type PaysResolution =
  | { kind: "found"; pays: Pays }
  | { kind: "ambiguous"; candidates: Pays[] }
  | { kind: "france" }
  | { kind: "none" };

interface RawPays {
  code: string;
  nom: string;
  nomOfficiel: string;
  iso2: string | null;
  territoire: boolean;
  rattachement: string | null;
}

interface Entry extends Pays {
  cles: string[];
}

function recordName(nom: string): string {
  return nom
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'")
    .toUpperCase();
}

const ENTRIES: Entry[] = (paysData as RawPays[]).map((p) => ({
  code: p.code,
  nom: p.nom,
  nomEnregistre: recordName(p.nom),
  territoire: p.territoire,
  rattachement: p.rattachement,
  cles: [...new Set([normalisePlaceName(p.nom), normalisePlaceName(p.nomOfficiel)])],
}));
const BY_CODE = new Map(ENTRIES.map((e) => [e.code, e]));

function toPays(e: Entry): Pays {
  return { code: e.code, nom: e.nom, nomEnregistre: e.nomEnregistre, territoire: e.territoire, rattachement: e.rattachement };
}

/** The country or territory with this INSEE code (France included), or null. */
export function paysByCode(code: string): Pays | null {
  const e = BY_CODE.get(code.replace(/\s+/g, ""));
  return e ? toPays(e) : null;
}

export function isFranceCode(code: string): boolean {
  return code.replace(/\s+/g, "") === FRANCE_CODE_PAYS;
}

/** Countries of birth abroad matching the text (accents and case aside): exact, then prefix, then word prefix. */
export function searchPays(query: string, limit = 10): Pays[] {
  const q = normalisePlaceName(query);
  if (q.length === 0 || limit <= 0) return [];
  if (/^99\d{3}$/.test(q)) {
    const e = BY_CODE.get(q);
    return e && e.code !== FRANCE_CODE_PAYS ? [toPays(e)] : [];
  }
  const buckets: Entry[][] = [[], [], [], []];
  for (const e of ENTRIES) {
    if (e.code === FRANCE_CODE_PAYS) continue;
    let rank = 4;
    for (const cle of e.cles) {
      if (cle === q) rank = Math.min(rank, 0);
      else if (cle.startsWith(q)) rank = Math.min(rank, 1);
      else if (cle.includes(` ${q}`)) rank = Math.min(rank, 2);
      else if (q.length >= 3 && cle.includes(q)) rank = Math.min(rank, 3);
    }
    if (rank < 4) buckets[rank]?.push(e);
  }
  return buckets
    .flatMap((b) => b.sort((a, c) => Number(a.territoire) - Number(c.territoire) || a.nom.localeCompare(c.nom, "fr")))
    .slice(0, limit)
    .map(toPays);
}

/**
 * The no-JavaScript path: a typed country name or code → one country, a list, "france" (France is not a country of
 * birth abroad), or none.
 */
export function resolvePays(text: string, limit = 10): PaysResolution {
  const q = normalisePlaceName(text);
  if (q.length === 0) return { kind: "none" };
  if (q === "france" || q === "republique francaise" || q === FRANCE_CODE_PAYS) return { kind: "france" };
  if (/^99\d{3}$/.test(q)) {
    const e = BY_CODE.get(q);
    return e ? { kind: "found", pays: toPays(e) } : { kind: "none" };
  }
  const exact = ENTRIES.filter((e) => e.code !== FRANCE_CODE_PAYS && e.cles.includes(q));
  if (exact.length === 1 && exact[0]) return { kind: "found", pays: toPays(exact[0]) };
  const candidates = exact.length > 1 ? exact.map(toPays) : searchPays(text, limit);
  return candidates.length > 0 ? { kind: "ambiguous", candidates: candidates.slice(0, limit) } : { kind: "none" };
}

/** The country matching a name as the Caf's records hold it ("SENEGAL"), or null. */
export function paysByNomEnregistre(nom: string): Pays | null {
  const q = normalisePlaceName(nom);
  const e = ENTRIES.find((p) => p.cles.includes(q));
  return e ? toPays(e) : null;
}
