"use server";
// "Déclarer une séparation": the action asks the access module itself (DECLARER_SEPARATION on the dossier posted as
// a selector), validates, records the request in one transaction (lib/separation), sends the notices after the
// commit, and shows the confirmation (the page then says the request is awaiting the Caf).
import { redirect } from "next/navigation";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { clientAddress } from "@/lib/auth/client-address";
import { updateSession } from "@/lib/auth/session";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { deliverNotices } from "@/lib/messaging/notify-confirmed-contacts";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";
import { declareSeparation, type SeparationField } from "@/lib/separation";

export async function submitSeparation(_previous: ActionResult<SeparationField>, formData: FormData): Promise<ActionResult<SeparationField>> {
  const { session, grant } = await requireCanActFor(formData.get("numero"), "DECLARER_SEPARATION");
  const keys = fieldKeysOf(appConfig());
  const prisma = await db();
  const dateSeparation = formData.get("dateSeparation");
  const outcome = await declareSeparation(
    prisma,
    keys,
    grant,
    { dateSeparation, confirmation: formData.get("confirmation") ?? undefined },
    { ip: await clientAddress(), now: clockNow() },
  );
  if (!outcome.ok) {
    return {
      status: "error",
      message: "Votre séparation n'a pas été déclarée : le formulaire contient des erreurs.",
      fieldErrors: outcome.fieldErrors,
      values: { dateSeparation: typeof dateSeparation === "string" ? dateSeparation.slice(0, 20) : "" },
    };
  }
  await deliverNotices(prisma, keys, createTransports(messagingConfig()), outcome.avis);
  // The declarant was the delegataire: their other sessions ended with the délégation, this one goes on.
  if (outcome.versionSessionDeclarant !== null) await updateSession(session, { versionSession: outcome.versionSessionDeclarant });
  redirect(`/mon-compte/dossier/${grant.dossier.numeroAllocataire}/separation?${outcome.enregistree ? "declaree" : "deja"}=1`);
}
