"use server";
import { newCodeDetails, type NewCodeAnswer } from "@/lib/verification/code-messages";
// "Mes coordonnées" actions. Each one goes through requireCanActFor(SOI, "MODIFIER_SES_COORDONNEES") itself: the
// person acted for is the session's, never a form field (the "coordonnee" field only says which of one's own contact
// details, e-mail or mobile, the form is about).
import { redirect } from "next/navigation";
import { SOI, requireCanActFor } from "@/lib/access/require-can-act-for";
import { clientAddress } from "@/lib/auth/client-address";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import {
  cancelContactChange,
  confirmContactChange,
  parseContactType,
  removeContact,
  requestContactChange,
  resendContactChangeCode,
} from "@/lib/contacts/contact-change";
import type { ContactField, ContactType } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";
import { parseVerificationCode } from "@/lib/verification/verification-engine";

const slug = (type: ContactType) => (type === "EMAIL" ? "email" : "mobile");
const codePage = (type: ContactType) => `/mon-compte/coordonnees/code?coordonnee=${slug(type)}`;

async function context() {
  const { grant } = await requireCanActFor(SOI, "MODIFIER_SES_COORDONNEES");
  return { grant, database: await db(), keys: fieldKeysOf(appConfig()), ip: await clientAddress() };
}

/** "Recevoir un code de confirmation": the new value is kept aside and a code goes to it. */
export async function submitContactChange(_previous: ActionResult<ContactField>, formData: FormData): Promise<ActionResult<ContactField>> {
  const { grant, database, keys, ip } = await context();
  const type = formData.get("coordonnee");
  const field: ContactField = type === "MOBILE" ? "mobile" : "email";
  const typed = formData.get(field);
  const outcome = await requestContactChange(database, keys, createTransports(messagingConfig()), grant, { type, value: typed, ip });
  if (!outcome.ok) {
    return {
      status: "error",
      message: "Vos coordonnées n'ont pas été modifiées.",
      ...(outcome.field ? { fieldErrors: { [outcome.field]: outcome.message } } : { message: `Vos coordonnées n'ont pas été modifiées : ${outcome.message}` }),
      values: typeof typed === "string" ? { [field]: typed.slice(0, 254) } : {},
    };
  }
  const sent = outcome.envoi;
  if (!sent.ok) {
    return { status: "error", message: `La nouvelle valeur est en attente, mais aucun code n'a pu lui être envoyé : ${sent.message}` };
  }
  const envoi = sent.statut === "ENVOYE" ? "" : sent.statut === "ECHEC_DEFINITIF" ? "&envoi=refuse" : "&envoi=differe";
  redirect(`${codePage(outcome.type)}${envoi}`);
}

/** The 6-digit code that confirms the pending value. */
export async function submitContactChangeCode(_previous: ActionResult<"code">, formData: FormData): Promise<ActionResult<"code">> {
  const { grant, database, keys, ip } = await context();
  const type = parseContactType(formData.get("coordonnee"));
  if (!type.ok) return { status: "error", message: type.message };
  const raw = formData.get("code");
  const parsed = parseVerificationCode(typeof raw === "string" ? raw : "");
  if (!parsed.ok) return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: parsed.error } };
  const outcome = await confirmContactChange(database, keys, createTransports(messagingConfig()), grant, { type: type.type, code: parsed.value, ip });
  if (!outcome.ok) {
    if (outcome.reason === "AUCUN_CHANGEMENT") redirect("/mon-compte/coordonnees");
    return { status: "error", message: "Le code n'a pas pu être vérifié.", fieldErrors: { code: outcome.message } };
  }
  redirect(`/mon-compte/coordonnees?confirme=${slug(type.type)}`);
}

/** "Recevoir un nouveau code". */
export async function resendContactChangeCodeAction(_previous: NewCodeAnswer, formData: FormData): Promise<NewCodeAnswer> {
  const { grant, database, keys, ip } = await context();
  const type = parseContactType(formData.get("coordonnee"));
  if (!type.ok) return { status: "error", message: type.message };
  const sent = await resendContactChangeCode(database, keys, createTransports(messagingConfig()), grant, { type: type.type, ip });
  if (!sent.ok) {
    if (sent.reason === "AUCUN_CHANGEMENT") redirect("/mon-compte/coordonnees");
    return { status: "error", message: sent.message };
  }
  if (sent.statut === "ENVOYE") return { status: "info", message: "Un nouveau code vient de vous être envoyé. Le précédent ne fonctionne plus.", ...newCodeDetails(sent) };
  return { status: "error", message: sent.raison ?? "Le code n'a pas pu être envoyé." };
}

/** "Annuler ce changement": the pending value is dropped, the confirmed one stays. */
export async function cancelContactChangeAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { grant, database } = await context();
  const type = parseContactType(formData.get("coordonnee"));
  if (!type.ok) return { status: "error", message: type.message };
  await cancelContactChange(database, grant, { type: type.type });
  redirect(`/mon-compte/coordonnees?annule=${slug(type.type)}`);
}

/** "Retirer": allowed while another confirmed contact detail remains. */
export async function removeContactAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { grant, database, keys, ip } = await context();
  const type = parseContactType(formData.get("coordonnee"));
  if (!type.ok) return { status: "error", message: type.message };
  const outcome = await removeContact(database, keys, createTransports(messagingConfig()), grant, { type: type.type, ip });
  if (!outcome.ok) return { status: "error", message: outcome.message };
  redirect(`/mon-compte/coordonnees?retire=${slug(type.type)}`);
}
