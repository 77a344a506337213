"use server";
import { newCodeDetails, type NewCodeAnswer } from "@/lib/verification/code-messages";
// The three steps of "Mot de passe oublié". Each action reads where the recovery stands from its cookie, delegates
// to lib/auth/recovery/password-recovery.ts, and answers with an ActionResult or a redirect to the next step.
import { deliverPasswordChangedNotices } from "@/lib/auth/password-replacement";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { formatLockoutEnd } from "@/lib/auth/login-throttle";
import {
  checkPasswordRecoveryCode,
  resendPasswordRecoveryCode,
  resetForgottenPassword,
  startPasswordRecovery,
  type IdentifierStepField,
  type NewPasswordField,
} from "@/lib/auth/recovery/password-recovery";
import { clearPasswordRecovery, savePasswordRecovery, type PasswordRecoveryState, type RecoveryStep } from "@/lib/auth/recovery/recovery-cookie";
import { RECOVERY_EXPIRED_PATH, requireAnonymous, requireRecoveryStep } from "@/lib/auth/guards";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { passwordValuesToKeep, type PasswordFormState } from "@/lib/forms/password-form-state";
import { deliverMessageNow } from "@/lib/messaging/deliver-outbox";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

const EXPIRED = RECOVERY_EXPIRED_PATH;

/** Nobody signed in, and the recovery at one of these steps. */
async function requireStep(...steps: RecoveryStep[]): Promise<PasswordRecoveryState> {
  await requireAnonymous();
  return requireRecoveryStep(...steps);
}

/** Delivers the code's message after the answer, so that the answer takes the same time whether or not one was sent. */
function deliverAfterAnswer(messageId: string | null): void {
  if (!messageId) return;
  after(async () => {
    await deliverMessageNow(await db(), createTransports(messagingConfig()), fieldKeysOf(appConfig()), messageId);
  });
}

// Step 1: the identifier and the confirmed contact detail.
export async function submitRecoveryIdentifier(_previous: ActionResult<IdentifierStepField>, formData: FormData): Promise<ActionResult<IdentifierStepField>> {
  await requireAnonymous();
  const raw = { identifiant: formData.get("identifiant"), contact: formData.get("contact") };
  const values = { identifiant: typeof raw.identifiant === "string" ? raw.identifiant.slice(0, 64) : "", contact: typeof raw.contact === "string" ? raw.contact.slice(0, 254) : "" };
  const outcome = await startPasswordRecovery(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), { ...raw, ip: await clientAddress() });
  if (!outcome.ok) {
    if (outcome.reason === "SAISIE_INVALIDE") return { status: "error", message: "Le formulaire contient une erreur.", fieldErrors: outcome.fieldErrors, values };
    if (outcome.reason === "ENVOI_REFUSE") return { status: "error", message: outcome.message, values };
    return { status: "error", message: `Trop de demandes depuis cet appareil. Par sécurité, réessayez après ${formatLockoutEnd(outcome.until)}.`, values };
  }
  await savePasswordRecovery({ debutLe: Date.now(), code: outcome.code });
  deliverAfterAnswer(outcome.messageId);
  redirect("/mot-de-passe-oublie/code");
}

// Step 2: one action for the code form and the "Recevoir un nouveau code" button, so that one answer is shown.
export async function submitCodeStep(_previous: NewCodeAnswer, formData: FormData): Promise<NewCodeAnswer> {
  return formData.get("intention") === "nouveau-code" ? resendRecoveryCode() : submitRecoveryCode(formData);
}

async function submitRecoveryCode(formData: FormData): Promise<ActionResult<"code">> {
  const state = await requireStep("code");
  const raw = formData.get("code");
  const result = await checkPasswordRecoveryCode(await db(), fieldKeysOf(appConfig()), { recovery: state.code!, code: typeof raw === "string" ? raw : "" });
  if (!result.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: result.message } };
  await savePasswordRecovery({ debutLe: state.debutLe, autorisation: { personneId: result.personneId, codeId: result.codeId } });
  redirect("/mot-de-passe-oublie/nouveau-mot-de-passe");
}

async function resendRecoveryCode(): Promise<NewCodeAnswer> {
  const state = await requireStep("code");
  const sent = await resendPasswordRecoveryCode(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), { recovery: state.code!, ip: await clientAddress() });
  if (!sent.ok) return { status: "error", message: sent.message };
  await savePasswordRecovery({ debutLe: state.debutLe, code: sent.code });
  deliverAfterAnswer(sent.messageId);
  // Without JavaScript the page is drawn again from the cookie: the new count and validity show at once.
  return {
    status: "info",
    message: "Si les informations saisies correspondent à un compte, un nouveau code vient d'être envoyé. Le précédent ne fonctionne plus.",
    ...newCodeDetails({ expireLe: new Date(sent.code.expireLe), nouveauxCodesRestants: sent.code.nouveauxCodesRestants }),
  };
}

// Step 4
export async function submitNewPassword(_previous: PasswordFormState<NewPasswordField>, formData: FormData): Promise<PasswordFormState<NewPasswordField>> {
  const state = await requireStep("nouveau-mot-de-passe");
  if (!state.autorisation) redirect(EXPIRED);
  const prisma = await db();
  const submitted = { nouveauMotDePasse: formData.get("nouveauMotDePasse"), confirmation: formData.get("confirmation") };
  const outcome = await resetForgottenPassword(prisma, fieldKeysOf(appConfig()), {
    personneId: state.autorisation.personneId,
    codeId: state.autorisation.codeId,
    ...submitted,
    ip: await clientAddress(),
  });
  if (!outcome.ok) {
    if (outcome.reason === "AUTORISATION_EXPIREE") {
      await clearPasswordRecovery();
      redirect(EXPIRED);
    }
    return {
      status: "error",
      message: "Le nouveau mot de passe n'a pas été enregistré.",
      fieldErrors: outcome.fieldErrors,
      reglesNonRespectees: outcome.reglesNonRespectees,
      // Only what the server accepted comes back (lib/forms/password-form-state.ts).
      values: passwordValuesToKeep(submitted, outcome.fieldErrors, { confirmation: "nouveauMotDePasse" }),
    };
  }
  // The notices go out after the answer; whatever fails is retried by the outbox worker.
  const notifications = outcome.notifications;
  after(() => deliverPasswordChangedNotices(prisma, fieldKeysOf(appConfig()), createTransports(messagingConfig()), notifications));
  await savePasswordRecovery({ debutLe: state.debutLe, termine: { suspendu: outcome.suspendu } });
  redirect("/mot-de-passe-oublie/modifie");
}
