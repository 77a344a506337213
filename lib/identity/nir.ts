/**
 * NIR — numéro d'inscription au répertoire (numéro de sécurité sociale).
 *
 * Layout of the 15 characters (after removing spaces):
 *
 *   S  YY  MM  DD  CCC  OOO  KK
 *   │  │   │   │   │    │    └─ clé de contrôle = 97 − (13 premiers caractères mod 97)
 *   │  │   │   │   │    └────── numéro d'ordre (001–999)
 *   │  │   │   │   └─────────── commune (3 chiffres) ou pays si né à l'étranger
 *   │  │   │   └─────────────── département (01–95, 2A, 2B, 20 ; 97x ; 99 = étranger)
 *   │  │   └─────────────────── mois de naissance (01–12, ou fictif 20–42 / 50–99)
 *   │  └─────────────────────── année de naissance (2 derniers chiffres)
 *   └────────────────────────── sexe (1/2 ; 3/4 et 7/8 pour les numéros provisoires)
 *
 * For overseas departments (971–976) the department takes 3 digits and the
 * commune only 2, so "commune" is always the 5-character INSEE code.
 */

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

/**
 * Splits department / commune. Returns null when the department is not a valid one.
 * "20" is accepted: people born in Corsica before the 1976 split kept department 20.
 */
function parsePlace(
  s: string,
): { departement: string; commune: string; neEtranger: boolean } | null {
  const dd = s.slice(5, 7);
  const rest = s.slice(7, 10);
  if (dd === "2A" || dd === "2B" || dd === "20") {
    return { departement: dd, commune: dd + rest, neEtranger: false };
  }
  if (dd === "97") {
    // Overseas: 971 Guadeloupe … 976 Mayotte; the commune then has only 2 digits.
    const third = rest[0];
    if (third === undefined || third < "1" || third > "6") return null;
    return { departement: dd + third, commune: dd + rest, neEtranger: false };
  }
  if (dd === "99") {
    return { departement: dd, commune: dd + rest, neEtranger: true };
  }
  const n = Number(dd);
  if (n >= 1 && n <= 95) return { departement: dd, commune: dd + rest, neEtranger: false };
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
  lieuNaissance: { pays: string; codeInsee?: string };
}

export type NirIdentityCheck = { ok: true } | { ok: false; errors: string[] };

/** "France", " france ", "FRANCE" all mean born in France. */
function isFrance(pays: string): boolean {
  return (
    pays
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .trim()
      .toUpperCase() === "FRANCE"
  );
}

/**
 * Cross-checks a parsed NIR with the civil-status data declared elsewhere.
 * Returns every mismatch, so the form can show them all at once.
 */
export function checkNirMatchesIdentity(nir: Nir, identity: IdentityForNirCheck): NirIdentityCheck {
  const errors: string[] = [];

  if (nir.sexe !== identity.sexe) errors.push(NIR_IDENTITY_MESSAGES.sexe);

  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(identity.dateNaissance.trim());
  if (!date) {
    errors.push(NIR_IDENTITY_MESSAGES.dateInvalide);
  } else {
    const [, yyyy = "", mm = ""] = date;
    if (yyyy.slice(2) !== nir.anneeNaissance) errors.push(NIR_IDENTITY_MESSAGES.annee);
    // A fictitious month in the NIR means "month unknown": nothing to compare.
    if (nir.moisNaissance !== null && Number(mm) !== nir.moisNaissance) {
      errors.push(NIR_IDENTITY_MESSAGES.mois);
    }
  }

  const lieuError = checkBirthplace(nir, identity.lieuNaissance);
  if (lieuError) errors.push(lieuError);

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function checkBirthplace(nir: Nir, lieu: { pays: string; codeInsee?: string }): string | null {
  const code = lieu.codeInsee?.replace(WHITESPACE, "").toUpperCase();

  if (!isFrance(lieu.pays)) {
    if (!nir.neEtranger) return NIR_IDENTITY_MESSAGES.lieu;
    // When the country's INSEE code (99xxx) is known, it must match too.
    if (code && /^99\d{3}$/.test(code) && code !== nir.commune) return NIR_IDENTITY_MESSAGES.lieu;
    return null;
  }

  if (nir.neEtranger) return NIR_IDENTITY_MESSAGES.lieu;
  if (!code) return NIR_IDENTITY_MESSAGES.codeInseeManquant;
  if (code === nir.commune) return null;
  // Born in Corsica before 1976: the NIR says 20xxx while today's code is 2Axxx / 2Bxxx.
  if (nir.departement === "20" && /^2[AB]\d{3}$/.test(code) && code.slice(2) === nir.commune.slice(2)) {
    return null;
  }
  return NIR_IDENTITY_MESSAGES.lieu;
}
