import { describe, it, expect } from "vitest";
import fc from "fast-check";
import * as identity from "./index";

const parsers: Array<[string, (input: string) => { ok: boolean }]> = [
  ["parseNir", identity.parseNir],
  ["parseProvisionalIdentifier", identity.parseProvisionalIdentifier],
  ["parseLoginIdentifier", identity.parseLoginIdentifier],
  ["parseNumeroAllocataire", identity.parseNumeroAllocataire],
  ["parseMobile", identity.parseMobile],
  ["parseEmail", identity.parseEmail],
];

const schemas = [
  identity.nirSchema,
  identity.nirDetailsSchema,
  identity.loginIdentifierSchema,
  identity.mobileSchema,
  identity.emailSchema,
  identity.numeroAllocataireSchema,
];

/** Strings that look like what people type, plus arbitrary Unicode and long inputs. */
const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.stringMatching(/^[0-9A-Za-z+@. \u00a0-]{0,40}$/),
);

describe("bibliothèque des identifiants", () => {
  it("le point d'entrée réexporte tous les parseurs, formats et schémas", () => {
    for (const name of [
      "computeNirKey",
      "formatNir",
      "checkNirMatchesIdentity",
      "generateProvisionalIdentifier",
      "generateUniqueProvisionalIdentifier",
      "formatMobileForDisplay",
      "maskMobile",
      "maskEmail",
    ]) {
      expect(identity).toHaveProperty(name, expect.any(Function));
    }
  });

  it.each(parsers)("une chaîne quelconque ne fait jamais planter %s : résultat ou message d'erreur", (_name, parse) => {
    fc.assert(
      fc.property(anyInput, (s) => {
        const r = parse(s) as { ok: true } | { ok: false; error: string };
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("une chaîne quelconque ne fait jamais lever d'exception aux schémas zod", () => {
    fc.assert(
      fc.property(anyInput, (s) => {
        for (const schema of schemas) {
          const r = schema.safeParse(s);
          if (!r.success) expect(r.error.issues[0]?.message).toEqual(expect.any(String));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("les fonctions d'affichage ne plantent jamais sur une valeur quelconque", () => {
    fc.assert(
      fc.property(anyInput, (s) => {
        expect(typeof identity.formatNir(s)).toBe("string");
        expect(typeof identity.formatMobileForDisplay(s)).toBe("string");
        expect(typeof identity.maskMobile(s)).toBe("string");
        expect(typeof identity.maskEmail(s)).toBe("string");
      }),
    );
  });
});
