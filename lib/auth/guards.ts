// The guard family: the first call of every page and every server action, each for one kind of visitor.
//   requireSession()        a signed-in person (lib/auth/session.ts; the space also asks for the CGU in force)
//   requireCanActFor()      a signed-in person acting on a dossier or on their own data (lib/access)
//   requirePendingLogin()   a login waiting for its e-mail code (password right, session not open yet)
//   requireRecoveryStep()   a "Mot de passe oublié" at one of the given steps
//   requireAnonymous()      nobody signed in: the login and recovery pages and their actions
// Each one either returns what the caller may use, or redirects (or answers "page introuvable"): the caller never
// goes on without it. A page's guard does not protect the actions it renders: each action calls its own.
import "server-only";
import { redirect } from "next/navigation";
import { readPendingLogin, type PendingLogin } from "./pending-login";
import { readPasswordRecovery, recoveryStep, type PasswordRecoveryState, type RecoveryStep } from "./recovery/recovery-cookie";
import { currentSession, sessionHome } from "./session";

export { requireSession, type Session } from "./session";
export { requireCanActFor, SOI } from "../access/require-can-act-for";

/** Where a login whose pending step has ended (or never began) goes back to. */
export const PENDING_LOGIN_EXPIRED_PATH = "/connexion?raison=expiree";
/** Where a "Mot de passe oublié" that has ended (or never began) starts again. */
export const RECOVERY_EXPIRED_PATH = "/mot-de-passe-oublie?raison=expiree";
/** Where a signed-in person who opens a login or recovery page goes instead. */
export const SIGNED_IN_HOME = "/tableau-de-bord";

/** The login waiting for its e-mail code; without one (expired, never started, tampered), back to the login page. */
export async function requirePendingLogin(): Promise<PendingLogin> {
  const pending = await readPendingLogin();
  if (!pending) redirect(PENDING_LOGIN_EXPIRED_PATH);
  return pending;
}

/** The password recovery, if it stands at one of these steps; otherwise it starts again from step 1. */
export async function requireRecoveryStep(...steps: RecoveryStep[]): Promise<PasswordRecoveryState> {
  const state = await readPasswordRecovery();
  if (!state || !steps.includes(recoveryStep(state))) redirect(RECOVERY_EXPIRED_PATH);
  return state;
}

/**
 * For the pages and actions of someone not signed in (login, e-mail code, forgotten password or identifier): a
 * person whose session is open goes where that session leads (their space, or the step the Caf asks for first)
 * instead of signing in again over it. An ended or expired session counts as nobody.
 */
export async function requireAnonymous(): Promise<void> {
  const session = await currentSession();
  if (session) redirect(sessionHome(session.etape, SIGNED_IN_HOME));
}
