import type { Metadata } from "next";
import { ActionHistoryTable } from "@/components/audit/action-history-table";
import { BackLink } from "@/components/layout/back-link";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { foyerActions } from "@/lib/audit/action-history";
import { parseActionPage } from "@/lib/audit/action-page-param";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Historique des actions du dossier" };

export default async function HistoriqueDuDossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The number in the address only says which dossier: the access comes from decideAccess() (a refusal is "page introuvable").
  const { grant } = await requireCanActFor((await params).numero, "VOIR_JOURNAL_DOSSIER");
  const numero = grant.dossier.numeroAllocataire;
  const history = await foyerActions(await db(), grant, parseActionPage((await searchParams).page));
  return (
    <>
      <h1>Historique des actions du dossier {numero}</h1>
      <p>
        Les démarches faites sur le dossier, par chaque personne qui peut le gérer, avec la date et l&apos;heure. Une démarche faite pour le compte de
        l&apos;allocataire porte la mention « (délégation) ».
      </p>
      <ActionHistoryTable
        history={history}
        caption={`Actions sur le dossier ${numero}, les plus récentes d'abord`}
        empty="Aucune démarche n'est encore enregistrée sur ce dossier."
        basePath={`/mon-compte/dossier/${numero}/historique`}
      />
      <p className="fr-mt-6w">
        <BackLink href="/mon-compte/historique-des-actions">Retour à l&apos;historique des actions</BackLink>
      </p>
    </>
  );
}
