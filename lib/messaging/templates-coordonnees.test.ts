import { describe, expect, it } from "vitest";
import { isGsm7 } from "./templates";
import { contactChanged, contactRemoved } from "./templates-coordonnees";

const date = new Date("2026-12-02T09:05:00Z");

describe("avis de changement de coordonnées", () => {
  it.each([
    ["EMAIL", contactChanged],
    ["MOBILE", contactChanged],
    ["EMAIL", contactRemoved],
    ["MOBILE", contactRemoved],
  ] as const)("l'avis (%s) donne la date, dit quoi faire si ce n'est pas vous, sans lien ni coordonnée, SMS en GSM-7", (type, template) => {
    const content = template({ type, date });
    expect(content.email.texte).toContain("2 décembre 2026 à 10 h 05");
    expect(content.email.texte).toContain("contactez votre Caf");
    expect(content.sms.texte).toContain("contactez votre Caf");
    expect(content.sms.texte).toContain("2 décembre 2026 à 10 h 05");
    expect(isGsm7(content.sms.texte)).toBe(true);
    for (const text of [content.email.texte, content.email.html, content.sms.texte]) {
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).not.toMatch(/<a\s/i);
    }
  });
});
