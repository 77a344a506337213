import { randomBytes, randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookupHash } from "../crypto/field-encryption";
import { codeTargetFingerprint, codeValidityMs, generateCode, hashCode, normaliseCodeTarget } from "./verification-engine";

const keys = { encryptionKey: randomBytes(32), lookupKey: randomBytes(32) };

describe("génération et empreinte des codes", () => {
  it("un code a toujours exactement 6 chiffres, zéros de tête compris", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const code = generateCode(() => n);
        expect(code).toMatch(/^[0-9]{6}$/);
        expect(Number(code)).toBe(n);
      }),
    );
    expect(generateCode(() => 42)).toBe("000042");
  });

  it("le tirage couvre tout l'intervalle 000000–999999 du générateur cryptographique", () => {
    let bounds: [number, number] | undefined;
    generateCode((min, max) => {
      bounds = [min, max];
      return 0;
    });
    expect(bounds).toEqual([0, 1_000_000]);
  });

  it("les codes tirés par défaut ont 6 chiffres et varient", () => {
    const codes = Array.from({ length: 200 }, () => generateCode());
    expect(codes.every((c) => /^[0-9]{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it("l'empreinte d'un code est un HMAC-SHA-256 hexadécimal qui ne contient pas le code", () => {
    const id = randomUUID();
    const digest = hashCode(id, "123456", keys);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toContain("123456");
    expect(hashCode(id, "123456", keys)).toBe(digest);
  });

  it("l'empreinte dépend du code, de l'identifiant de la ligne et de la clé", () => {
    const id = randomUUID();
    const digest = hashCode(id, "123456", keys);
    expect(hashCode(id, "123457", keys)).not.toBe(digest);
    expect(hashCode(randomUUID(), "123456", keys)).not.toBe(digest);
    expect(hashCode(id, "123456", { ...keys, lookupKey: randomBytes(32) })).not.toBe(digest);
  });

  it("la cible est normalisée avant d'être hachée, comme l'empreinte des coordonnées", () => {
    expect(normaliseCodeTarget("SMS", "06 39 98 10 01")).toBe("+33639981001");
    expect(codeTargetFingerprint("SMS", "06.39.98.10.01", keys)).toBe(lookupHash("+33639981001", keys));
    expect(codeTargetFingerprint("EMAIL", " Claire.Martin@Example.ORG ", keys)).toBe(lookupHash("Claire.Martin@example.org", keys));
  });

  it("une cible qui ne correspond pas au canal est une erreur de programmation, sans la cible dans le message", () => {
    expect(() => normaliseCodeTarget("SMS", "claire@example.org")).toThrow(/numéro de mobile/);
    expect(() => normaliseCodeTarget("EMAIL", "0639981001")).toThrow(/adresse électronique/);
    try {
      normaliseCodeTarget("EMAIL", "0639981001");
    } catch (error) {
      expect((error as Error).message).not.toContain("0639981001");
    }
  });

  it("la durée de validité dépend du canal", () => {
    expect(codeValidityMs("SMS")).toBe(10 * 60_000);
    expect(codeValidityMs("EMAIL")).toBe(15 * 60_000);
  });
});
