/**
 * zod schemas wrapping the parsers, for forms and server actions.
 * Each schema outputs the normalised value and carries the parser's French message,
 * so the same wording is shown whatever the entry point.
 */
import { z } from "zod";
import { parseEmail, EMAIL_MESSAGES } from "./email";
import { parseLoginIdentifier, LOGIN_IDENTIFIER_MESSAGES } from "./login-identifier";
import { parseMobile, MOBILE_MESSAGES } from "./mobile";
import { parseNir, NIR_MESSAGES, type Nir } from "./nir";
import { parseNumeroAllocataire, NUMERO_ALLOCATAIRE_MESSAGES } from "./numero-allocataire";

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Builds `z.string().transform(...)` from a parser. A missing / non-string value
 * (e.g. an absent form field) gets the parser's "obligatoire" message.
 */
function fromParser<T>(parse: (input: string) => Parsed<T>, missingMessage: string) {
  return z.string({ error: missingMessage }).transform((input, ctx) => {
    const result = parse(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });
}

/** Outputs the normalised 15-character NIR. */
export const nirSchema = fromParser(
  (input) => {
    const r = parseNir(input);
    return r.ok ? { ok: true, value: r.value.normalise } : r;
  },
  NIR_MESSAGES.obligatoire,
);

/** Outputs the full parsed NIR (sex, birth data, place…), for identity cross-checks. */
export const nirDetailsSchema = fromParser<Nir>(parseNir, NIR_MESSAGES.obligatoire);

/** Outputs the normalised NIR or provisional identifier ("P12345678"). */
export const loginIdentifierSchema = fromParser(
  (input) => {
    const r = parseLoginIdentifier(input);
    return r.ok ? { ok: true, value: r.value } : r;
  },
  LOGIN_IDENTIFIER_MESSAGES.obligatoire,
);

/** Outputs E.164, e.g. "+33639981001". */
export const mobileSchema = fromParser(parseMobile, MOBILE_MESSAGES.obligatoire);

/** Outputs the trimmed address with a lower-case domain. */
export const emailSchema = fromParser(parseEmail, EMAIL_MESSAGES.obligatoire);

/** Outputs the 7 digits without spaces. */
export const numeroAllocataireSchema = fromParser(
  parseNumeroAllocataire,
  NUMERO_ALLOCATAIRE_MESSAGES.obligatoire,
);
