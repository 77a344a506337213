// Where a "Mot de passe oublié" stands between its steps: a short-lived cookie, encrypted and signed with
// AUTH_SECRET by next-auth's JWT layer (its own salt, so it can never pass for a session): the browser can neither
// read nor change it. Until the code is typed right it holds the issued code's id and the contact detail the person
// typed (what the code is bound to), never whether an account matched; then the person's id. The whole recovery fits
// in 20 minutes.
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { appConfig } from "../../config/app-config";
import { PASSWORD_RECOVERY_MAX_AGE_MS, type RecoveryCode } from "./password-recovery";

export const PASSWORD_RECOVERY_COOKIE = "__Host-moncompte.mot-de-passe-oublie";
const SALT = "mon-compte.mot-de-passe-oublie";
const MAX_AGE_SECONDS = PASSWORD_RECOVERY_MAX_AGE_MS / 1000;
const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "lax" as const, path: "/" };

export type PasswordRecoveryState = {
  /** When step 1 was passed (ms): the recovery ends 20 minutes later, whatever happens in between. */
  debutLe: number;
  /** Step 2: the code issued, whether or not it was sent anywhere. */
  code?: RecoveryCode;
  /** Step 3: the person whose code was typed right, and that code, which authorises one password change. */
  autorisation?: { personneId: string; codeId: string };
  /** After step 3, for the last page only. */
  termine?: { suspendu: boolean };
};

export type RecoveryStep = "code" | "nouveau-mot-de-passe" | "termine" | "aucune";

export function recoveryStep(state: PasswordRecoveryState): RecoveryStep {
  if (state.termine) return "termine";
  if (state.autorisation) return "nouveau-mot-de-passe";
  if (state.code) return "code";
  return "aucune";
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
    if (!token || typeof token.debutLe !== "number") return null;
    if (now - token.debutLe > PASSWORD_RECOVERY_MAX_AGE_MS) return null;
    return token as unknown as PasswordRecoveryState;
  } catch {
    return null;
  }
}

export async function clearPasswordRecovery(): Promise<void> {
  (await cookies()).delete({ name: PASSWORD_RECOVERY_COOKIE, ...COOKIE_OPTIONS });
}
