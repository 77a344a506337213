import { describe, expect, it } from "vitest";
import { normaliseName } from "./identifier-recovery";

describe("comparaison des noms pour « Identifiant oublié »", () => {
  it("ne tient compte ni des majuscules, ni des accents, ni des espaces autour", () => {
    expect(normaliseName("  Lefèvre ")).toBe(normaliseName("LEFEVRE"));
    expect(normaliseName("léa")).toBe("LEA");
    expect(normaliseName("Chloé")).toBe(normaliseName("CHLOE"));
  });

  it("traite pareil les tirets, apostrophes et espaces, et les ligatures", () => {
    expect(normaliseName("Jean-Pierre")).toBe(normaliseName("jean  pierre"));
    expect(normaliseName("N'Diaye")).toBe(normaliseName("N’DIAYE"));
    expect(normaliseName("Lœtitia")).toBe("LOETITIA");
  });

  it("distingue deux noms différents", () => {
    expect(normaliseName("Marc")).not.toBe(normaliseName("Marcel"));
  });
});
