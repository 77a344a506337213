import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";

describe("chemin de retour après connexion", () => {
  it("un chemin du portail est conservé", () => {
    expect(safeReturnPath("/mon-compte/connexions")).toBe("/mon-compte/connexions");
    expect(safeReturnPath("/dossier?onglet=paiements")).toBe("/dossier?onglet=paiements");
  });

  it.each(["https://exemple.invalid/piege", "//exemple.invalid/piege", "/\\exemple.invalid", "javascript:alert(1)", "", "/connexion", "/api/auth/x"])(
    "un retour forgé vers un autre site (%s) est ignoré",
    (forged) => expect(safeReturnPath(forged)).toBe(DEFAULT_RETURN_PATH),
  );

  it("quelle que soit la valeur reçue, le retour reste sur le portail", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (value) => {
        const result = safeReturnPath(value);
        expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
        expect(new URL(result, "http://moncompte.invalid").origin).toBe("http://moncompte.invalid");
      }),
    );
  });
});
