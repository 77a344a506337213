/**
 * Identifiant provisoire: given to people who do not have a NIR yet (or whose NIR
 * is being certified). Format: the letter P followed by 8 digits, e.g. "P12345678".
 */
import { randomInt as cryptoRandomInt } from "node:crypto";

export type ProvisionalIdentifierResult = { ok: true; value: string } | { ok: false; error: string };

export const PROVISIONAL_IDENTIFIER_MESSAGES = {
  obligatoire: "L'identifiant provisoire est obligatoire.",
  format: "Un identifiant provisoire commence par la lettre P suivie de 8 chiffres.",
} as const;

const FORMAT = /^P\d{8}$/;
const WHITESPACE = /[\s\u00a0\u202f\u2007\u2060\ufeff]/g;

/** Same contract as node:crypto randomInt(min, max): integer in [min, max). */
export type RandomInt = (min: number, max: number) => number;

export function parseProvisionalIdentifier(input: string): ProvisionalIdentifierResult {
  // Spaces are tolerated anywhere (people copy "P 1234 5678" from letters), and "p" is upper-cased.
  const s = input.replace(WHITESPACE, "").toUpperCase();
  if (s.length === 0) return { ok: false, error: PROVISIONAL_IDENTIFIER_MESSAGES.obligatoire };
  if (!FORMAT.test(s)) return { ok: false, error: PROVISIONAL_IDENTIFIER_MESSAGES.format };
  return { ok: true, value: s };
}

/** Cryptographic randomness by default: identifiers must not be guessable from one another. */
export function generateProvisionalIdentifier(randomInt: RandomInt = cryptoRandomInt): string {
  const n = randomInt(0, 100_000_000);
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) {
    throw new RangeError(`randomInt a renvoyé une valeur hors de l'intervalle [0, 100000000) : ${n}`);
  }
  return "P" + String(n).padStart(8, "0");
}

/**
 * Draws identifiers until one is free. With 10^8 possibilities collisions are rare,
 * so hitting maxTries means something is wrong (exhausted space, broken isTaken): fail loudly.
 */
export async function generateUniqueProvisionalIdentifier(
  isTaken: (id: string) => Promise<boolean>,
  maxTries = 20,
  randomInt: RandomInt = cryptoRandomInt,
): Promise<string> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const id = generateProvisionalIdentifier(randomInt);
    if (!(await isTaken(id))) return id;
  }
  throw new Error(
    `Impossible de générer un identifiant provisoire libre après ${maxTries} tentatives : tous les identifiants tirés sont déjà attribués.`,
  );
}
