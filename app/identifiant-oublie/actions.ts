"use server";
// "Identifiant oublié": one form, one answer that is the same whether or not anything was sent.
import { after } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { requireAnonymous } from "@/lib/auth/guards";
import { formatLockoutEnd } from "@/lib/auth/login-throttle";
import { recoverIdentifier, type IdentifierRecoveryField } from "@/lib/auth/recovery/identifier-recovery";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { deliverMessageNow } from "@/lib/messaging/deliver-outbox";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

const FIELDS: readonly IdentifierRecoveryField[] = ["nomNaissance", "prenom", "jour", "mois", "annee", "contact"];

export async function submitIdentifierRecovery(
  _previous: ActionResult<IdentifierRecoveryField>,
  formData: FormData,
): Promise<ActionResult<IdentifierRecoveryField>> {
  await requireAnonymous();
  const raw = Object.fromEntries(FIELDS.map((field) => [field, formData.get(field)])) as Record<IdentifierRecoveryField, FormDataEntryValue | null>;
  const values = Object.fromEntries(FIELDS.map((field) => [field, typeof raw[field] === "string" ? (raw[field] as string).slice(0, 300) : ""]));
  const keys = fieldKeysOf(appConfig());
  const prisma = await db();
  const outcome = await recoverIdentifier(prisma, keys, { ...raw, ip: await clientAddress() });
  if (!outcome.ok) {
    if (outcome.reason === "SAISIE_INVALIDE") return { status: "error", message: "Le formulaire contient des erreurs.", fieldErrors: outcome.fieldErrors, values };
    return { status: "error", message: `Trop de demandes depuis cet appareil. Par sécurité, réessayez après ${formatLockoutEnd(outcome.until)}.`, values };
  }
  // Delivered after the answer, so that the answer takes the same time whether or not a message was queued; the
  // outbox worker retries whatever does not go now.
  const messageId = outcome.messageId;
  if (messageId) after(() => deliverMessageNow(prisma, createTransports(messagingConfig()), keys, messageId).then(() => undefined));
  const where = outcome.canal === "SMS" ? `par SMS au ${outcome.destination}` : `par courriel à ${outcome.destination}`;
  return {
    status: "success",
    message: `Si ces informations correspondent à un espace Mon Compte, votre identifiant vient d'être envoyé ${where}. Sans message d'ici quelques minutes, contactez votre Caf.`,
  };
}
