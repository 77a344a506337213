import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { LOGIN_IDENTIFIER_MESSAGES, parseLoginIdentifier } from "./login-identifier";
import { NIR_MESSAGES } from "./nir";
import { PROVISIONAL_IDENTIFIER_MESSAGES } from "./provisional-identifier";

describe("parseLoginIdentifier", () => {
  it("un NIR, avec ou sans espaces, est reconnu comme identifiant NIR normalisé", () => {
    expect(parseLoginIdentifier("288036912304529")).toEqual({ ok: true, kind: "nir", value: "288036912304529" });
    expect(parseLoginIdentifier(" 2 88 03 69 123 045 29 ")).toEqual({
      ok: true,
      kind: "nir",
      value: "288036912304529",
    });
    expect(parseLoginIdentifier("2 95 07 2a 004 021 38")).toEqual({
      ok: true,
      kind: "nir",
      value: "295072A00402138",
    });
  });

  it("un NIR tapé avec des points ou des tirets est accepté comme avec des espaces", () => {
    const expected = { ok: true, kind: "nir", value: "288036912304529" };
    expect(parseLoginIdentifier("2.88.03.69.123.045.29")).toEqual(expected);
    expect(parseLoginIdentifier("2-88-03-69-123-045-29")).toEqual(expected);
    expect(parseLoginIdentifier("2 88 03 69 123 045-29")).toEqual(expected);
    expect(parseLoginIdentifier("2\u201388\u201303\u201369\u2013123\u2013045\u201329")).toEqual(expected); // tirets moyens
    expect(parseLoginIdentifier("2.95.07.2A.004.021.38")).toEqual({ ok: true, kind: "nir", value: "295072A00402138" });
    // Les séparateurs ne changent rien au contrôle : une clé fausse reste fausse.
    expect(parseLoginIdentifier("2.88.03.69.123.045.28")).toEqual({ ok: false, error: NIR_MESSAGES.cle });
  });

  it("un identifiant provisoire, même avec un p minuscule, est reconnu comme provisoire", () => {
    expect(parseLoginIdentifier("P12345678")).toEqual({ ok: true, kind: "provisoire", value: "P12345678" });
    expect(parseLoginIdentifier("  p12345678 ")).toEqual({ ok: true, kind: "provisoire", value: "P12345678" });
  });

  it("une saisie vide invite à saisir son NIR ou son identifiant provisoire", () => {
    for (const empty of ["", "   ", "\u00a0\t"]) {
      expect(parseLoginIdentifier(empty)).toEqual({
        ok: false,
        error: "Saisissez votre identifiant : votre numéro de sécurité sociale ou votre identifiant provisoire.",
      });
    }
  });

  it("une saisie commençant par P reçoit le message de l'identifiant provisoire", () => {
    expect(parseLoginIdentifier("P1234")).toEqual({ ok: false, error: PROVISIONAL_IDENTIFIER_MESSAGES.format });
    expect(parseLoginIdentifier("p288036912304529")).toEqual({
      ok: false,
      error: PROVISIONAL_IDENTIFIER_MESSAGES.format,
    });
  });

  it("toute autre saisie reçoit le message précis du NIR", () => {
    expect(parseLoginIdentifier("2880369123045")).toEqual({ ok: false, error: NIR_MESSAGES.longueur });
    expect(parseLoginIdentifier("288036912304528")).toEqual({ ok: false, error: NIR_MESSAGES.cle });
    expect(parseLoginIdentifier("claire@example.org")).toEqual({ ok: false, error: NIR_MESSAGES.longueur });
  });

  it("au-delà de 64 caractères la saisie est refusée avant tout traitement", () => {
    expect(parseLoginIdentifier(" ".repeat(65))).toEqual({ ok: false, error: "L'identifiant saisi est trop long." });
    expect(parseLoginIdentifier("2".repeat(65))).toEqual({ ok: false, error: LOGIN_IDENTIFIER_MESSAGES.tropLong });
    const padded = "288036912304529".padStart(64, " ");
    expect(parseLoginIdentifier(padded)).toEqual({ ok: true, kind: "nir", value: "288036912304529" });
  });

  it("le type d'identifiant renvoyé correspond à la forme de la valeur normalisée", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[pP] ?\d{8}$/), fc.string()), (s) => {
        const r = parseLoginIdentifier(s);
        if (r.ok) {
          expect(r.kind === "provisoire").toBe(/^P\d{8}$/.test(r.value));
        }
      }),
    );
  });

  it("une chaîne quelconque ne fait jamais planter l'analyse", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 200 })), (s) => {
        const r = parseLoginIdentifier(s);
        expect(r.ok ? r.value : r.error).toEqual(expect.any(String));
      }),
    );
  });
});
