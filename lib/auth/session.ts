// Reading and checking the session in pages and server actions. `requireSession()` is the guard every
// protected page and every server action calls first: a page check does not protect the actions it renders.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clockNow } from "../clock";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS, decodeSession, encodeSession, sessionExpiry, type SessionClaims, type SessionStep } from "./session-token";
import { safeReturnPath } from "./return-path";
import { hasAcceptedCurrentCgu } from "../cgu/cgu-versions";
import { sessionStillOpens } from "./session-validity";

export type Session = SessionClaims & { nowSeconds: number };

/** The session clocks read the portal's clock, which the demo tool /dev/horloge may set (lib/clock.ts). */
const nowSeconds = () => Math.floor(clockNow().getTime() / 1000);

/** The current valid session, or null. Checked once per request against the database. */
export const currentSession = cache(async (): Promise<Session | null> => {
  const claims = await decodeSession((await cookies()).get(SESSION_COOKIE)?.value, appConfig().authSecret);
  if (!claims) return null;
  const now = nowSeconds();
  if (sessionExpiry(claims, now)) return null;
  if (!(await sessionStillOpens(await db(), claims))) return null;
  return { ...claims, nowSeconds: now };
});

async function loginRedirect(): Promise<never> {
  const path = (await headers()).get("x-pathname") ?? "/tableau-de-bord";
  redirect(`/connexion?retour=${encodeURIComponent(safeReturnPath(path))}`);
}

/** Where a person whose CGU acceptance is out of date goes before anything else in their space. */
export const CGU_ACCEPTANCE_PATH = "/conditions-generales/acceptation";

/**
 * The session of a person who has completed their first connection; otherwise a redirect. In their space, a
 * person must also have accepted the CGU version in force: a new version is asked for at the next request
 * (pass `cgu: false` only on the pages that ask for it).
 */
export async function requireSession(options: { step?: SessionStep | readonly SessionStep[]; cgu?: boolean } = {}): Promise<Session> {
  const session = await currentSession();
  if (!session) return loginRedirect();
  const wanted: readonly SessionStep[] = typeof options.step === "string" ? [options.step] : (options.step ?? ["espace"]);
  if (!wanted.includes(session.etape)) {
    redirect(session.etape === "premiere-connexion" ? "/premiere-connexion" : session.etape === "changement-mot-de-passe" ? "/mon-compte/mot-de-passe" : "/tableau-de-bord");
  }
  // In the space, the CGU in force come first. (The first-connection wizard asks for them itself, and a password
  // change required by the Caf comes before the space: the CGU are asked right after it.)
  if (session.etape === "espace" && options.cgu !== false && !(await hasAcceptedCurrentCgu(await db(), session.personneId))) {
    const path = (await headers()).get("x-pathname") ?? "/tableau-de-bord";
    redirect(`${CGU_ACCEPTANCE_PATH}?retour=${encodeURIComponent(safeReturnPath(path))}`);
  }
  return session;
}

/** Who may change their password: a person in their space, or one the Caf asked for a new password. */
export const PASSWORD_CHANGE_STEPS: readonly SessionStep[] = ["espace", "changement-mot-de-passe"];

/** Rewrites the current session's cookie with some claims changed (its clocks are kept). */
export async function updateSession(session: Session, changes: Partial<Pick<SessionClaims, "etape" | "versionSession">>): Promise<void> {
  const { nowSeconds: _now, ...claims } = session;
  const value = await encodeSession({ ...claims, ...changes, activiteA: nowSeconds() }, appConfig().authSecret);
  (await cookies()).set(SESSION_COOKIE, value, SESSION_COOKIE_OPTIONS);
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
