import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { NUMERO_ALLOCATAIRE_MESSAGES, parseNumeroAllocataire } from "./numero-allocataire";

describe("parseNumeroAllocataire", () => {
  it("un numéro allocataire comporte 7 chiffres", () => {
    expect(parseNumeroAllocataire("1234567")).toEqual({ ok: true, value: "1234567" });
  });

  it("les espaces sont tolérés", () => {
    expect(parseNumeroAllocataire(" 123 4567\u00a0")).toEqual({ ok: true, value: "1234567" });
  });

  it("une saisie vide est signalée comme obligatoire", () => {
    expect(parseNumeroAllocataire("  ")).toEqual({ ok: false, error: "Le numéro allocataire est obligatoire." });
  });

  it("des caractères autres que des chiffres sont refusés avec un message précis", () => {
    expect(parseNumeroAllocataire("12345a7")).toEqual({ ok: false, error: NUMERO_ALLOCATAIRE_MESSAGES.caracteres });
    expect(parseNumeroAllocataire("123-4567")).toEqual({ ok: false, error: NUMERO_ALLOCATAIRE_MESSAGES.caracteres });
  });

  it("un nombre de chiffres différent de 7 est refusé avec un message précis", () => {
    for (const bad of ["123456", "12345678"]) {
      expect(parseNumeroAllocataire(bad)).toEqual({
        ok: false,
        error: "Le numéro allocataire doit comporter 7 chiffres.",
      });
    }
  });

  it("tout numéro de 7 chiffres, avec des espaces n'importe où, est accepté", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("", " ", "\u00a0"), fc.integer({ min: 0, max: 9 })), {
          minLength: 7,
          maxLength: 7,
        }),
        (parts) => {
          const input = parts.map(([sp, d]) => sp + d).join("");
          expect(parseNumeroAllocataire(input)).toEqual({ ok: true, value: parts.map(([, d]) => d).join("") });
        },
      ),
    );
  });

  it("une chaîne quelconque ne fait jamais planter l'analyse", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (s) => {
        const r = parseNumeroAllocataire(s);
        expect(r.ok ? r.value : r.error).toEqual(expect.any(String));
      }),
    );
  });
});
