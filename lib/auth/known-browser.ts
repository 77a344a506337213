// "Se souvenir de ce navigateur": after a second factor, a random token in a cookie lets this browser skip
// the e-mail code for 30 days. Only the token's SHA-256 is stored, bound to the person.
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../db/open-prisma";

export const KNOWN_BROWSER_COOKIE = "__Host-moncompte.navigateur";
export const KNOWN_BROWSER_DAYS = 30;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export async function isKnownBrowser(db: Pick<Database, "navigateurConnu">, personneId: string, token: string | undefined, now: Date): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const found = await db.navigateurConnu.findFirst({ where: { jetonEmpreinte: digest(token), personneId, expireLe: { gt: now } }, select: { id: true } });
  return found !== null;
}

export async function rememberBrowser(db: Pick<Database, "navigateurConnu">, personneId: string, now: Date): Promise<{ token: string; expireLe: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expireLe = new Date(now.getTime() + KNOWN_BROWSER_DAYS * 86_400_000);
  await db.navigateurConnu.create({ data: { personneId, jetonEmpreinte: digest(token), expireLe } });
  return { token, expireLe };
}

/**
 * A new password (changed in the space or through "Mot de passe oublié") forgets every browser the person had
 * remembered: it runs in the transaction that stores the new password.
 */
export async function forgetKnownBrowsers(db: Pick<Database, "navigateurConnu">, personneId: string): Promise<number> {
  const { count } = await db.navigateurConnu.deleteMany({ where: { personneId } });
  return count;
}
