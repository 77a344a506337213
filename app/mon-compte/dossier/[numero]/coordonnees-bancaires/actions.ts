"use server";
import { newCodeDetails, type NewCodeAnswer } from "@/lib/verification/code-messages";
// The bank details démarche's actions. Each one asks requireCanActFor itself (a page check does not protect the
// actions it renders): the numéro in the form only says which dossier is meant; whether this person may change its
// bank details is decided from the session and the database. A refusal journals ACCES_REFUSE and answers "page
// introuvable", exactly like a dossier that does not exist.
import { redirect } from "next/navigation";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { clientAddress } from "@/lib/auth/client-address";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import {
  confirmBankDetailsChange,
  deliverBankDetailsNotices,
  requestBankDetailsChange,
  resendBankDetailsCode,
} from "@/lib/coordonnees-bancaires/bank-details-service";
import type { BankField } from "@/lib/coordonnees-bancaires/validation";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

const pathOf = (numero: string) => `/mon-compte/dossier/${numero}/coordonnees-bancaires`;
const typed = (value: FormDataEntryValue | null, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export async function submitBankDetails(_previous: ActionResult<BankField>, formData: FormData): Promise<ActionResult<BankField>> {
  const { grant } = await requireCanActFor(formData.get("numero"), "FAIRE_DEMARCHES");
  const numero = grant.dossier.numeroAllocataire;
  const outcome = await requestBankDetailsChange(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), grant, {
    iban: formData.get("iban"),
    bic: formData.get("bic"),
    titulaire: formData.get("titulaire"),
    canal: formData.get("canal"),
    ip: await clientAddress(),
  });
  if (!outcome.ok) {
    // What was typed goes back into the visible fields only, to be corrected.
    const values = { iban: typed(formData.get("iban"), 60), bic: typed(formData.get("bic"), 20), titulaire: typed(formData.get("titulaire"), 80) };
    if (outcome.reason === "SAISIE_INVALIDE") {
      return { status: "error", message: "Les coordonnées bancaires n'ont pas été modifiées : le formulaire contient des erreurs.", fieldErrors: outcome.fieldErrors, values };
    }
    return { status: "error", message: outcome.message, values };
  }
  redirect(`${pathOf(numero)}/code${outcome.statut === "ENVOYE" ? "" : "?envoi=differe"}`);
}

export async function submitBankDetailsCode(_previous: ActionResult<"code">, formData: FormData): Promise<ActionResult<"code">> {
  const { grant } = await requireCanActFor(formData.get("numero"), "FAIRE_DEMARCHES");
  const prisma = await db();
  const keys = fieldKeysOf(appConfig());
  const outcome = await confirmBankDetailsChange(prisma, keys, grant, { code: formData.get("code"), ip: await clientAddress() });
  if (!outcome.ok) {
    const codeProblem = !["AUCUN_CHANGEMENT", "CHANGEMENT_EXPIRE", "COORDONNEE_MODIFIEE"].includes(outcome.reason);
    return codeProblem
      ? { status: "error", message: "Les coordonnées bancaires n'ont pas été modifiées.", fieldErrors: { code: outcome.message } }
      : { status: "error", message: outcome.message };
  }
  // Committed: the notices go now, or later from the outbox.
  await deliverBankDetailsNotices(prisma, keys, createTransports(messagingConfig()), outcome.notices);
  redirect(`${pathOf(grant.dossier.numeroAllocataire)}?modifiees=1`);
}

export async function requestNewBankDetailsCode(_previous: NewCodeAnswer, formData: FormData): Promise<NewCodeAnswer> {
  const { grant } = await requireCanActFor(formData.get("numero"), "FAIRE_DEMARCHES");
  const outcome = await resendBankDetailsCode(await db(), fieldKeysOf(appConfig()), createTransports(messagingConfig()), grant, { ip: await clientAddress() });
  if (!outcome.ok) return { status: "error", message: outcome.message };
  const where = outcome.canal === "SMS" ? `par SMS au ${outcome.destination}` : `par courriel à ${outcome.destination}`;
  return { status: "info", message: `Un nouveau code vient d'être envoyé ${where}. Le code précédent ne fonctionne plus.`, ...newCodeDetails(outcome) };
}
