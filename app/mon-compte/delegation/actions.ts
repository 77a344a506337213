"use server";
// Grant or withdraw the délégation de gestion from the space. The action checks the session and the person's role
// itself: a conjoint, a single allocataire or anyone else posting here changes nothing.
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { requireSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { grantDelegation, withdrawDelegation } from "@/lib/delegation/delegation-service";
import type { ActionResult } from "@/lib/forms/action-result";

async function change(kind: "accorder" | "retirer"): Promise<ActionResult> {
  const session = await requireSession();
  const input = { personneId: session.personneId, ip: await clientAddress() };
  const outcome = kind === "accorder" ? await grantDelegation(await db(), input) : await withdrawDelegation(await db(), input);
  if (!outcome.ok) return { status: "error", message: outcome.message };
  redirect(`/mon-compte/delegation?${kind === "accorder" ? "accordee" : "retiree"}=1`);
}

export async function submitGrantDelegation(_previous: ActionResult, _formData: FormData): Promise<ActionResult> {
  return change("accorder");
}

export async function submitWithdrawDelegation(_previous: ActionResult, _formData: FormData): Promise<ActionResult> {
  return change("retirer");
}
