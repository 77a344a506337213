"use server";
// Login form action: validation, throttling and the password check happen in authenticateWithPassword;
// this action only turns the outcome into a session or a message.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { KNOWN_BROWSER_COOKIE } from "@/lib/auth/known-browser";
import { savePendingLogin } from "@/lib/auth/pending-login";
import { beginSecondFactorIfNeeded } from "@/lib/auth/second-factor";
import { requireAnonymous } from "@/lib/auth/guards";
import type { SessionClaims } from "@/lib/auth/session-token";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";
import { deliverMessageNow } from "@/lib/messaging/deliver-outbox";
import { authenticateWithPassword } from "@/lib/auth/authenticate-password";
import { clientAddress, clientUserAgent } from "@/lib/auth/client-address";
import { formatLockoutEnd } from "@/lib/auth/login-throttle";
import { safeReturnPath } from "@/lib/auth/return-path";
import { openSession, sessionHome } from "@/lib/auth/session";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { GENERIC_LOGIN_FAILURE, PROTECTED_LOGIN_CODE_SENT, lastTryWarning, lockoutMessage, provisionalIdentifierReplaced, type LoginActionResult } from "@/lib/auth/login-messages";

export async function submitLogin(_previous: LoginActionResult, formData: FormData): Promise<LoginActionResult> {
  await requireAnonymous();
  const identifiantSaisi = formData.get("identifiant");
  const values = { identifiant: typeof identifiantSaisi === "string" ? identifiantSaisi.slice(0, 64) : "" };
  const keys = fieldKeysOf(appConfig());
  const prisma = await db();
  const outcome = await authenticateWithPassword(
    prisma,
    keys,
    {
      identifiant: identifiantSaisi,
      motDePasse: formData.get("motDePasse"),
      code: formData.get("code") ?? undefined,
      ip: await clientAddress(),
      userAgent: await clientUserAgent(),
    },
  );
  // Once a protected account asked for a code, the form keeps showing the code field (an empty "code" value).
  const withCode = { ...values, code: "" };
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "SAISIE_INVALIDE":
        return { status: "error", message: "Le formulaire contient des erreurs.", fieldErrors: outcome.fieldErrors, values };
      case "LIMITE_ATTEINTE":
        return { status: "error", message: lockoutMessage(formatLockoutEnd(outcome.until)), values, motDePasseOublie: true };
      case "IDENTIFIANTS_INCORRECTS":
        return {
          status: "error",
          message: outcome.lastTry ? lastTryWarning(outcome.lastTry.lockoutMinutes) : GENERIC_LOGIN_FAILURE,
          values: formData.has("code") ? withCode : values,
          ...(outcome.lastTry ? { motDePasseOublie: true } : {}),
        };
      case "CODE_REQUIS":
        if (outcome.messageId) await deliverMessageNow(prisma, createTransports(messagingConfig()), keys, outcome.messageId).catch(() => undefined);
        return { status: "info", message: outcome.message ?? PROTECTED_LOGIN_CODE_SENT, values: withCode };
      case "CODE_INCORRECT":
        return { status: "error", message: "Le formulaire contient des erreurs.", fieldErrors: { code: outcome.message }, values: withCode };
      case "IDENTIFIANT_PROVISOIRE_REMPLACE":
        return { status: "error", message: provisionalIdentifierReplaced(outcome.since), values: { ...values, identifiant: "" } };
    }
  }
  const claims: Omit<SessionClaims, "authentifieA" | "activiteA"> = {
    sub: outcome.compteId,
    personneId: outcome.personneId,
    versionSession: outcome.versionSession,
    methode: outcome.kind === "bascule" ? "MOT_DE_PASSE_DOSSIER" : "MOT_DE_PASSE",
    etape: outcome.activationPending ? "premiere-connexion" : outcome.mustChangePassword ? "changement-mot-de-passe" : "espace",
    connexionPrecedente: outcome.previousConnection?.getTime() ?? null,
  };
  const retour = safeReturnPath(formData.get("retour"));

  // Double authentification (lib/auth/second-factor.ts decides): the e-mail code comes before the session.
  const secondFactor = await beginSecondFactorIfNeeded(prisma, keys, createTransports(messagingConfig()), {
    personneId: outcome.personneId,
    kind: outcome.kind,
    codeProven: outcome.codeProven,
    browserToken: (await cookies()).get(KNOWN_BROWSER_COOKIE)?.value,
    ip: await clientAddress(),
  });
  if (secondFactor.required) {
    const sent = secondFactor.sent;
    if (!sent.ok) return { status: "error", message: sent.message, values };
    await savePendingLogin({
      ...claims,
      destination: sent.destination,
      expireLe: sent.expireLe.getTime(),
      nouveauxCodesRestants: sent.nouveauxCodesRestants,
      retour,
    });
    redirect(sent.statut === "ENVOYE" ? "/connexion/code" : "/connexion/code?envoi=differe");
  }

  await openSession(claims);
  redirect(sessionHome(claims.etape, retour));
}
