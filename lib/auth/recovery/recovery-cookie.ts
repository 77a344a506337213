// Where a "Mot de passe oublié" stands between its steps: a short-lived cookie, encrypted and signed with
// AUTH_SECRET by next-auth's JWT layer (its own salt, so it can never pass for a session). It holds the person's id
// and the chosen channel, never the identifier or a contact detail. The whole recovery fits in 20 minutes.
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { appConfig } from "../../config/app-config";
import type { CanalCode } from "../../verification/code-messages";
import { PASSWORD_RECOVERY_MAX_AGE_MS } from "./password-recovery";

export const PASSWORD_RECOVERY_COOKIE = "__Host-moncompte.mot-de-passe-oublie";
const SALT = "mon-compte.mot-de-passe-oublie";
const MAX_AGE_SECONDS = PASSWORD_RECOVERY_MAX_AGE_MS / 1000;
const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "lax" as const, path: "/" };

export type PasswordRecoveryState = {
  /** When step 1 was passed (ms): the recovery ends 20 minutes later, whatever happens in between. */
  debutLe: number;
  /** Null when there is nothing to offer (the person sees the same screens, with nothing to choose). */
  personneId: string | null;
  /** Step 3 onwards: the channel the code was sent through. */
  canal?: CanalCode;
  expireLe?: number;
  nouveauxCodesRestants?: number;
  /** Said on the code screen when the code has not gone yet (RAISON_CODE_DIFFERE…). */
  avertissement?: string;
  /** Step 4: the code that was typed right, which authorises one password change. */
  codeId?: string;
  /** After step 4, for the last page only. */
  termine?: { suspendu: boolean };
};

export type RecoveryStep = "choix" | "code" | "nouveau-mot-de-passe" | "termine";

export function recoveryStep(state: PasswordRecoveryState): RecoveryStep {
  if (state.termine) return "termine";
  if (state.codeId) return "nouveau-mot-de-passe";
  if (state.canal) return "code";
  return "choix";
}

export async function savePasswordRecovery(state: PasswordRecoveryState): Promise<void> {
  const value = await encode({ token: state, secret: appConfig().authSecret, salt: SALT, maxAge: MAX_AGE_SECONDS });
  (await cookies()).set(PASSWORD_RECOVERY_COOKIE, value, { ...COOKIE_OPTIONS, maxAge: MAX_AGE_SECONDS });
}

export async function readPasswordRecovery(now = Date.now()): Promise<PasswordRecoveryState | null> {
  const value = (await cookies()).get(PASSWORD_RECOVERY_COOKIE)?.value;
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: appConfig().authSecret, salt: SALT });
    if (!token || typeof token.debutLe !== "number" || !("personneId" in token)) return null;
    if (now - token.debutLe > PASSWORD_RECOVERY_MAX_AGE_MS) return null;
    return token as unknown as PasswordRecoveryState;
  } catch {
    return null;
  }
}

export async function clearPasswordRecovery(): Promise<void> {
  (await cookies()).delete({ name: PASSWORD_RECOVERY_COOKIE, ...COOKIE_OPTIONS });
}
