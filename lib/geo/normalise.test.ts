import { describe, expect, it } from "vitest";
import { normalisePlaceName } from "./normalise";

describe("normalisePlaceName", () => {
  it("ôte accents, majuscules, tirets et apostrophes, et lit St/Ste en entier", () => {
    expect(normalisePlaceName("Saint-Étienne")).toBe("saint etienne");
    expect(normalisePlaceName("  ST-ETIENNE ")).toBe("saint etienne");
    expect(normalisePlaceName("Ste-Marie")).toBe("sainte marie");
    expect(normalisePlaceName("L'Haÿ-les-Roses")).toBe("l hay les roses");
    expect(normalisePlaceName("Côte d’Ivoire")).toBe("cote d ivoire");
  });

  it("ne touche pas à un mot qui commence seulement par st", () => {
    expect(normalisePlaceName("Strasbourg")).toBe("strasbourg");
  });
});
