/**
 * NIR — numéro d'inscription au répertoire (numéro de sécurité sociale).
 *
 * Layout of the 15 characters (after removing spaces):
 *
 *   S  YY  MM  DD  CCC  OOO  KK
 *   │  │   │   │   │    │    └─ clé de contrôle = 97 − (13 premiers caractères mod 97)
 *   │  │   │   │   │    └────── numéro d'ordre (001–999)
 *   │  │   │   │   └─────────── commune (3 chiffres) ou pays si né à l'étranger
 *   │  │   │   └─────────────── département (01–95, 2A, 2B, 20 ; 96 ; 97x/98x ; 99 = étranger)
 *   │  │   └─────────────────── mois de naissance (01–12, ou fictif 20–42 / 50–99)
 *   │  └─────────────────────── année de naissance (2 derniers chiffres)
 *   └────────────────────────── sexe (1/2 ; 3/4 et 7/8 pour les numéros provisoires)
 *
 * For overseas departments and collectivities (971–978, 984–988) the department takes 3 digits and the
 * commune only 2, so "commune" is always the 5-character INSEE code. 91–94 (Algeria before 3 July 1962),
 * 95 (Morocco before 2 March 1956) and 96 (Tunisia before 20 March 1956) are births before independence.
 * The rules in our words: docs/regles/nir-et-lieu-de-naissance.md.
 */

import { FRANCE_CODE_PAYS, paysByCode, paysByNomEnregistre } from "../geo/pays";

export type Sexe = "M" | "F";

export interface Nir {
  /** 15 characters, no spaces, upper-case (2A/2B kept as letters). */
  normalise: string;
  sexe: Sexe;
  /** true for 3/4 (provisional registration of foreign-born people) and 7/8 (NIA). */
  provisoire: boolean;
  /** Last 2 digits of the birth year. */
  anneeNaissance: string;
  /** 1–12, or null when the NIR carries a fictitious month (month unknown). */
  moisNaissance: number | null;
  moisConnu: boolean;
  /** "69", "2A", "974", "99"… */
  departement: string;
  /** INSEE commune code ("69123", "2A004", "97411") or "99xxx" country code when born abroad. */
  commune: string;
  neEtranger: boolean;
  ordre: string;
  cle: string;
}

export type NirResult = { ok: true; value: Nir } | { ok: false; error: string };

export const NIR_MESSAGES = {
  obligatoire: "Le numéro de sécurité sociale est obligatoire.",
  longueur:
    "Le numéro de sécurité sociale doit comporter 15 caractères (13 chiffres et une clé de 2 chiffres).",
  caracteres:
    "Le numéro de sécurité sociale ne peut contenir que des chiffres, et 2A ou 2B pour la Corse.",
  sexe: "Le premier chiffre doit indiquer le sexe (1 ou 2).",
  mois: "Le mois de naissance n'est pas valide.",
  departement: "Le département de naissance n'est pas valide.",
  ordre: "Le numéro d'ordre ne peut pas être 000.",
  cle: "La clé de contrôle ne correspond pas au numéro saisi.",
} as const;

export const NIR_IDENTITY_MESSAGES = {
  sexe: "Le sexe ne correspond pas au numéro de sécurité sociale.",
  annee: "L'année de naissance ne correspond pas au numéro de sécurité sociale.",
  mois: "Le mois de naissance ne correspond pas au numéro de sécurité sociale.",
  lieu: "Le lieu de naissance ne correspond pas au numéro de sécurité sociale.",
  departement: "Le département de naissance ne correspond pas au numéro de sécurité sociale.",
  commune: "La commune de naissance ne correspond pas au numéro de sécurité sociale.",
  pays: "Le pays de naissance ne correspond pas au numéro de sécurité sociale.",
  neEnFranceDeclareEtranger:
    "Le numéro de sécurité sociale indique une naissance en France, alors que la naissance déclarée a eu lieu à l'étranger.",
  neEtrangerDeclareFrance:
    "Le numéro de sécurité sociale indique une naissance à l'étranger, alors que la naissance déclarée a eu lieu en France.",
  dateAlgerie:
    "Le numéro de sécurité sociale indique une naissance en Algérie avant le 3 juillet 1962, ce qui ne correspond pas à la date de naissance déclarée.",
  dateMaroc:
    "Le numéro de sécurité sociale indique une naissance au Maroc avant le 2 mars 1956, ce qui ne correspond pas à la date de naissance déclarée.",
  dateTunisie:
    "Le numéro de sécurité sociale indique une naissance en Tunisie avant le 20 mars 1956, ce qui ne correspond pas à la date de naissance déclarée.",
  neTunisieDeclareFrance:
    "Le numéro de sécurité sociale indique une naissance en Tunisie avant l'indépendance, alors que la naissance déclarée a eu lieu en France.",
  dateInvalide: "La date de naissance n'est pas valide (format attendu : AAAA-MM-JJ).",
  codeInseeManquant:
    "Le code Insee de la commune de naissance est nécessaire pour vérifier le lieu de naissance.",
} as const;

