import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_INPUT_MESSAGES, codeInputSchema, parseVerificationCode } from "./code-schema";

const digits = fc.array(fc.constantFrom(..."0123456789"), { minLength: 6, maxLength: 6 }).map((d) => d.join(""));

describe("saisie du code de vérification", () => {
  it("six chiffres sont acceptés tels quels", () => {
    fc.assert(
      fc.property(digits, (code) => {
        expect(parseVerificationCode(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it("les espaces autour du code sont ignorés", () => {
    expect(parseVerificationCode("  123456\t")).toEqual({ ok: true, value: "123456" });
  });

  it("un code saisi en deux groupes « 123 456 » est accepté : les espaces intérieurs sont retirés", () => {
    expect(parseVerificationCode("123 456")).toEqual({ ok: true, value: "123456" });
    expect(parseVerificationCode("12 34 56")).toEqual({ ok: true, value: "123456" });
    expect(parseVerificationCode("123\u00a0456")).toEqual({ ok: true, value: "123456" });
    expect(parseVerificationCode("123\u202f456")).toEqual({ ok: true, value: "123456" });
  });

  it("un code vide est refusé avec un message qui dit quoi saisir", () => {
    expect(parseVerificationCode("")).toEqual({ ok: false, error: CODE_INPUT_MESSAGES.obligatoire });
    expect(parseVerificationCode("   ")).toEqual({ ok: false, error: CODE_INPUT_MESSAGES.obligatoire });
  });

  it("un code de 5 ou 7 chiffres est refusé en disant combien de chiffres ont été saisis", () => {
    expect(parseVerificationCode("12345")).toEqual({ ok: false, error: "Le code de vérification comporte 6 chiffres : vous en avez saisi 5." });
    expect(parseVerificationCode("1234567")).toEqual({ ok: false, error: "Le code de vérification comporte 6 chiffres : vous en avez saisi 7." });
  });

  it("un code avec une lettre ou un autre signe est refusé", () => {
    for (const input of ["12a456", "abcdef", "123-456", "12345O", "+123456", "123.456", "１２３４５６", "١٢٣٤٥٦", "<script>"]) {
      expect(parseVerificationCode(input)).toEqual({ ok: false, error: CODE_INPUT_MESSAGES.caracteres });
    }
  });

  it("une saisie démesurée est refusée sans traitement", () => {
    expect(parseVerificationCode("1".repeat(10_000))).toEqual({ ok: false, error: CODE_INPUT_MESSAGES.tropLong });
  });

  it("toute saisie acceptée donne exactement 6 chiffres ASCII, toute autre saisie un message en français", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const result = parseVerificationCode(input);
        if (result.ok) expect(result.value).toMatch(/^[0-9]{6}$/);
        else expect(Object.values(CODE_INPUT_MESSAGES).some((m) => (typeof m === "string" ? m === result.error : result.error.startsWith("Le code de vérification comporte 6 chiffres")))).toBe(true);
      }),
    );
  });

  it("le schéma du formulaire rend les 6 chiffres sans espace", () => {
    expect(codeInputSchema.parse(" 123 456 ")).toBe("123456");
  });

  it("le schéma du formulaire porte les messages en français", () => {
    const wrong = codeInputSchema.safeParse("12a456");
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe(CODE_INPUT_MESSAGES.caracteres);
    const missing = codeInputSchema.safeParse(undefined);
    expect(missing.error?.issues[0]?.message).toBe(CODE_INPUT_MESSAGES.obligatoire);
    const number = codeInputSchema.safeParse(123456);
    expect(number.error?.issues[0]?.message).toBe(CODE_INPUT_MESSAGES.obligatoire);
  });
});
