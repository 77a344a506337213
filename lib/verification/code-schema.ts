// The 6-digit verification code as people type it: one parser, shared by the forms (through zod) and the
// verification engine, so a malformed code gets the same French message everywhere and never costs a try.
// Pure (no node:crypto, no database): safe to import from a client component.
import { z } from "zod";

export const CODE_LENGTH = 6;

/** Longer input is refused before any processing (nothing legitimate is that long). */
const MAX_INPUT_LENGTH = 64;

export const CODE_INPUT_MESSAGES = {
  obligatoire: "Saisissez le code de vérification à 6 chiffres que vous avez reçu.",
  caracteres:
    "Le code de vérification ne contient que des chiffres : saisissez les 6 chiffres reçus, sans lettre ni autre signe.",
  tropLong: "Le code de vérification comporte 6 chiffres : vérifiez votre saisie.",
  longueur: (count: number) =>
    `Le code de vérification comporte 6 chiffres : vous en avez saisi ${count}.`,
} as const;

export type CodeInputResult = { ok: true; value: string } | { ok: false; error: string };

/**
 * Accepts "123456", " 123456 " and "123 456" (people copy codes with a space, or type them in two groups):
 * every white space is removed, then exactly 6 ASCII digits must remain. Anything else (letters, other
 * signs, full-width or non-Latin digits, 5 or 7 digits) is refused with a message saying what to fix.
 */
export function parseVerificationCode(input: string): CodeInputResult {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, error: CODE_INPUT_MESSAGES.tropLong };
  const compact = input.replace(/\s/g, "");
  if (compact.length === 0) return { ok: false, error: CODE_INPUT_MESSAGES.obligatoire };
  if (!/^[0-9]+$/.test(compact)) return { ok: false, error: CODE_INPUT_MESSAGES.caracteres };
  if (compact.length !== CODE_LENGTH) return { ok: false, error: CODE_INPUT_MESSAGES.longueur(compact.length) };
  return { ok: true, value: compact };
}

/** Form field for a verification code: outputs the 6 digits without spaces. */
export const codeInputSchema = z.string({ error: CODE_INPUT_MESSAGES.obligatoire }).transform((input, ctx) => {
  const result = parseVerificationCode(input);
  if (result.ok) return result.value;
  ctx.addIssue({ code: "custom", message: result.error });
  return z.NEVER;
});
