/**
 * Login identifier: either a NIR (numéro de sécurité sociale) or a provisional identifier.
 * The error returned is the one of the format the person most likely meant to type.
 */
import { parseNir } from "./nir";
import { parseProvisionalIdentifier } from "./provisional-identifier";

export type LoginIdentifierKind = "nir" | "provisoire";

export type LoginIdentifierResult =
  | { ok: true; kind: LoginIdentifierKind; value: string }
  | { ok: false; error: string };

export const LOGIN_IDENTIFIER_MAX_LENGTH = 64;

export const LOGIN_IDENTIFIER_MESSAGES = {
  obligatoire:
    "Saisissez votre identifiant : votre numéro de sécurité sociale ou votre identifiant provisoire.",
  tropLong: "L'identifiant saisi est trop long.",
} as const;

/**
 * What people put between the groups of a NIR besides spaces: dots ("2.88.03…"), hyphens and the dashes a phone
 * keyboard or a copied document may hold (U+2010–U+2015, U+2212 minus). Read as spaces, which the NIR ignores.
 */
const NIR_SEPARATORS = /[.\-\u2010-\u2015\u2212]/g;

export function parseLoginIdentifier(input: string): LoginIdentifierResult {
  // Checked before any processing so that huge inputs cost nothing (login is unauthenticated).
  if (input.length > LOGIN_IDENTIFIER_MAX_LENGTH) {
    return { ok: false, error: LOGIN_IDENTIFIER_MESSAGES.tropLong };
  }
  // String#trim also strips non-breaking spaces (U+00A0, U+202F) and U+FEFF.
  const trimmed = input.trim();
  if (trimmed.length === 0) {
    return { ok: false, error: LOGIN_IDENTIFIER_MESSAGES.obligatoire };
  }

  if (trimmed[0] === "P" || trimmed[0] === "p") {
    const result = parseProvisionalIdentifier(trimmed);
    return result.ok ? { ok: true, kind: "provisoire", value: result.value } : result;
  }

  const result = parseNir(trimmed.replace(NIR_SEPARATORS, " "));
  return result.ok ? { ok: true, kind: "nir", value: result.value.normalise } : result;
}
