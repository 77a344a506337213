// The former address of the délégation page: it sends the allocataire of a couple to their dossier's délégation
// page. Anyone else gets the not-found page, journaled, through the same guard (GERER_DELEGATION, lib/access).
import { redirect } from "next/navigation";
import { accessibleDossiers, can } from "@/lib/access";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { requireSession } from "@/lib/auth/session";
import { clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";

export default async function AncienneAdresseDelegation() {
  const session = await requireSession();
  const dossiers = await accessibleDossiers(await db(), session.personneId, clockNow());
  const target = dossiers.find((grant) => can(grant, "GERER_DELEGATION")) ?? dossiers[0];
  const { grant } = await requireCanActFor(target?.dossier.numeroAllocataire ?? null, "GERER_DELEGATION");
  redirect(`/mon-compte/dossier/${grant.dossier.numeroAllocataire}/delegation`);
}
