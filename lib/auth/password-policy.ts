// The password policy (SPEC §2), checked on the server whenever a person chooses a password: the published rules
// (8 to 24 characters, at least 1 digit, 1 lower-case and 1 upper-case letter) and beyond them, following CNIL
// délibération 2022-100 and ANSSI's guide: no very common password and nothing built from the person's own
// names, birth date or NIR.
//
// The common list joins the zxcvbn-ts data packages (plain data, loaded here once, server-side only): the 49,000
// most common passwords of the leaks (@zxcvbn-ts/language-common), and French common words, first names, last
// names and everyday word lists (@zxcvbn-ts/language-fr). A password is refused when, lower-cased and without
// accents, it IS one of them, or is one of them once the digits and symbols around it are removed ("Soleil2024!"
// → "soleil") or once the usual character swaps are undone ("P@ssw0rd" → "password"). Digits inside a password
// are never removed: "Soleil2026Caf" is not "soleil", and stays acceptable.
import "server-only";
import { dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as frenchDictionary } from "@zxcvbn-ts/language-fr";
import { PASSWORD_RULES } from "./password-rules";

export { PASSWORD_RULES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordRule, type PasswordRuleId } from "./password-rules";

/** Who is choosing the password: what the password must not be built from. */
export type PasswordIdentity = {
  nomNaissance: string;
  nomUsage?: string | null;
  prenoms: readonly string[];
  /** A date (read in UTC, as Prisma returns DATE columns) or "YYYY-MM-DD". */
  dateNaissance: Date | string;
  /** The NIR in clear (spaces allowed), when the person has one. */
  nir?: string | null;
};

export type PasswordCheck = { ok: true } | { ok: false; errors: string[] };

export const PASSWORD_MESSAGES = {
  courant:
    "Ce mot de passe est trop courant : il fait partie des mots de passe ou des mots les plus utilisés, que l'on essaie en premier pour forcer un compte. Choisissez-en un moins prévisible.",
  nom: "Le mot de passe ne doit pas contenir votre nom ou votre prénom.",
  dateNaissance: "Le mot de passe ne doit pas contenir votre date ou votre année de naissance.",
  nir: "Le mot de passe ne doit pas contenir une partie de votre numéro de sécurité sociale.",
} as const;

/** Name parts shorter than this are not looked for (a 2-letter name is inside too many ordinary passwords). */
const NAME_PART_MIN_LENGTH = 3;
/** Consecutive NIR digits that a password may not contain. */
const NIR_DIGITS_MIN_LENGTH = 6;

/** Lower case, accents and ligatures removed: "Éloïse" → "eloise", "Œuvre" → "oeuvre". */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

// The usual swaps of letters for look-alike digits and symbols. "1" stands for "i" or "l": both are tried.
const LOOK_ALIKES: Record<string, string> = { "0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", $: "s", "€": "e", "!": "i", "+": "t" };
function undoLookAlikes(value: string, one: "i" | "l"): string {
  return value.replace(/[0134578@$€!+]/g, (c) => (c === "1" ? one : LOOK_ALIKES[c]!));
}

/** Without the digits and symbols at either end: "2024Soleil!!" → "soleil" (inner ones are kept). */
function stripEnds(value: string): string {
  return value.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
}

/** The forms of a password compared with the common list and the person's names. */
function variants(password: string): Set<string> {
  const folded = foldText(password);
  const core = stripEnds(folded);
  const forms = new Set([folded, core]);
  for (const form of [folded, core]) {
    forms.add(undoLookAlikes(form, "i"));
    forms.add(undoLookAlikes(form, "l"));
  }
  forms.delete("");
  return forms;
}

let commonPasswords: Set<string> | undefined;

/** The common list, built once per process on first use (about 90,000 entries). */
function commonPasswordSet(): Set<string> {
  if (!commonPasswords) {
    const lists: readonly (readonly string[])[] = [
      commonDictionary["passwords-common"],
      ...Object.entries(frenchDictionary)
        .filter(([name]) => name !== "wikipedia-fr") // encyclopedia words and place names: not "common" passwords
        .map(([, words]) => words),
    ];
    commonPasswords = new Set();
    for (const list of lists) for (const word of list) commonPasswords.add(foldText(word));
  }
  return commonPasswords;
}

