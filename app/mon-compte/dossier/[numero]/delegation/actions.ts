"use server";
// Grant or withdraw the délégation de gestion. Each action asks the access module itself (GERER_DELEGATION on the
// dossier posted as a selector): a conjoint, a single allocataire or anyone else posting here gets the not-found
// page (journaled) and nothing changes. The notice to the conjoint goes after the commit (or from the outbox).
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { clientAddress } from "@/lib/auth/client-address";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { grantDelegation, withdrawDelegation } from "@/lib/delegation/delegation-service";
import type { ActionResult } from "@/lib/forms/action-result";
import { deliverNotices } from "@/lib/messaging/notify-confirmed-contacts";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

async function change(kind: "accorder" | "retirer", formData: FormData): Promise<ActionResult> {
  const { grant } = await requireCanActFor(formData.get("numero"), "GERER_DELEGATION");
  const keys = fieldKeysOf(appConfig());
  const prisma = await db();
  const input = { ip: await clientAddress(), now: clockNow() };
  const outcome = kind === "accorder" ? await grantDelegation(prisma, keys, grant, input) : await withdrawDelegation(prisma, keys, grant, input);
  if (!outcome.ok) return { status: "error", message: outcome.message };
  await deliverNotices(prisma, keys, createTransports(messagingConfig()), outcome.avis);
  redirect(`/mon-compte/dossier/${grant.dossier.numeroAllocataire}/delegation?${kind === "accorder" ? "accordee" : "retiree"}=1`);
}

export async function submitGrantDelegation(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return change("accorder", formData);
}

/** Posted only by the confirmation page (retirer/): a withdrawal without it changes nothing. */
const confirmedSchema = z.literal("oui", { error: "Le retrait n'a pas été confirmé : la délégation n'a pas changé." });

export async function submitWithdrawDelegation(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const confirmed = confirmedSchema.safeParse(formData.get("confirme"));
  if (!confirmed.success) {
    // Whoever posts here still needs the right to manage the délégation before learning anything.
    await requireCanActFor(formData.get("numero"), "GERER_DELEGATION");
    return { status: "error", message: confirmed.error.issues[0]!.message };
  }
  return change("retirer", formData);
}