/** Every kind of white space, including non-breaking (U+00A0) and narrow no-break (U+202F) spaces. */
const WHITESPACE = /[\s\u00a0\u202f\u2007\u2060\ufeff]/g;

/** 13 digits, except positions 6–7 which may be 2A/2B (Corsica). */
const THIRTEEN = /^\d{5}(?:\d{2}|2[AB])\d{6}$/;
const FIFTEEN = /^\d{5}(?:\d{2}|2[AB])\d{8}$/;

/**
 * Key = 97 − (number mod 97). 2A/2B are read as 19/18 so the number stays numeric.
 * BigInt keeps the modulo exact without having to reason about floating-point limits.
 */
export function computeNirKey(thirteen: string): string {
  const upper = thirteen.replace(WHITESPACE, "").toUpperCase();
  if (!THIRTEEN.test(upper)) {
    throw new RangeError(
      "computeNirKey attend 13 caractères : des chiffres, avec éventuellement 2A ou 2B en 6e et 7e position.",
    );
  }
  const numeric = upper.slice(0, 5) + corsicaToDigits(upper.slice(5, 7)) + upper.slice(7);
  const key = 97n - (BigInt(numeric) % 97n);
  return key.toString().padStart(2, "0");
}

function corsicaToDigits(dept: string): string {
  if (dept === "2A") return "19";
  if (dept === "2B") return "18";
  return dept;
}

const SEXES: Record<string, { sexe: Sexe; provisoire: boolean }> = {
  "1": { sexe: "M", provisoire: false },
  "2": { sexe: "F", provisoire: false },
  "3": { sexe: "M", provisoire: true },
  "4": { sexe: "F", provisoire: true },
  "7": { sexe: "M", provisoire: true },
  "8": { sexe: "F", provisoire: true },
};

/** Month field: real month, or a fictitious one (20–42, 50–99) when the month is unknown. */
function parseMonth(mm: string): { ok: true; mois: number | null } | { ok: false } {
  const n = Number(mm);
  if (n >= 1 && n <= 12) return { ok: true, mois: n };
  if ((n >= 20 && n <= 42) || (n >= 50 && n <= 99)) return { ok: true, mois: null };
  return { ok: false };
}

/** Overseas departments and collectivities: 3-digit department, 2-digit commune. */
const OUTRE_MER = new Set(["971", "972", "973", "974", "975", "976", "977", "978", "984", "985", "986", "987", "988"]);

/**
 * Births before independence in Algeria (91–94), Morocco (95) and Tunisia (96): the country's INSEE code and the
 * first day the code was no longer given. 91–95 are also today's Île-de-France departments (created in 1968).
 */
export const DEPARTEMENTS_AVANT_INDEPENDANCE: Readonly<
  Record<string, { pays: string; jusquAu: string; message: "dateAlgerie" | "dateMaroc" | "dateTunisie" }>
