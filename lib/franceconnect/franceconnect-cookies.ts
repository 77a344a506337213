// The short-lived cookies of the FranceConnect flow, all encrypted and signed with AUTH_SECRET by next-auth's JWT
// layer, each under its own salt (none can pass for another, or for a session), HttpOnly, __Host-:
//   - the login in progress: state and nonce, 10 minutes;
//   - the FranceConnect session: the id_token, kept for the id_token_hint of the logout, 12 hours like a session;
//   - the logout in progress: its state, 10 minutes;
//   - the identity FranceConnect gave when it matched nobody, to prefill "Créer mon espace", 30 minutes.
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { appConfig } from "../config/app-config";
import { ABSOLUTE_TIMEOUT_SECONDS } from "../auth/session-token";
import { z } from "zod";
import type { FranceConnectProfile } from "./provider";

type CookieKind = {
  name: string;
  salt: string;
  maxAge: number;
};

const KINDS = {
  flow: { name: "__Host-moncompte.franceconnect", salt: "mon-compte.franceconnect.connexion", maxAge: 10 * 60 },
  session: { name: "__Host-moncompte.franceconnect-session", salt: "mon-compte.franceconnect.session", maxAge: ABSOLUTE_TIMEOUT_SECONDS },
  logout: { name: "__Host-moncompte.franceconnect-deconnexion", salt: "mon-compte.franceconnect.deconnexion", maxAge: 10 * 60 },
  identity: { name: "__Host-moncompte.identite-franceconnect", salt: "mon-compte.franceconnect.identite", maxAge: 30 * 60 },
} satisfies Record<string, CookieKind>;

export type FlowState = { state: string; nonce: string };
export type FranceConnectSessionState = { idToken: string; personneId: string };
export type LogoutState = { state: string };
export type PrefillIdentity = Omit<FranceConnectProfile, "sub">;

type Values = { flow: FlowState; session: FranceConnectSessionState; logout: LogoutState; identity: PrefillIdentity };

// What a cookie must hold to be used at all (it was sealed by us, but an older version of the portal may have).
const SCHEMAS = {
  flow: z.object({ state: z.string().min(32), nonce: z.string().min(64) }),
  session: z.object({ idToken: z.string().min(1), personneId: z.string().min(1) }),
  logout: z.object({ state: z.string().min(32) }),
  identity: z.object({
    given_name: z.string(),
    family_name: z.string(),
    birthdate: z.string(),
    gender: z.enum(["male", "female"]),
    birthplace: z.string(),
    birthcountry: z.string(),
    preferred_username: z.string().optional(),
  }),
} satisfies { [K in keyof Values]: z.ZodType<Values[K]> };

const OPTIONS = { httpOnly: true, secure: true, sameSite: "lax" as const, path: "/" };

/** A random value for state (256 bits, 43 characters) or nonce (512 bits, 86 characters: FranceConnect wants ≥ 64). */
export function randomState(): string {
  return randomBytes(32).toString("base64url");
}
export function randomNonce(): string {
  return randomBytes(64).toString("base64url");
}

export function sealFranceConnectCookie<K extends keyof Values>(kind: K, value: Values[K], secret: string): Promise<string> {
  const { salt, maxAge } = KINDS[kind];
  return encode({ token: value as unknown as Record<string, unknown>, secret, salt, maxAge });
}

export async function unsealFranceConnectCookie<K extends keyof Values>(kind: K, sealed: string | undefined, secret: string): Promise<Values[K] | null> {
  if (!sealed) return null;
  try {
    const token = await decode({ token: sealed, secret, salt: KINDS[kind].salt });
    const parsed = SCHEMAS[kind].safeParse(token);
    return parsed.success ? (parsed.data as Values[K]) : null;
  } catch {
    return null;
  }
}

export async function writeFranceConnectCookie<K extends keyof Values>(kind: K, value: Values[K]): Promise<void> {
  const sealed = await sealFranceConnectCookie(kind, value, appConfig().authSecret);
  (await cookies()).set(KINDS[kind].name, sealed, { ...OPTIONS, maxAge: KINDS[kind].maxAge });
}

export async function readFranceConnectCookie<K extends keyof Values>(kind: K): Promise<Values[K] | null> {
  return unsealFranceConnectCookie(kind, (await cookies()).get(KINDS[kind].name)?.value, appConfig().authSecret);
}

export async function clearFranceConnectCookie(kind: keyof Values): Promise<void> {
  (await cookies()).delete({ name: KINDS[kind].name, ...OPTIONS });
}
