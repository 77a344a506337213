// Between the password and the e-mail code, the login is "pending": a short-lived encrypted cookie holds what
// the session will be once the code is right. It opens nothing by itself.
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { appConfig } from "../config/app-config";
import type { SessionClaims } from "./session-token";

export const PENDING_LOGIN_COOKIE = "__Host-moncompte.connexion-en-cours";
const SALT = "mon-compte.connexion-en-cours";
const MAX_AGE_SECONDS = 15 * 60;

export type PendingLogin = Omit<SessionClaims, "authentifieA" | "activiteA"> & {
  destination: string;
  expireLe: number;
  nouveauxCodesRestants: number;
  retour: string;
  /** Where the code went: the confirmed e-mail address (absent: before the SMS could be chosen) or the confirmed mobile. */
  canal?: "EMAIL" | "SMS";
};

export async function savePendingLogin(pending: PendingLogin): Promise<void> {
  const value = await encode({ token: pending, secret: appConfig().authSecret, salt: SALT, maxAge: MAX_AGE_SECONDS });
  (await cookies()).set(PENDING_LOGIN_COOKIE, value, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: MAX_AGE_SECONDS });
}

export async function readPendingLogin(): Promise<PendingLogin | null> {
  const value = (await cookies()).get(PENDING_LOGIN_COOKIE)?.value;
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: appConfig().authSecret, salt: SALT });
    return token && typeof token.personneId === "string" ? (token as unknown as PendingLogin) : null;
  } catch {
    return null;
  }
}

export async function clearPendingLogin(): Promise<void> {
  (await cookies()).delete({ name: PENDING_LOGIN_COOKIE, path: "/", secure: true, httpOnly: true, sameSite: "lax" });
}
