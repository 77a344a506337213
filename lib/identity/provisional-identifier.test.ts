import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  generateProvisionalIdentifier,
  generateUniqueProvisionalIdentifier,
  parseProvisionalIdentifier,
  PROVISIONAL_IDENTIFIER_MESSAGES,
} from "./provisional-identifier";

describe("parseProvisionalIdentifier", () => {
  it("un identifiant provisoire est la lettre P suivie de 8 chiffres", () => {
    expect(parseProvisionalIdentifier("P12345678")).toEqual({ ok: true, value: "P12345678" });
  });

  it("les espaces autour sont retirés et le p minuscule est mis en majuscule", () => {
    expect(parseProvisionalIdentifier("  p12345678\u00a0")).toEqual({ ok: true, value: "P12345678" });
    expect(parseProvisionalIdentifier("P 1234 5678")).toEqual({ ok: true, value: "P12345678" });
  });

  it("un format incorrect est refusé avec un message précis", () => {
    for (const bad of ["P1234567", "P123456789", "X12345678", "12345678", "P1234567A", "PP1234567"]) {
      expect(parseProvisionalIdentifier(bad)).toEqual({
        ok: false,
        error: "Un identifiant provisoire commence par la lettre P suivie de 8 chiffres.",
      });
    }
  });

  it("une saisie vide est signalée comme obligatoire", () => {
    expect(parseProvisionalIdentifier("  ")).toEqual({
      ok: false,
      error: PROVISIONAL_IDENTIFIER_MESSAGES.obligatoire,
    });
  });

  it("une chaîne quelconque ne fait jamais planter l'analyse", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (s) => {
        const r = parseProvisionalIdentifier(s);
        expect(r.ok ? r.value : r.error).toEqual(expect.any(String));
      }),
    );
  });
});

describe("generateProvisionalIdentifier", () => {
  it("le nombre tiré est complété à 8 chiffres derrière le P", () => {
    expect(generateProvisionalIdentifier(() => 42)).toBe("P00000042");
    expect(generateProvisionalIdentifier(() => 99_999_999)).toBe("P99999999");
  });

  it("le tirage couvre tout l'intervalle de 0 à 99 999 999", () => {
    const calls: Array<[number, number]> = [];
    generateProvisionalIdentifier((min, max) => {
      calls.push([min, max]);
      return min;
    });
    expect(calls).toEqual([[0, 100_000_000]]);
  });

  it("un identifiant généré avec le hasard cryptographique est toujours relu comme valide", () => {
    for (let i = 0; i < 200; i++) {
      const id = generateProvisionalIdentifier();
      expect(parseProvisionalIdentifier(id)).toEqual({ ok: true, value: id });
    }
  });

  it("un générateur qui sort de l'intervalle est refusé plutôt que de produire un identifiant faux", () => {
    expect(() => generateProvisionalIdentifier(() => 100_000_000)).toThrow(RangeError);
    expect(() => generateProvisionalIdentifier(() => -1)).toThrow(RangeError);
    expect(() => generateProvisionalIdentifier(() => 1.5)).toThrow(RangeError);
  });
});

describe("generateUniqueProvisionalIdentifier", () => {
  it("les identifiants déjà attribués sont écartés jusqu'à en trouver un libre", async () => {
    const draws = [1, 2, 3];
    const taken = new Set(["P00000001", "P00000002"]);
    const id = await generateUniqueProvisionalIdentifier(
      async (candidate) => taken.has(candidate),
      20,
      () => draws.shift() ?? 0,
    );
    expect(id).toBe("P00000003");
  });

  it("après le nombre maximal de tentatives, une erreur explicite est levée", async () => {
    let calls = 0;
    await expect(
      generateUniqueProvisionalIdentifier(async () => {
        calls++;
        return true;
      }, 5),
    ).rejects.toThrow(/identifiant provisoire libre après 5 tentatives/);
    expect(calls).toBe(5);
  });

  it("20 tentatives sont faites par défaut", async () => {
    let calls = 0;
    await expect(
      generateUniqueProvisionalIdentifier(async () => {
        calls++;
        return true;
      }),
    ).rejects.toThrow(/20 tentatives/);
    expect(calls).toBe(20);
  });
});
