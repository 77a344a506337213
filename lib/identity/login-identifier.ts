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

  const result = parseNir(trimmed);
  return result.ok ? { ok: true, kind: "nir", value: result.value.normalise } : result;
}
