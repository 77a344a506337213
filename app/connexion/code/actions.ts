"use server";
// Second step of a login with double authentification: the e-mail code.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { journal } from "@/lib/audit/journal";
import { clientAddress } from "@/lib/auth/client-address";
import { KNOWN_BROWSER_COOKIE, KNOWN_BROWSER_DAYS, rememberBrowser } from "@/lib/auth/known-browser";
import { clearPendingLogin, savePendingLogin } from "@/lib/auth/pending-login";
import { PENDING_LOGIN_EXPIRED_PATH, requireAnonymous, requirePendingLogin } from "@/lib/auth/guards";
import { checkSecondFactorCode, secondFactorTarget, sendSecondFactorCode } from "@/lib/auth/second-factor";
import { openSession, sessionHome } from "@/lib/auth/session";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { newCodeDetails, type NewCodeAnswer } from "@/lib/verification/code-messages";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";
import { parseVerificationCode } from "@/lib/verification/code-schema";

type Field = "code";

export async function submitSecondFactor(_previous: ActionResult<Field>, formData: FormData): Promise<ActionResult<Field>> {
  await requireAnonymous();
  const pending = await requirePendingLogin();
  const raw = formData.get("code");
  const parsed = parseVerificationCode(typeof raw === "string" ? raw : "");
  if (!parsed.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: parsed.error } };

  const prisma = await db();
  const canal = pending.canal ?? "EMAIL";
  const email = await secondFactorTarget(prisma, fieldKeysOf(appConfig()), pending.personneId, canal);
  if (!email) redirect(PENDING_LOGIN_EXPIRED_PATH);
  const result = await checkSecondFactorCode(prisma, fieldKeysOf(appConfig()), { personneId: pending.personneId, email, canal, code: parsed.value });
  if (!result.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: result.message } };

  const now = new Date();
  const claims = {
    sub: pending.sub,
    personneId: pending.personneId,
    versionSession: pending.versionSession,
    methode: pending.methode,
    etape: pending.etape,
    connexionPrecedente: pending.connexionPrecedente,
  };
  await clearPendingLogin();
  await openSession(claims);
  if (formData.get("seSouvenir") === "oui") {
    const remembered = await rememberBrowser(prisma, pending.personneId, now);
    (await cookies()).set(KNOWN_BROWSER_COOKIE, remembered.token, {
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      path: "/",
      maxAge: KNOWN_BROWSER_DAYS * 86_400,
    });
  }
  await journal(prisma, { type: "DOUBLE_AUTHENTIFICATION_REUSSIE", acteur: pending.personneId, sujetId: pending.personneId, ip: await clientAddress() });
  redirect(sessionHome(claims.etape, pending.retour));
}

/**
 * "Recevoir un nouveau code", on the channel of the code asked for, or (canal=SMS) the code by SMS instead, to the
 * person's confirmed mobile. The target is always read again from the database, never taken from the form.
 */
export async function resendSecondFactor(_previous: NewCodeAnswer, formData: FormData): Promise<NewCodeAnswer> {
  await requireAnonymous();
  const pending = await requirePendingLogin();
  const prisma = await db();
  const canal = formData.get("canal") === "SMS" ? "SMS" : (pending.canal ?? "EMAIL");
  const cible = await secondFactorTarget(prisma, fieldKeysOf(appConfig()), pending.personneId, canal);
  if (!cible) {
    if (canal === "SMS") return { status: "error", message: "Aucun numéro de mobile confirmé n'est enregistré dans votre espace." };
    redirect(PENDING_LOGIN_EXPIRED_PATH);
  }
  const sent = await sendSecondFactorCode(prisma, fieldKeysOf(appConfig()), createTransports(messagingConfig()), { personneId: pending.personneId, email: cible, canal, ip: await clientAddress() });
  if (!sent.ok) return { status: "error", message: sent.message };
  await savePendingLogin({ ...pending, canal, destination: sent.destination, expireLe: sent.expireLe.getTime(), nouveauxCodesRestants: sent.nouveauxCodesRestants });
  const switched = canal !== (pending.canal ?? "EMAIL");
  return {
    status: "info",
    message: sent.statut === "ENVOYE"
      ? switched
        ? `Un code vient de vous être envoyé par SMS au ${sent.destination}. Saisissez ce code : celui envoyé par courriel ne sert plus.`
        : `Un nouveau code vient de vous être envoyé à ${sent.destination}. Le précédent ne fonctionne plus.`
      : (sent.raison ?? "Le code n'a pas pu être envoyé pour l'instant : il vous parviendra dès que possible."),
    ...newCodeDetails(sent),
  };
}
