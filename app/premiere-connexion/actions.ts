"use server";
import { newCodeDetails, type NewCodeAnswer } from "@/lib/verification/code-messages";
// The first-connection wizard's actions. Each one checks the session itself (a page check does not protect the
// actions it renders), and the service re-reads which steps are done: a step cannot be skipped by posting to it.
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import type { NewPasswordField } from "@/lib/auth/new-password";
import { requireSession } from "@/lib/auth/session";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { confirmContactCode, saveContacts, sendContactCode, type ContactField } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { passwordValuesToKeep, type PasswordFormState } from "@/lib/forms/password-form-state";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";
import { answerDelegation, chooseFirstPassword, finishContactsStep } from "@/lib/premiere-connexion/wizard-service";
import { loadWizardState } from "@/lib/premiere-connexion/wizard-state";
import { canOpenStep } from "@/lib/premiere-connexion/wizard-steps";
import { parseVerificationCode } from "@/lib/verification/code-schema";
import { goToNextWizardStep } from "./_lib/next-step";

async function actor() {
  const session = await requireSession({ step: "premiere-connexion" });
  return { session, actor: { personneId: session.personneId, compteId: session.sub, ip: await clientAddress() } };
}

const STEP_UNAVAILABLE = "Cette étape n'est pas encore accessible : terminez d'abord les étapes précédentes.";

/** The contact step's pages and actions need steps 1 and 2 done. */
async function requireContactStep(personneId: string): Promise<void> {
  const state = await loadWizardState(await db(), personneId);
  if (!state || !canOpenStep(state, "coordonnees")) redirect("/premiere-connexion");
}

// ── Step 2: the personal password ────────────────────────────────────────────────────────────────────────────

export async function submitFirstPassword(_previous: PasswordFormState<NewPasswordField>, formData: FormData): Promise<PasswordFormState<NewPasswordField>> {
  const { session, actor: who } = await actor();
  const submitted = { nouveauMotDePasse: formData.get("nouveauMotDePasse"), confirmation: formData.get("confirmation") };
  const outcome = await chooseFirstPassword(await db(), fieldKeysOf(appConfig()), { ...who, ...submitted });
  if (!outcome.ok) {
    if (outcome.reason === "ETAPE_INDISPONIBLE") return { status: "error", message: STEP_UNAVAILABLE };
    return {
      status: "error",
      message: "Le mot de passe n'a pas été enregistré.",
      fieldErrors: outcome.fieldErrors,
      reglesNonRespectees: outcome.reglesNonRespectees,
      // Only what the server accepted comes back (lib/forms/password-form-state.ts).
      values: passwordValuesToKeep(submitted, outcome.fieldErrors, { confirmation: "nouveauMotDePasse" }),
    };
  }
  return goToNextWizardStep(session, { versionSession: outcome.versionSession });
}

// ── Step 3: contact details ──────────────────────────────────────────────────────────────────────────────────

export async function submitContacts(_previous: ActionResult<ContactField>, formData: FormData): Promise<ActionResult<ContactField>> {
  const { actor: who } = await actor();
  await requireContactStep(who.personneId);
  const raw = { email: formData.get("email"), mobile: formData.get("mobile") };
  const values = { email: typeof raw.email === "string" ? raw.email.slice(0, 254) : "", mobile: typeof raw.mobile === "string" ? raw.mobile.slice(0, 32) : "" };
  const outcome = await saveContacts(await db(), fieldKeysOf(appConfig()), { ...who, ...raw });
  if (!outcome.ok) return { status: "error", message: outcome.message ?? "Vos coordonnées n'ont pas été enregistrées.", fieldErrors: outcome.fieldErrors, values };
  redirect("/premiere-connexion/coordonnees/confirmation");
}

const canalSchema = z.enum(["SMS", "EMAIL"], { error: "Le moyen de confirmation n'a pas été reconnu." });

/** "Confirmer maintenant" and "Recevoir un nouveau code": a code to the chosen contact detail. */
export async function requestContactCode(_previous: NewCodeAnswer, formData: FormData): Promise<NewCodeAnswer> {
  const { actor: who } = await actor();
  await requireContactStep(who.personneId);
  const canal = canalSchema.safeParse(formData.get("canal"));
  if (!canal.success) return { status: "error", message: canal.error.issues[0]!.message };
  const sent = await sendContactCode(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), { personneId: who.personneId, canal: canal.data, ip: who.ip });
  const page = `/premiere-connexion/coordonnees/code?canal=${canal.data.toLowerCase()}`;
  if (!sent.ok) {
    if (sent.reason === "AUCUNE_COORDONNEE" || sent.reason === "DEJA_CONFIRMEE") redirect("/premiere-connexion/coordonnees/confirmation");
    return { status: "error", message: sent.message };
  }
  const envoye = sent.statut === "ENVOYE";
  const envoi = envoye ? "" : sent.statut === "ECHEC_DEFINITIF" ? "&envoi=refuse" : "&envoi=differe";
  if (formData.get("intention") === "nouveau-code") {
    if (envoye) return { status: "info", message: `Un nouveau code vient de vous être envoyé. Le précédent ne fonctionne plus.`, ...newCodeDetails(sent) };
    return { status: "error", message: sent.raison ?? "Le code n'a pas pu être envoyé." };
  }
  redirect(`${page}${envoi}`);
}

export async function submitContactCode(_previous: ActionResult<"code">, formData: FormData): Promise<ActionResult<"code">> {
  const { actor: who } = await actor();
  await requireContactStep(who.personneId);
  const canal = canalSchema.safeParse(formData.get("canal"));
  if (!canal.success) return { status: "error", message: canal.error.issues[0]!.message };
  const raw = formData.get("code");
  const parsed = parseVerificationCode(typeof raw === "string" ? raw : "");
  if (!parsed.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: parsed.error } };
  const result = await confirmContactCode(await db(), fieldKeysOf(appConfig()), { ...who, canal: canal.data, code: parsed.value });
  if (!result.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: result.message } };
  redirect(`/premiere-connexion/coordonnees/confirmation?confirme=${canal.data.toLowerCase()}`);
}

/** "Continuer sans confirmer" / "Continuer": the step is done with the contact details as they are. */
export async function finishContacts(_previous: ActionResult, _formData: FormData): Promise<ActionResult> {
  const { session, actor: who } = await actor();
  const outcome = await finishContactsStep(await db(), who);
  if (!outcome.ok) return { status: "error", message: outcome.reason === "ETAPE_INDISPONIBLE" ? STEP_UNAVAILABLE : outcome.message };
  return goToNextWizardStep(session);
}

// ── Step 4: délégation (allocataire in a couple only) ────────────────────────────────────────────────────────

export async function submitDelegation(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { session, actor: who } = await actor();
  const choice = z.enum(["accorder", "plus-tard"], { error: "Choisissez de déléguer ou non la gestion de votre dossier." }).safeParse(formData.get("choix"));
  if (!choice.success) return { status: "error", message: choice.error.issues[0]!.message };
  const outcome = await answerDelegation(await db(), fieldKeysOf(appConfig()), { ...who, accorder: choice.data === "accorder" });
  if (!outcome.ok) return { status: "error", message: STEP_UNAVAILABLE };
  return goToNextWizardStep(session);
}

/** All steps done but the account not activated yet (e.g. the last answer was interrupted): finish now. */
export async function finishWizard(): Promise<void> {
  const { session } = await actor();
  await goToNextWizardStep(session);
}
