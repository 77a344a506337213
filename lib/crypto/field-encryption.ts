// Encryption at rest of the most sensitive fields (NIR, e-mail address, mobile number) and the keyed hashes
// through which they are looked up: a stolen database dump reveals neither, and a lookup never decrypts.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

const VERSION = "v1";

export type FieldKeys = { encryptionKey: Buffer; lookupKey: Buffer };

/** AES-256-GCM; the output is "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptField(plaintext: string, keys: FieldKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptField(stored: string, keys: FieldKeys): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Champ chiffré illisible.");
  const decipher = createDecipheriv("aes-256-gcm", keys.encryptionKey, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** HMAC-SHA-256 of an already normalised value, hex: stable, so it can carry a unique index. */
export function lookupHash(normalisedValue: string, keys: FieldKeys): string {
  return createHmac("sha256", keys.lookupKey).update(normalisedValue, "utf8").digest("hex");
}
