import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTACT_MESSAGES, validateContactForm } from "./contact-details";

describe("formulaire des coordonnées", () => {
  it("demande au moins une adresse électronique ou un mobile", () => {
    expect(validateContactForm({ email: "", mobile: "  " })).toMatchObject({ ok: false, message: CONTACT_MESSAGES.auMoinsUn });
    expect(validateContactForm({ email: null, mobile: null })).toMatchObject({ ok: false, message: CONTACT_MESSAGES.auMoinsUn });
  });

  it("accepte l'un, l'autre ou les deux, normalisés", () => {
    expect(validateContactForm({ email: " Claire.Martin@EXAMPLE.org ", mobile: "" })).toEqual({ ok: true, values: { email: "Claire.Martin@example.org", mobile: null } });
    expect(validateContactForm({ email: "", mobile: "06 39 98 10 01" })).toEqual({ ok: true, values: { email: null, mobile: "+33639981001" } });
  });

  it("donne un message précis pour une adresse mal formée, un fixe, un numéro spécial, un mobile étranger", () => {
    expect(validateContactForm({ email: "claire@", mobile: "" })).toMatchObject({ ok: false, fieldErrors: { email: expect.stringContaining("nom@domaine.fr") } });
    expect(validateContactForm({ email: "", mobile: "01 23 45 67 89" })).toMatchObject({ ok: false, fieldErrors: { mobile: expect.stringContaining("fixe") } });
    expect(validateContactForm({ email: "", mobile: "08 00 00 00 00" })).toMatchObject({ ok: false, fieldErrors: { mobile: expect.stringContaining("spécial") } });
    expect(validateContactForm({ email: "", mobile: "+44 7700 900123" })).toMatchObject({ ok: false, fieldErrors: { mobile: expect.stringContaining("français") } });
    expect(validateContactForm({ email: "a".repeat(300), mobile: "" })).toMatchObject({ ok: false, fieldErrors: { email: expect.stringContaining("trop longue") } });
  });

  it("ne laisse passer aucune saisie hostile ou d'un autre type : soit une erreur, soit des valeurs normalisées (propriété)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("' OR 1=1 --", "<script>", "０６３９９８１００１", "ｃlaire@example.org"), fc.anything()), fc.anything(), (email, mobile) => {
        const result = validateContactForm({ email, mobile });
        if (result.ok) {
          expect(result.values.email === null || /^[\x21-\x7e]+@[a-z0-9.-]+$/.test(result.values.email)).toBe(true);
          expect(result.values.mobile === null || /^\+\d{11,12}$/.test(result.values.mobile)).toBe(true);
        } else {
          expect(Object.values(result.fieldErrors).every((m) => typeof m === "string" && m.length > 0) || typeof result.message === "string").toBe(true);
        }
      }),
    );
  });
});