> = {
  "91": { pays: "99352", jusquAu: "1962-07-03", message: "dateAlgerie" },
  "92": { pays: "99352", jusquAu: "1962-07-03", message: "dateAlgerie" },
  "93": { pays: "99352", jusquAu: "1962-07-03", message: "dateAlgerie" },
  "94": { pays: "99352", jusquAu: "1962-07-03", message: "dateAlgerie" },
  "95": { pays: "99350", jusquAu: "1956-03-02", message: "dateMaroc" },
  "96": { pays: "99351", jusquAu: "1956-03-20", message: "dateTunisie" },
};

/**
 * Splits department / commune. Returns null when the department is not one INSEE gives.
 * "20" is accepted: people born in Corsica before the 1976 split kept department 20.
 * "96" is Tunisia before independence (no French department ever had that number).
 */
function parsePlace(
  s: string,
): { departement: string; commune: string; neEtranger: boolean } | null {
  const dd = s.slice(5, 7);
  const rest = s.slice(7, 10);
  if (dd === "2A" || dd === "2B" || dd === "20") {
    return { departement: dd, commune: dd + rest, neEtranger: false };
  }
  if (dd === "97" || dd === "98") {
    // Overseas: 971 Guadeloupe … 978 Saint-Martin, 984–988 Pacific and southern lands; the commune has 2 digits.
    const departement = dd + rest.slice(0, 1);
    if (!OUTRE_MER.has(departement)) return null;
    return { departement, commune: dd + rest, neEtranger: false };
  }
  if (dd === "99") {
    return { departement: dd, commune: dd + rest, neEtranger: true };
  }
  const n = Number(dd);
  if (n >= 1 && n <= 96) return { departement: dd, commune: dd + rest, neEtranger: false };
  return null;
}

export function normaliseNirInput(input: string): string {
  return input.replace(WHITESPACE, "").toUpperCase();
}

