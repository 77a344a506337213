/**
 * French mobile numbers, normalised to E.164 ("+33639981001").
 *
 * Only mobiles are accepted because the number is used to send SMS codes.
 * The national significant number (9 digits, without the leading 0) determines the
 * country code: metropolitan 6/7 → +33, overseas ranges → their own code.
 */

export type MobileResult = { ok: true; value: string } | { ok: false; error: string };

export const MOBILE_MESSAGES = {
  obligatoire: "Le numéro de mobile est obligatoire.",
  caracteres:
    "Le numéro de mobile ne peut contenir que des chiffres, des espaces, des points ou des tirets (et le signe + devant l'indicatif international).",
  longueur:
    "Le numéro de mobile doit comporter 10 chiffres, par exemple 06 12 34 56 78 (ou +33 6 12 34 56 78).",
  debut: "Un numéro de mobile commence par 06 ou 07.",
  fixe: "Ce numéro est un numéro de téléphone fixe : saisissez un numéro de mobile (06 ou 07).",
  special: "Ce numéro est un numéro spécial (08) : saisissez un numéro de mobile (06 ou 07).",
  etranger: "Seuls les numéros de mobile français sont acceptés.",
  indicatif:
    "L'indicatif international ne correspond pas à ce numéro de mobile : vérifiez l'indicatif (+33, +262, +590, +594 ou +596) ou saisissez le numéro sous la forme 06 12 34 56 78.",
} as const;

/** Country codes of France (metropolitan and the overseas departments that have their own). */
const FRENCH_CODES = ["33", "262", "590", "594", "596"] as const;
type FrenchCode = (typeof FRENCH_CODES)[number];

/**
 * Overseas mobile ranges (first 3 digits of the national significant number).
 * 639 is deliberately absent: it is Mayotte's range in reality, but 06 39 98 xx xx is also the
 * ARCEP range reserved for fiction, used by our demo data, so we keep it as a +33 number.
 */
const OVERSEAS_RANGES: Record<string, FrenchCode> = {
  "690": "590", // Guadeloupe (and Saint-Martin, Saint-Barthélemy)
  "691": "590",
  "694": "594", // Guyane
  "696": "596", // Martinique
  "697": "596",
  "692": "262", // La Réunion
  "693": "262", // La Réunion / Mayotte
};

const SEPARATORS = /[\s\u00a0\u202f\u2007\u2060\ufeff.\-‐‑–—()/]/g;

function countryCodeFor(national: string): FrenchCode {
  return OVERSEAS_RANGES[national.slice(0, 3)] ?? "33";
}

export function parseMobile(input: string): MobileResult {
  const trimmed = input.trim();
  if (trimmed.length === 0) return fail(MOBILE_MESSAGES.obligatoire);
  // Cheap guard: nothing legitimate is that long, and it bounds the work below.
  if (trimmed.length > 40) return fail(MOBILE_MESSAGES.longueur);

  const compact = trimmed.replace(SEPARATORS, "");
  if (!/^\+?\d*$/.test(compact)) return fail(MOBILE_MESSAGES.caracteres);

  let national: string;
  let givenCode: FrenchCode | null = null;

  const international = compact.startsWith("+")
    ? compact.slice(1)
    : compact.startsWith("00")
      ? compact.slice(2)
      : null;

  if (international !== null) {
    if (international.length === 0) return fail(MOBILE_MESSAGES.longueur);
    const code = FRENCH_CODES.find((c) => international.startsWith(c));
    if (!code) return fail(MOBILE_MESSAGES.etranger);
    givenCode = code;
    national = international.slice(code.length);
    // "+33 (0)6 …" habit: drop the trunk 0 written after the country code.
    if (national.length === 10 && national.startsWith("0")) national = national.slice(1);
    if (national.length !== 9) return fail(MOBILE_MESSAGES.longueur);
  } else {
    if (compact.length !== 10) return fail(MOBILE_MESSAGES.longueur);
    if (!compact.startsWith("0")) return fail(MOBILE_MESSAGES.debut);
    national = compact.slice(1);
  }

  const first = national[0];
  if (first === "6" || first === "7") {
    const code = countryCodeFor(national);
    if (givenCode !== null && givenCode !== code) return fail(MOBILE_MESSAGES.indicatif);
    return { ok: true, value: `+${code}${national}` };
  }
  if (first === "8") return fail(MOBILE_MESSAGES.special);
  if (first === "0") return fail(MOBILE_MESSAGES.debut);
  return fail(MOBILE_MESSAGES.fixe); // 1–5 and 9
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** "+33639981001" → "0639981001" (national 10-digit form), or null for a number we did not produce. */
function toNational(e164: string): string | null {
  const m = /^\+(33|262|590|594|596)(\d{9})$/.exec(e164);
  return m ? "0" + m[2] : null;
}

function pairs(ten: string): string[] {
  return [ten.slice(0, 2), ten.slice(2, 4), ten.slice(4, 6), ten.slice(6, 8), ten.slice(8, 10)];
}

/** "+33639981001" → "06 39 98 10 01". Anything unexpected is returned unchanged. */
export function formatMobileForDisplay(e164: string): string {
  const national = toNational(e164);
  return national ? pairs(national).join(" ") : e164;
}

/** "+33639981001" → "06 ** ** ** 01": enough to recognise one's own number, not to read it. */
export function maskMobile(e164: string): string {
  const national = toNational(e164);
  if (!national) return "** ** ** ** **";
  const p = pairs(national);
  return `${p[0]} ** ** ** ${p[4]}`;
}
