// "Mon dossier" without a number: the address the home page's promises lead to (through the login). It opens the
// first dossier the person may see (VOIR_DOSSIER, lib/access), or its payments with ?voir=paiements; a person who
// sees no dossier goes to the tableau de bord, which says so. The dossier page checks the access again itself.
import { redirect } from "next/navigation";
import { accessibleDossiers, can } from "@/lib/access";
import { requireSession } from "@/lib/auth/session";
import { clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";

export default async function MonDossier({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const dossiers = await accessibleDossiers(await db(), session.personneId, clockNow());
  const target = dossiers.find((grant) => can(grant, "VOIR_DOSSIER"));
  if (!target) redirect("/tableau-de-bord");
  const paiements = (await searchParams).voir === "paiements";
  redirect(`/mon-compte/dossier/${encodeURIComponent(target.dossier.numeroAllocataire)}${paiements ? "#paiements" : ""}`);
}