export function parseNir(input: string): NirResult {
  const s = normaliseNirInput(input);
  if (s.length === 0) return fail(NIR_MESSAGES.obligatoire);
  if (s.length !== 15) return fail(NIR_MESSAGES.longueur);
  if (!FIFTEEN.test(s)) return fail(NIR_MESSAGES.caracteres);

  const sex = SEXES[s[0] as string];
  if (!sex) return fail(NIR_MESSAGES.sexe);

  const month = parseMonth(s.slice(3, 5));
  if (!month.ok) return fail(NIR_MESSAGES.mois);

  const place = parsePlace(s);
  if (!place) return fail(NIR_MESSAGES.departement);

  const ordre = s.slice(10, 13);
  if (ordre === "000") return fail(NIR_MESSAGES.ordre);

  const cle = s.slice(13, 15);
  if (computeNirKey(s.slice(0, 13)) !== cle) return fail(NIR_MESSAGES.cle);

  return {
    ok: true,
    value: {
      normalise: s,
      sexe: sex.sexe,
      provisoire: sex.provisoire,
      anneeNaissance: s.slice(1, 3),
      moisNaissance: month.mois,
      moisConnu: month.mois !== null,
      departement: place.departement,
      commune: place.commune,
      neEtranger: place.neEtranger,
      ordre,
      cle,
    },
  };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/**
 * "288036912304529" → "2 88 03 69 123 045 29" (the grouping printed on the carte Vitale).
 * Input that is not 15 characters once spaces are removed is returned unchanged.
 */
export function formatNir(normalise: string): string {
  const s = normaliseNirInput(normalise);
  if (s.length !== 15) return normalise;
  return [s.slice(0, 1), s.slice(1, 3), s.slice(3, 5), s.slice(5, 7), s.slice(7, 10), s.slice(10, 13), s.slice(13)].join(
    " ",
  );
}

export interface IdentityForNirCheck {
  sexe: Sexe;
  /** YYYY-MM-DD */
  dateNaissance: string;
  /**
   * pays: "FRANCE" (or "99100") for a birth in France, otherwise the country's name as the records hold it
   * ("SENEGAL") or its INSEE code. codeInsee: the commune's INSEE code in France, the country's code (99xxx) abroad.
   */
  lieuNaissance: { pays: string; codeInsee?: string };
}

export type NirIdentityCheck = { ok: true } | { ok: false; errors: string[] };

/**
 * What the consistency check needs to know about communes. The default knows only the municipal arrondissements
 * of Paris, Lyon and Marseille and compares other codes as they are; the server passes the State's list
 * (lib/identity/nir-consistency.ts: former codes, communes déléguées and associées).
 */
export interface NirPlaces {
  /** Today's commune for an INSEE commune code, or null when the data does not know the code. */
  communeActuelleDe(code: string): string | null;
}

const ARRONDISSEMENTS: ReadonlyArray<{ ville: string; prefixe: string; premier: number; dernier: number }> = [
  { ville: "75056", prefixe: "751", premier: 1, dernier: 20 },
  { ville: "69123", prefixe: "693", premier: 81, dernier: 89 },
  { ville: "13055", prefixe: "132", premier: 1, dernier: 16 },
];

/** 75115 → 75056, 69383 → 69123, 13205 → 13055; null for any other code. */
export function villeDeLArrondissement(code: string): string | null {
  for (const a of ARRONDISSEMENTS) {
    if (!code.startsWith(a.prefixe)) continue;
    const n = Number(code.slice(3));
    if (Number.isInteger(n) && n >= a.premier && n <= a.dernier) return a.ville;
  }
  return null;
}

export const STATIC_NIR_PLACES: NirPlaces = {
  communeActuelleDe: (code) => villeDeLArrondissement(code) ?? code,
};

/** "France", " france ", "FRANCE", "99100" all mean born in France. */
function isFrance(pays: string): boolean {
  const p = pays
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toUpperCase();
  return p === "FRANCE" || p === FRANCE_CODE_PAYS;
}

/** "69123" → "69", "2A004" → "2A", "97411" → "974". */
export function departementDeCommune(code: string): string {
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

/**
 * Departments that the NIR and today's list may both name for one place: Corsica's 20 before 1976 and 2A/2B;
 * Saint-Barthélemy and Saint-Martin, part of Guadeloupe (971) until 2007; Mayotte, 985 before 976.
 */
function sameDepartement(fromNir: string, declared: string): boolean {
  if (fromNir === declared) return true;
  if (fromNir === "20") return declared === "2A" || declared === "2B";
  if (fromNir === "971") return declared === "977" || declared === "978";
  if (fromNir === "985") return declared === "976";
  return false;
}

/**
 * Before 1968 the Seine (75) and Seine-et-Oise (78) covered what are now Paris, 78, 91, 92, 93, 94 and 95; their
 * communes had other codes then, which the data does not keep: only the department can be compared.
 */
const AVANT_1968: Readonly<Record<string, readonly string[]>> = {
  "75": ["75", "92", "93", "94"],
  "78": ["78", "91", "92", "93", "94", "95"],
};

interface DeclaredDate {
  iso: string;
  annee: number;
}

/**
 * Cross-checks a parsed NIR with the civil-status data declared elsewhere.
 * Returns every mismatch, each as one plain sentence saying what differs, so the form can show them all at once.
 * The birthplace is compared as precisely as the data allows: the commune when both codes are known (an
 * arrondissement counts as its city, a former commune as the commune it joined), otherwise the department.
 */
export function checkNirMatchesIdentity(
  nir: Nir,
  identity: IdentityForNirCheck,
  places: NirPlaces = STATIC_NIR_PLACES,
): NirIdentityCheck {
  const errors: string[] = [];

  if (nir.sexe !== identity.sexe) errors.push(NIR_IDENTITY_MESSAGES.sexe);

  let declared: DeclaredDate | null = null;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(identity.dateNaissance.trim());
  if (!date || !isRealDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    errors.push(NIR_IDENTITY_MESSAGES.dateInvalide);
  } else {
    const [iso, yyyy = "", mm = ""] = date;
    declared = { iso, annee: Number(yyyy) };
    if (yyyy.slice(2) !== nir.anneeNaissance) errors.push(NIR_IDENTITY_MESSAGES.annee);
    // A fictitious month in the NIR means "month unknown": nothing to compare.
    if (nir.moisNaissance !== null && Number(mm) !== nir.moisNaissance) {
      errors.push(NIR_IDENTITY_MESSAGES.mois);
    }
  }

  const lieuError = checkBirthplace(nir, identity.lieuNaissance, declared, places);
  if (lieuError) errors.push(lieuError);

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The declared country's INSEE code: the 99xxx code when given, else looked up from the name. */
function declaredCountryCode(lieu: { pays: string; codeInsee?: string }): string | null {
  const code = lieu.codeInsee?.replace(WHITESPACE, "");
  if (code && /^99\d{3}$/.test(code)) return code;
  const pays = lieu.pays.replace(WHITESPACE, "");
  if (/^99\d{3}$/.test(pays)) return pays;
  return paysByNomEnregistre(lieu.pays)?.code ?? null;
}

function checkBirthplace(
  nir: Nir,
  lieu: { pays: string; codeInsee?: string },
  declared: DeclaredDate | null,
  places: NirPlaces,
): string | null {
  if (!isFrance(lieu.pays)) return checkBirthAbroad(nir, declaredCountryCode(lieu), declared);
  if (nir.neEtranger) return NIR_IDENTITY_MESSAGES.neEtrangerDeclareFrance;
  if (nir.departement === "96") return NIR_IDENTITY_MESSAGES.neTunisieDeclareFrance;

  const code = lieu.codeInsee?.replace(WHITESPACE, "").toUpperCase();
  if (!code) return NIR_IDENTITY_MESSAGES.codeInseeManquant;
  return checkCommune(nir, code, declared, places);
}

function checkBirthAbroad(nir: Nir, pays: string | null, declared: DeclaredDate | null): string | null {
  const avant = DEPARTEMENTS_AVANT_INDEPENDANCE[nir.departement];
  if (avant) {
    if (pays !== avant.pays) {
      // 96 is never a French department; 91–95 are, since 1968.
      return nir.departement === "96" ? NIR_IDENTITY_MESSAGES.pays : NIR_IDENTITY_MESSAGES.neEnFranceDeclareEtranger;
    }
    if (declared && declared.iso >= avant.jusquAu) {
      return NIR_IDENTITY_MESSAGES[avant.message];
    }
    return null;
  }
  if (!nir.neEtranger) return NIR_IDENTITY_MESSAGES.neEnFranceDeclareEtranger;
  // Country unknown to us (not declared with a code, or a country that no longer exists): only "abroad" can be said.
  if (!pays || !paysByCode(nir.commune)) return null;
  if (pays === nir.commune) return null;
  // A territory with its own code (Hong Kong, Gibraltar…) and the country it belongs to name the same birth.
  if (paysByCode(pays)?.rattachement === nir.commune || paysByCode(nir.commune)?.rattachement === pays) return null;
  return NIR_IDENTITY_MESSAGES.pays;
}

function checkCommune(nir: Nir, code: string, declared: DeclaredDate | null, places: NirPlaces): string | null {
  const declaredDept = departementDeCommune(code);
  if (code === nir.commune) return null;

  const avant1968 = AVANT_1968[nir.departement];
  if (avant1968 && declared && declared.annee < 1968) {
    return avant1968.includes(declaredDept) ? null : NIR_IDENTITY_MESSAGES.departement;
  }

  // Corsica before 1976: the NIR says 20xxx where today's code is 2Axxx or 2Bxxx.
  const fromNir =
    nir.departement === "20"
      ? [`2A${nir.commune.slice(2)}`, `2B${nir.commune.slice(2)}`, nir.commune]
      : [nir.commune];
  const today = places.communeActuelleDe(code);
  const nirToday = fromNir.map((c) => places.communeActuelleDe(c)).filter((c): c is string => c !== null);
  if (today !== null && nirToday.includes(today)) return null;
  if (fromNir.includes(code)) return null;

  if (!sameDepartement(nir.departement, declaredDept)) return NIR_IDENTITY_MESSAGES.departement;
  // The NIR's commune code is not in the data (an old code it does not keep): the department is all we can compare.
  if (nirToday.length === 0) return null;
  return NIR_IDENTITY_MESSAGES.commune;
}
