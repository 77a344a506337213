import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeNirKey } from "../identity/nir";
import { maskNir, maskNirForScreenReader } from "./nir-mask";

describe("NIR masqué sur « Mes informations personnelles »", () => {
  it("seuls le sexe, l'année et le mois de naissance et la clé restent lisibles", () => {
    expect(maskNir("290013306308710")).toBe("2 90 01 •• ••• ••• 10");
    expect(maskNir("2 90 01 33 063 087 10")).toBe("2 90 01 •• ••• ••• 10");
    // Born in Corse-du-Sud: the "2A" of the department is hidden like any other digit of the place.
    expect(maskNir("295072A00402138")).toBe("2 95 07 •• ••• ••• 38");
  });

  it("le lieu de naissance et le numéro d'ordre (chiffres 6 à 13) n'apparaissent jamais", () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    fc.assert(
      fc.property(fc.constantFrom("1", "2"), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.integer({ min: 1, max: 12 }), fc.array(digit, { minLength: 8, maxLength: 8 }), (sexe, annee, mois, milieu) => {
        const thirteen = `${sexe}${annee.join("")}${String(mois).padStart(2, "0")}${milieu.join("")}`;
        const nir = thirteen + computeNirKey(thirteen);
        const masked = maskNir(nir);
        expect(masked.replace(/\s/g, "")).toBe(`${nir.slice(0, 5)}${"•".repeat(8)}${nir.slice(13)}`);
        expect(masked).not.toContain(nir.slice(5, 13));
      }),
    );
  });

  it("une valeur inattendue est entièrement masquée", () => {
    expect(maskNir("123")).toBe("• •• •• •• ••• ••• ••");
    expect(maskNirForScreenReader("123")).toBe("numéro masqué");
  });

  it("la version lue par un lecteur d'écran dit ce qui est masqué", () => {
    expect(maskNirForScreenReader("290013306308710")).toBe("2 90 01, dix chiffres masqués, clé 10");
  });
});
