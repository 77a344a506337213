import type { Metadata } from "next";
import Link from "next/link";
import { ActionHistoryTable } from "@/components/audit/action-history-table";
import { BackLink } from "@/components/layout/back-link";
import { accessibleDossiers, can } from "@/lib/access";
import { requireCanActFor, SOI } from "@/lib/access/require-can-act-for";
import { ownDataActions } from "@/lib/audit/action-history";
import { parseActionPage } from "@/lib/audit/action-page-param";
import { clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Historique des actions" };

export default async function HistoriqueDesActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { grant } = await requireCanActFor(SOI, "VOIR_SES_DONNEES");
  const prisma = await db();
  const page = parseActionPage((await searchParams).page);
  const [history, dossiers] = await Promise.all([
    ownDataActions(prisma, grant, page),
    accessibleDossiers(prisma, grant.acteurId, clockNow()).then((grants) => grants.filter((g) => can(g, "VOIR_JOURNAL_DOSSIER"))),
  ]);
  return (
    <>
      <h1>Historique des actions</h1>
      <p>
        Chaque action est enregistrée au nom de la personne qui l&apos;a faite, avec la date et l&apos;heure. Si l&apos;une d&apos;elles ne vient pas de vous
        ou d&apos;une personne que vous avez autorisée, changez votre mot de passe et contactez votre Caf.
      </p>
      {dossiers.length > 0 && (
        <section className="fr-mb-4w" aria-labelledby="dossiers-titre">
          <h2 id="dossiers-titre">Actions sur le dossier</h2>
          <ul>
            {dossiers.map((g) => (
              <li key={g.dossier.id}>
                <Link className="fr-link" href={`/mon-compte/dossier/${g.dossier.numeroAllocataire}/historique`}>
                  Historique des actions du dossier {g.dossier.numeroAllocataire}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="donnees-titre">
        <h2 id="donnees-titre">Actions sur vos données</h2>
        <p>Les changements de vos coordonnées, de votre mot de passe et de votre espace, et les démarches qui vous concernent.</p>
        <ActionHistoryTable
          history={history}
          caption="Actions sur vos données, les plus récentes d'abord"
          empty="Aucune action n'est encore enregistrée sur vos données."
          basePath="/mon-compte/historique-des-actions"
        />
      </section>
      <p className="fr-mt-6w">
        <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
      </p>
    </>
  );
}
