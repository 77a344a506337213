import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";

const PORTAL = "https://moncompte.example";

/** What every answer must be: the default, or a path of this site with exactly one leading slash. */
function expectSameSitePath(result: string) {
  expect(result.startsWith("/")).toBe(true);
  expect(result[1]).not.toBe("/");
  expect(result).not.toMatch(/[\\\u0000-\u001f\u007f]/);
  expect(new URL(result, PORTAL).origin).toBe(PORTAL);
  // Followed again (a browser resolving the redirect), it stays a path of this site.
  expect(new URL(new URL(result, PORTAL).href).origin).toBe(PORTAL);
}

describe("chemin de retour après connexion", () => {
  it("un chemin du portail est conservé", () => {
    expect(safeReturnPath("/mon-compte/connexions")).toBe("/mon-compte/connexions");
    expect(safeReturnPath("/dossier?onglet=paiements")).toBe("/dossier?onglet=paiements");
    expect(safeReturnPath("/mon-compte/delegation")).toBe("/mon-compte/delegation");
  });

  it.each([
    "https://exemple.invalid/piege",
    "//exemple.invalid/piege",
    "/\\exemple.invalid",
    "javascript:alert(1)",
    "",
    "/connexion",
    "/api/auth/x",
    // Dot segments that the URL parser folds into a protocol-relative address.
    "/..//evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/./..//evil.example",
    // The same, percent-encoded (once, twice, in either case).
    "/%2e%2e//evil.example",
    "/%2E%2E//evil.example",
    "/%2e./evil.example",
    "/%252e%252e//evil.example",
    "/%2e%2e%2f%2fevil.example",
    "/./%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    // Backslashes, raw or encoded, which browsers read as slashes.
    "/\\evil.example",
    "/%5cevil.example",
    "/%5Cevil.example",
    "/%255cevil.example",
    // Control characters the URL parser drops (tab, newline), raw or encoded.
    "/\tevil",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%0a//evil",
    "/%09/evil.example",
    "/%00/evil.example",
    "/%7f",
    // Not percent-encoding at all.
    "/%zz",
    "/%",
  ])("un retour forgé (%j) mène au tableau de bord", (forged) => {
    expect(safeReturnPath(forged)).toBe(DEFAULT_RETURN_PATH);
  });

  it("quelle que soit la valeur reçue, le retour est le tableau de bord ou un chemin de ce site", () => {
    // Strings built from the pieces attackers combine: dot segments, slashes, backslashes, percent-encodings
    // (single and double), tabs, newlines and other control characters, and ordinary path characters.
    const piece = fc.constantFrom(
      "/", "//", ".", "..", "/./", "/../", "\\", "%2e", "%2E", "%2f", "%2F", "%5c", "%5C", "%25", "%252e", "%252f",
      "\t", "\n", "\r", "%09", "%0a", "%0d", "%00", "\u0000", "\u007f", "?", "#", "@", ":", "evil.example", "a", "mon-compte",
      "https:", "http:", "javascript:", " ", "\u3002", "\uff0f",
    );
    const crafted = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(crafted, crafted.map((s) => `/${s}`), fc.string(), fc.webUrl(), fc.webPath()), (value) => {
        const result = safeReturnPath(value);
        if (result !== DEFAULT_RETURN_PATH) expectSameSitePath(result);
      }),
      { numRuns: 5000 },
    );
  });

  it("un chemin ordinaire du portail est toujours conservé tel quel", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const path = `/${segments.join("/")}`;
        fc.pre(!path.startsWith("/connexion") && !path.startsWith("/api/"));
        expect(safeReturnPath(path)).toBe(path);
      }),
    );
  });
});
