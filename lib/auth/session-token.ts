// The session cookie: a next-auth JWT (encrypted and signed with AUTH_SECRET) in a __Host- cookie.
// It holds who is signed in and when; whether it is still valid is checked against the database on every
// request (account state and session version), so logout, a password change or a suspension end it at once.
import { decode, encode } from "next-auth/jwt";

export const SESSION_COOKIE = "__Host-moncompte.session";
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
/** The idle clock is refreshed at most this often (each refresh rewrites the cookie). */
export const ACTIVITY_REFRESH_SECONDS = 60;

export type SessionStep = "espace" | "premiere-connexion" | "changement-mot-de-passe";

export type SessionClaims = {
  /** Compte id. */
  sub: string;
  personneId: string;
  versionSession: number;
  methode: "MOT_DE_PASSE" | "MOT_DE_PASSE_DOSSIER" | "FRANCECONNECT";
  /** Where the person may go: their space, or only the first-connection wizard / the password change. */
  etape: SessionStep;
  /** Seconds since the epoch: when the person authenticated, and their last activity. */
  authentifieA: number;
  activiteA: number;
  /** The connection before this one (ms since the epoch), shown on the tableau de bord. */
  connexionPrecedente: number | null;
};

export const SESSION_COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "lax" as const, path: "/" };

export function encodeSession(claims: SessionClaims, secret: string): Promise<string> {
  return encode({ token: claims, secret, maxAge: ABSOLUTE_TIMEOUT_SECONDS });
}

export async function decodeSession(value: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret });
    if (!token || typeof token.sub !== "string" || typeof token.personneId !== "string" || typeof token.versionSession !== "number") return null;
    return token as unknown as SessionClaims;
  } catch {
    return null;
  }
}

/** Why a session is no longer usable, judged on its clocks alone (the database check comes after). */
export function sessionExpiry(claims: SessionClaims, nowSeconds: number): "inactivite" | "duree" | null {
  if (nowSeconds - claims.authentifieA >= ABSOLUTE_TIMEOUT_SECONDS) return "duree";
  if (nowSeconds - claims.activiteA >= IDLE_TIMEOUT_SECONDS) return "inactivite";
  return null;
}
