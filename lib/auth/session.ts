// Reading and checking the session in pages and server actions. `requireSession()` is the guard every
// protected page and every server action calls first: a page check does not protect the actions it renders.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS, decodeSession, encodeSession, sessionExpiry, type SessionClaims, type SessionStep } from "./session-token";
import { safeReturnPath } from "./return-path";

export type Session = SessionClaims & { nowSeconds: number };

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The current valid session, or null. Checked once per request against the database. */
export const currentSession = cache(async (): Promise<Session | null> => {
  const claims = await decodeSession((await cookies()).get(SESSION_COOKIE)?.value, appConfig().authSecret);
  if (!claims) return null;
  const now = nowSeconds();
  if (sessionExpiry(claims, now)) return null;
  const compte = await (await db()).compte.findUnique({ where: { id: claims.sub }, select: { versionSession: true, etat: true } });
  if (!compte || compte.versionSession !== claims.versionSession || compte.etat === "SUSPENDU") return null;
  return { ...claims, nowSeconds: now };
});

async function loginRedirect(): Promise<never> {
  const path = (await headers()).get("x-pathname") ?? "/tableau-de-bord";
  redirect(`/connexion?retour=${encodeURIComponent(safeReturnPath(path))}`);
}

/** The session of a person who has completed their first connection; otherwise a redirect. */
export async function requireSession(options: { step?: SessionStep } = {}): Promise<Session> {
  const session = await currentSession();
  if (!session) return loginRedirect();
  const wanted = options.step ?? "espace";
  if (session.etape !== wanted) {
    redirect(session.etape === "premiere-connexion" ? "/premiere-connexion" : session.etape === "changement-mot-de-passe" ? "/mon-compte/mot-de-passe" : "/tableau-de-bord");
  }
  return session;
}

/** Where a freshly opened session goes first. */
export function sessionHome(step: SessionStep, retour: string): string {
  if (step === "premiere-connexion") return "/premiere-connexion";
  if (step === "changement-mot-de-passe") return "/mon-compte/mot-de-passe";
  return retour;
}

/** Opens a session (from a server action or route handler, where cookies can be written). */
export async function openSession(claims: Omit<SessionClaims, "authentifieA" | "activiteA">): Promise<void> {
  const now = nowSeconds();
  const value = await encodeSession({ ...claims, authentifieA: now, activiteA: now }, appConfig().authSecret);
  (await cookies()).set(SESSION_COOKIE, value, SESSION_COOKIE_OPTIONS);
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: SESSION_COOKIE, ...SESSION_COOKIE_OPTIONS });
}
