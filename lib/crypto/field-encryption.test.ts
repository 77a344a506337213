import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptField, encryptField, lookupHash } from "./field-encryption";

const keys = { encryptionKey: randomBytes(32), lookupKey: randomBytes(32) };

describe("chiffrement des champs sensibles", () => {
  it("une valeur chiffrée se déchiffre à l'identique", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(decryptField(encryptField(value, keys), keys)).toBe(value);
      }),
    );
  });

  it("le NIR n'apparaît jamais en clair dans la valeur stockée", () => {
    const stored = encryptField("288036912304529", keys);
    expect(stored).not.toContain("288036912304529");
    expect(encryptField("288036912304529", keys)).not.toBe(stored); // random IV: equal values do not show
  });

  it("une valeur stockée altérée est refusée", () => {
    const stored = encryptField("claire.martin@example.org", keys);
    const [v, iv, tag, data] = stored.split(".");
    const altered = [v, iv, tag, Buffer.from("x" + data).toString("base64url")].join(".");
    expect(() => decryptField(altered, keys)).toThrow();
  });

  it("une autre clé ne déchiffre pas", () => {
    const stored = encryptField("0639981001", keys);
    expect(() => decryptField(stored, { ...keys, encryptionKey: randomBytes(32) })).toThrow();
  });

  it("l'empreinte de recherche est stable pour une même valeur et dépend de la clé", () => {
    expect(lookupHash("288036912304529", keys)).toBe(lookupHash("288036912304529", keys));
    expect(lookupHash("288036912304529", keys)).not.toBe(lookupHash("288036912304529", { ...keys, lookupKey: randomBytes(32) }));
    expect(lookupHash("288036912304529", keys)).toMatch(/^[0-9a-f]{64}$/);
  });
});
