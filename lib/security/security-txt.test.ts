import { describe, expect, it } from "vitest";
import { DEFAULT_SECURITY_CONTACT, securityTxt } from "./security-txt";

const now = new Date("2026-12-02T10:00:00Z");
const fields = (text: string) => Object.fromEntries(text.split("\n").filter((line) => /^[A-Z][\w-]*: /.test(line)).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]));

describe("security.txt (RFC 9116)", () => {
  it("donne le contact, une date d'expiration à venir et à moins d'un an, les langues, la politique et l'adresse canonique", () => {
    const text = fields(securityTxt({ origin: "https://mon-compte.example", contact: "https://mon-compte.example/contact-securite", now }));
    expect(text).toEqual({
      Contact: "https://mon-compte.example/contact-securite",
      Expires: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/),
      "Preferred-Languages": "fr, en",
      Policy: "https://mon-compte.example/securite",
      Canonical: "https://mon-compte.example/.well-known/security.txt",
    });
    const expires = new Date(text.Expires!);
    expect(expires.getTime()).toBeGreaterThan(now.getTime());
    expect(expires.getTime() - now.getTime()).toBeLessThan(365 * 24 * 60 * 60 * 1000);
  });

  it("un contact absent ou qui n'est ni mailto: ni https: laisse le contact par défaut", () => {
    for (const contact of [undefined, "", "  ", "http://exemple.org", "javascript:alert(1)"]) {
      expect(fields(securityTxt({ origin: "http://localhost:3000", contact, now })).Contact).toBe(DEFAULT_SECURITY_CONTACT);
    }
  });
});