/** How many distinct entries the common list holds (for the tests and the documentation). */
export function commonPasswordCount(): number {
  return commonPasswordSet().size;
}

/** True when the password, or its core without surrounding digits and symbols, is a very common one. */
export function isCommonPassword(password: string): boolean {
  const common = commonPasswordSet();
  for (const form of variants(password)) if (common.has(form)) return true;
  return false;
}

function nameParts(identity: PasswordIdentity): string[] {
  const names = [identity.nomNaissance, identity.nomUsage ?? "", ...identity.prenoms];
  const parts = new Set<string>();
  for (const name of names) {
    const folded = foldText(name);
    for (const part of folded.split(/[^\p{L}]+/u)) if (part.length >= NAME_PART_MIN_LENGTH) parts.add(part);
    // "Jean-Pierre" is also typed "jeanpierre"; "LE GALL" "legall".
    const joined = folded.replace(/[^\p{L}]+/gu, "");
    if (joined.length >= NAME_PART_MIN_LENGTH) parts.add(joined);
  }
  return [...parts];
}

function containsName(password: string, identity: PasswordIdentity): boolean {
  const parts = nameParts(identity);
  for (const form of variants(password)) if (parts.some((part) => form.includes(part))) return true;
  return false;
}

function birthDateParts(value: Date | string): { yyyy: string; mm: string; dd: string } | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return {
      yyyy: String(value.getUTCFullYear()).padStart(4, "0"),
      mm: String(value.getUTCMonth() + 1).padStart(2, "0"),
      dd: String(value.getUTCDate()).padStart(2, "0"),
    };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return match ? { yyyy: match[1]!, mm: match[2]!, dd: match[3]! } : null;
}

/** The ways people write their birth date in a password: 1979, 1206, 120679, 12061979, 19790612, 790612, 06121979. */
export function birthDatePatterns(value: Date | string): string[] {
  const parts = birthDateParts(value);
  if (!parts) return [];
  const { yyyy, mm, dd } = parts;
  const yy = yyyy.slice(2);
  return [yyyy, dd + mm, dd + mm + yy, dd + mm + yyyy, yyyy + mm + dd, yy + mm + dd, mm + dd + yyyy];
}

/** Digits of the password in order, separators dropped: "12/06/1979" → "12061979". */
function passwordDigits(password: string): string {
  return password.replace(/[^0-9]/g, "");
}

function containsBirthDate(password: string, dateNaissance: Date | string): boolean {
  const digits = passwordDigits(password);
  return birthDatePatterns(dateNaissance).some((pattern) => digits.includes(pattern));
}

function containsNirDigits(password: string, nir: string): boolean {
  const digits = passwordDigits(password);
  if (digits.length < NIR_DIGITS_MIN_LENGTH) return false;
  // A Corsican NIR ("2 95 07 2A …") has two runs of digits around the letter.
  for (const run of nir.toUpperCase().replace(/\s/g, "").split(/[^0-9]+/)) {
    for (let start = 0; start + NIR_DIGITS_MIN_LENGTH <= run.length; start++) {
      if (digits.includes(run.slice(start, start + NIR_DIGITS_MIN_LENGTH))) return true;
    }
  }
  return false;
}

/**
 * Every rule the password breaks, in French, in the order the checklist shows them; `{ ok: true }` when none.
 * The caller has already bounded the input's length (the forms refuse more than 128 characters).
 */
export function checkPassword(password: string, person: PasswordIdentity): PasswordCheck {
  const errors: string[] = [];
  for (const rule of PASSWORD_RULES) if (!rule.test(password)) errors.push(rule.message);
  if (isCommonPassword(password)) errors.push(PASSWORD_MESSAGES.courant);
  if (containsName(password, person)) errors.push(PASSWORD_MESSAGES.nom);
  if (containsBirthDate(password, person.dateNaissance)) errors.push(PASSWORD_MESSAGES.dateNaissance);
  if (person.nir && containsNirDigits(password, person.nir)) errors.push(PASSWORD_MESSAGES.nir);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
