"use server";
// The four steps of "Mot de passe oublié". Each action reads where the recovery stands from its cookie, delegates
// to lib/auth/recovery/password-recovery.ts, and answers with an ActionResult or a redirect to the next step.
import { deliverPasswordChangedNotices } from "@/lib/auth/password-replacement";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { formatLockoutEnd } from "@/lib/auth/login-throttle";
import {
  checkPasswordRecoveryCode,
  resetForgottenPassword,
  sendPasswordRecoveryCode,
  startPasswordRecovery,
  type IdentifierStepField,
  type NewPasswordField,
} from "@/lib/auth/recovery/password-recovery";
import { clearPasswordRecovery, readPasswordRecovery, recoveryStep, savePasswordRecovery, type PasswordRecoveryState } from "@/lib/auth/recovery/recovery-cookie";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

const EXPIRED = "/mot-de-passe-oublie?raison=expiree";

async function requireState(...steps: ReturnType<typeof recoveryStep>[]): Promise<PasswordRecoveryState> {
  const state = await readPasswordRecovery();
  if (!state || !steps.includes(recoveryStep(state))) redirect(EXPIRED);
  return state;
}

// Step 1
export async function submitRecoveryIdentifier(_previous: ActionResult<IdentifierStepField>, formData: FormData): Promise<ActionResult<IdentifierStepField>> {
  const raw = formData.get("identifiant");
  const values = { identifiant: typeof raw === "string" ? raw.slice(0, 64) : "" };
  const outcome = await startPasswordRecovery(await db(), fieldKeysOf(appConfig()), { identifiant: raw, ip: await clientAddress() });
  if (!outcome.ok) {
    if (outcome.reason === "SAISIE_INVALIDE") return { status: "error", message: "Le formulaire contient une erreur.", fieldErrors: outcome.fieldErrors, values };
    return { status: "error", message: `Trop de demandes depuis cet appareil. Par sécurité, réessayez après ${formatLockoutEnd(outcome.until)}.`, values };
  }
  await savePasswordRecovery({ debutLe: Date.now(), personneId: outcome.personneId });
  redirect("/mot-de-passe-oublie/choix");
}

// Step 2
export async function chooseRecoveryChannel(_previous: ActionResult<"canal">, formData: FormData): Promise<ActionResult<"canal">> {
  const state = await requireState("choix", "code", "nouveau-mot-de-passe");
  const canal = formData.get("canal");
  if (canal !== "SMS" && canal !== "EMAIL") {
    return { status: "error", message: "Le formulaire contient une erreur.", fieldErrors: { canal: "Choisissez où recevoir le code de vérification." } };
  }
  const sent = await sendPasswordRecoveryCode(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), { personneId: state.personneId, canal });
  if (!sent.ok) return { status: "error", message: sent.message };
  await savePasswordRecovery({
    debutLe: state.debutLe,
    personneId: state.personneId,
    canal,
    expireLe: sent.expireLe.getTime(),
    nouveauxCodesRestants: sent.nouveauxCodesRestants,
    ...(sent.raison ? { avertissement: sent.raison } : {}),
  });
  redirect("/mot-de-passe-oublie/code");
}

// Step 3: one action for the code form and the "Recevoir un nouveau code" button, so that one answer is shown.
export async function submitCodeStep(_previous: ActionResult<"code">, formData: FormData): Promise<ActionResult<"code">> {
  return formData.get("intention") === "nouveau-code" ? resendRecoveryCode() : submitRecoveryCode(formData);
}

async function submitRecoveryCode(formData: FormData): Promise<ActionResult<"code">> {
  const state = await requireState("code");
  const raw = formData.get("code");
  const result = await checkPasswordRecoveryCode(await db(), fieldKeysOf(appConfig()), { personneId: state.personneId, canal: state.canal!, code: typeof raw === "string" ? raw : "" });
  if (!result.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: result.message } };
  await savePasswordRecovery({ debutLe: state.debutLe, personneId: state.personneId, canal: state.canal, codeId: result.codeId });
  redirect("/mot-de-passe-oublie/nouveau-mot-de-passe");
}

async function resendRecoveryCode(): Promise<ActionResult<"code">> {
  const state = await requireState("code");
  const sent = await sendPasswordRecoveryCode(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), { personneId: state.personneId, canal: state.canal! });
  if (!sent.ok) return { status: "error", message: sent.message };
  await savePasswordRecovery({
    debutLe: state.debutLe,
    personneId: state.personneId,
    canal: state.canal,
    expireLe: sent.expireLe.getTime(),
    nouveauxCodesRestants: sent.nouveauxCodesRestants,
    ...(sent.raison ? { avertissement: sent.raison } : {}),
  });
  // Without JavaScript the page is drawn again from the cookie: the new count and validity show at once.
  const where = state.canal === "SMS" ? `par SMS au ${sent.destination}` : `par courriel à ${sent.destination}`;
  return { status: "info", message: sent.raison ?? `Un nouveau code vient de vous être envoyé ${where}. Le précédent ne fonctionne plus.` };
}

/** "Modifier mon choix": back to step 2. */
export async function changeRecoveryChannel(): Promise<void> {
  const state = await requireState("choix", "code");
  await savePasswordRecovery({ debutLe: state.debutLe, personneId: state.personneId });
  redirect("/mot-de-passe-oublie/choix");
}

// Step 4
export async function submitNewPassword(_previous: ActionResult<NewPasswordField>, formData: FormData): Promise<ActionResult<NewPasswordField>> {
  const state = await requireState("nouveau-mot-de-passe");
  if (!state.personneId || !state.codeId) redirect(EXPIRED);
  const prisma = await db();
  const outcome = await resetForgottenPassword(prisma, fieldKeysOf(appConfig()), {
    personneId: state.personneId,
    codeId: state.codeId,
    nouveauMotDePasse: formData.get("nouveauMotDePasse"),
    confirmation: formData.get("confirmation"),
    ip: await clientAddress(),
  });
  if (!outcome.ok) {
    if (outcome.reason === "AUTORISATION_EXPIREE") {
      await clearPasswordRecovery();
      redirect(EXPIRED);
    }
    return { status: "error", message: "Le nouveau mot de passe n'a pas été enregistré.", fieldErrors: outcome.fieldErrors };
  }
  // The notices go out after the answer; whatever fails is retried by the outbox worker.
  const notifications = outcome.notifications;
  after(() => deliverPasswordChangedNotices(prisma, fieldKeysOf(appConfig()), createTransports(messagingConfig()), notifications));
  await savePasswordRecovery({ debutLe: state.debutLe, personneId: null, termine: { suspendu: outcome.suspendu } });
  redirect("/mot-de-passe-oublie/modifie");
}
