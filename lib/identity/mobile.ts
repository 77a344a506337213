/**
 * French mobile numbers, normalised to E.164 ("+33639981001"), checked against the numbering plan maintained in
 * libphonenumber-js (full "max" metadata: the exact ranges allocated to mobiles, region by region).
 *
 * Only mobiles are accepted because the number is used to send SMS codes. The national significant number (9 digits,
 * without the leading 0) determines the country code, as the plan says: metropolitan France → +33, Réunion and
 * Mayotte → +262, Guadeloupe, Saint-Martin and Saint-Barthélemy → +590, Guyane → +594, Martinique → +596.
 *
 * One exception, on purpose: 06 39 98 xx xx, the range ARCEP sets aside for fiction (films, books, demo data — our
 * personas use it), stays a +33 number although 0639 is Mayotte's range in reality.
 *
 * Numbers of other countries are refused: SMS codes are only sent to French numbers (our SMS provider's scope and
 * price); a person abroad can give an e-mail address instead.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from "libphonenumber-js/max";

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
  etranger:
    "Seuls les numéros de mobile français (métropole et outre-mer) sont acceptés : nos SMS ne sont envoyés qu'à ces numéros. Vous pouvez indiquer une adresse électronique à la place.",
  indicatif:
    "L'indicatif international ne correspond pas à ce numéro de mobile : vérifiez l'indicatif (+33, +262, +590, +594 ou +596) ou saisissez le numéro sous la forme 06 12 34 56 78.",
  inexistant:
    "Ce numéro ne correspond à aucun numéro de mobile attribué en France ou en outre-mer : vérifiez les chiffres saisis.",
} as const;

/** Country codes of France (metropolitan and the overseas regions that have their own). */
const FRENCH_CODES = ["33", "262", "590", "594", "596"] as const;
type FrenchCode = (typeof FRENCH_CODES)[number];

/** The regions that share the French national format (0 + 9 digits); the plan decides which one a number is in. */
const FRENCH_REGIONS: readonly CountryCode[] = ["FR", "RE", "YT", "GP", "MF", "BL", "MQ", "GF"];

/** 06 39 98 00 00 to 06 39 98 99 99: numbers for fiction, kept as metropolitan numbers (see above). */
const FICTION_RANGE = /^63998\d{4}$/;

const SEPARATORS = /[\s\u00a0\u202f\u2007\u2060\ufeff.\-‐‑–—()/]/g;

const isMobile = (n: PhoneNumber | undefined): n is PhoneNumber => !!n && n.isValid() && (n.getType() === "MOBILE" || n.getType() === "FIXED_LINE_OR_MOBILE");

/** The country code of a 9-digit national significant number starting with 6 or 7, or null when it is not a mobile. */
function countryCodeFor(national: string): FrenchCode | null {
  if (FICTION_RANGE.test(national)) return "33";
  for (const region of FRENCH_REGIONS) {
    const number = parsePhoneNumberFromString(`0${national}`, region);
    if (isMobile(number)) return number.countryCallingCode as FrenchCode;
  }
  return null;
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

  const international = compact.startsWith("+") ? compact.slice(1) : compact.startsWith("00") ? compact.slice(2) : null;

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
    if (code === null) return fail(MOBILE_MESSAGES.inexistant);
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

/**
 * "+33639981001" → "06 39 98 10 01" (French numbers, overseas included, are dialled that way from all of France);
 * another valid number in the international format; anything unexpected is returned unchanged.
 */
export function formatMobileForDisplay(e164: string): string {
  const national = toNational(e164);
  if (national) return pairs(national).join(" ");
  const other = /^\+\d{6,15}$/.test(e164) ? parsePhoneNumberFromString(e164) : undefined;
  return other?.isValid() ? other.formatInternational() : e164;
}

/** "+33639981001" → "06 ** ** ** 01": enough to recognise one's own number, not to read it. */
export function maskMobile(e164: string): string {
  const national = toNational(e164);
  if (!national) return "** ** ** ** **";
  const p = pairs(national);
  return `${p[0]} ** ** ** ${p[4]}`;
}
